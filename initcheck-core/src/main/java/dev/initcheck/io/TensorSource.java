package dev.initcheck.io;

/**
 * An opened tensor whose values can be streamed or loaded. Obtained from {@link TensorFiles#open}.
 *
 * <p>A source may be read any number of times until it is closed. It is not thread-safe.
 */
public interface TensorSource extends AutoCloseable {
    /** The largest number of elements {@link #readAllCOrder()} ever returns (a JVM array limit). */
    long MAX_ARRAY_ELEMENTS = Integer.MAX_VALUE - 8;

    /**
     * The tensor's name, shape, element type and storage order.
     *
     * @return the description read from the file's header
     */
    TensorInfo info();

    /**
     * Streams every value, widened to {@code double}, in storage order (Fortran order for
     * Fortran-ordered {@code .npy} data), in chunks of at most {@code 1 << 16} values delivered
     * through one reused buffer. NaN and infinities are delivered as values.
     *
     * @param consumer receives each chunk; it must copy what it keeps, the buffer is reused
     * @throws TensorFormatException if the data turn out to be unreadable while streaming
     * @throws IllegalStateException after {@link #close()}
     */
    void forEachChunk(ChunkConsumer consumer) throws TensorFormatException;

    /**
     * Streams every value as stored ({@link RawChunk}: 16-bit patterns, float32 or float64), in the same chunks and
     * order as {@link #forEachChunk}. Sources that decode from text or compressed entries deliver float64 chunks.
     * This is the summaries' path; {@link RawChunk} is internal (no compatibility promise), so library code should
     * stream with {@link #forEachChunk}.
     *
     * @param consumer receives each chunk; the chunk is reused for the next one
     * @throws TensorFormatException if the data turn out to be unreadable while streaming
     * @throws IllegalStateException after {@link #close()}
     */
    void forEachRawChunk(RawChunkConsumer consumer) throws TensorFormatException;

    /** Receives the chunks of {@link #forEachRawChunk}; the chunk is reused for the next one. */
    @FunctionalInterface
    interface RawChunkConsumer {
        /**
         * Receives one chunk.
         *
         * @param chunk the next values as stored, valid until this method returns
         */
        void accept(RawChunk chunk);
    }

    /**
     * Returns all values in C (row-major) order, limited to {@link #MAX_ARRAY_ELEMENTS} elements.
     *
     * @return a new array of {@code info().size()} values, widened to double
     * @throws TensorFormatException if the data are unreadable, or the tensor is too large to load
     */
    default double[] readAllCOrder() throws TensorFormatException {
        return readAllCOrder(MAX_ARRAY_ELEMENTS);
    }

    /**
     * Returns all values in C (row-major) order, refusing tensors with more than
     * {@code maxElements} elements (or more than {@link #MAX_ARRAY_ELEMENTS}, or more than the
     * maximum heap can hold) before allocating anything.
     *
     * @param maxElements the largest number of elements accepted, &ge; 0
     * @return a new array of {@code info().size()} values, widened to double, C order (Fortran-ordered data are
     *     transposed)
     * @throws TensorFormatException if the data are unreadable or the tensor exceeds the limit
     */
    double[] readAllCOrder(long maxElements) throws TensorFormatException;

    /** Releases the file. Further reads fail with {@link IllegalStateException}. */
    @Override
    void close();
}
