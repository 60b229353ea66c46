package dev.initcheck.io;

import java.nio.ByteBuffer;

/**
 * Decodes little- or big-endian elements from a {@link ByteBuffer} into a reused {@code double}
 * chunk through bulk buffer views, never byte by byte.
 */
final class ChunkDecoder {
    /** The largest chunk delivered to a {@link ChunkConsumer}. */
    static final int MAX_CHUNK = 1 << 16;

    private final DType dtype;
    private final RawChunk raw;
    private double[] out;

    ChunkDecoder(DType dtype, int capacity) {
        if (capacity < 1 || capacity > MAX_CHUNK) {
            throw new IllegalArgumentException("chunk capacity " + capacity);
        }
        this.dtype = dtype;
        this.raw = RawChunk.of(dtype, capacity);
    }

    /** A chunk capacity suited to {@code elements} values. */
    static int capacityFor(long elements) {
        return (int) Math.max(1, Math.min(MAX_CHUNK, elements));
    }

    /** The widened values of the last {@link #decode}. */
    double[] buffer() {
        if (out == null) {
            out = dtype == DType.F64 ? raw.doubles() : new double[raw.capacity()];
        }
        return out;
    }

    int capacity() {
        return raw.capacity();
    }

    /** The stored values of the last {@link #decodeRaw} (or {@link #decode}). */
    RawChunk raw() {
        return raw;
    }

    /**
     * Decodes as many whole elements as fit in the chunk from {@code src}'s position (in {@code src}'s byte order)
     * into {@link #buffer()}, widened, advancing the position past them.
     *
     * @return the number of values now in {@link #buffer()}
     */
    int decode(ByteBuffer src) {
        int n = decodeRaw(src);
        if (dtype != DType.F64) { // float64 decodes into the buffer itself
            raw.widen(0, n, buffer(), 0);
        }
        return n;
    }

    /**
     * As {@link #decode} into {@link #raw()}, without widening: bulk copies through buffer views, never byte by
     * byte.
     */
    int decodeRaw(ByteBuffer src) {
        int n = (int) Math.min(raw.capacity(), src.remaining() / dtype.itemSize());
        switch (dtype) {
            case F64 -> src.asDoubleBuffer().get(raw.doubles(), 0, n);
            case F32 -> src.asFloatBuffer().get(raw.floats(), 0, n);
            case F16, BF16 -> src.asShortBuffer().get(raw.halves(), 0, n);
        }
        src.position(src.position() + n * dtype.itemSize());
        raw.setLength(n);
        return n;
    }
}
