package dev.initcheck.io;

import java.util.Objects;

/**
 * Common behaviour of the sources: closed-state checks and {@link #readAllCOrder} built on a
 * storage-order pass. Subclasses call the consumer outside their exception wrapping, so an
 * exception thrown by a consumer reaches the caller unchanged.
 */
abstract class AbstractTensorSource implements TensorSource {
    private final TensorInfo info;
    private final Where where;
    private boolean closed;

    AbstractTensorSource(TensorInfo info, Where where) {
        this.info = info;
        this.where = where;
    }

    @Override
    public final TensorInfo info() {
        return info;
    }

    final Where where() {
        return where;
    }

    /** Delivers all values in storage order; fails if the data do not match the declared size. */
    abstract void readPass(ChunkConsumer sink) throws TensorFormatException;

    /** As {@link #readPass}, the values as stored; by default float64 chunks of the widened values. */
    void readRawPass(TensorSource.RawChunkConsumer sink) throws TensorFormatException {
        RawChunk[] wrapper = {null};
        readPass((buf, len) -> {
            if (wrapper[0] == null || wrapper[0].doubles() != buf) {
                wrapper[0] = RawChunk.wrap(buf, len);
            } else {
                wrapper[0].setLength(len);
            }
            sink.accept(wrapper[0]);
        });
    }

    /** Releases resources; called once. */
    abstract void release();

    /**
     * Makes sure the data hold exactly {@code info().size()} values before anything of that size
     * is allocated. Sources whose size was checked against the file length need nothing here.
     */
    void verifyBeforeAllocation() throws TensorFormatException {
    }

    @Override
    public final void forEachChunk(ChunkConsumer consumer) throws TensorFormatException {
        Objects.requireNonNull(consumer, "consumer");
        ensureOpen();
        readPass(consumer);
    }

    @Override
    public final void forEachRawChunk(TensorSource.RawChunkConsumer consumer) throws TensorFormatException {
        Objects.requireNonNull(consumer, "consumer");
        ensureOpen();
        readRawPass(consumer);
    }

    @Override
    public final double[] readAllCOrder(long maxElements) throws TensorFormatException {
        ensureOpen();
        long n = info.size();
        long limit = Math.min(maxElements, MAX_ARRAY_ELEMENTS);
        if (n > limit) {
            throw where.fail("%d elements are more than the %d that can be loaded at once; "
                    + "stream them with forEachChunk", n, limit);
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (n > maxHeap / Double.BYTES) {
            throw where.fail("loading %d elements needs %d MiB but the maximum heap is %d MiB",
                    n, (n * Double.BYTES) >> 20, maxHeap >> 20);
        }
        verifyBeforeAllocation();
        double[] out = new double[(int) n];
        readPass(COrderSink.into(out, info));
        return out;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("tensor source is closed");
        }
    }
}
