package dev.initcheck.io;

/**
 * Receives tensor values chunk by chunk from {@link TensorSource#forEachChunk}.
 *
 * <p>The buffer is reused for the next chunk: a consumer that keeps values must copy them.
 */
@FunctionalInterface
public interface ChunkConsumer {
    /**
     * Accepts the values {@code buf[0]} to {@code buf[len - 1]}.
     *
     * @param buf the shared chunk buffer
     * @param len the number of valid values, at least 1
     */
    void accept(double[] buf, int len);
}
