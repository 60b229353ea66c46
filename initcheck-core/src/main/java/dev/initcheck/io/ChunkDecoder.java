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
    private final double[] out;
    private final float[] floats;
    private final short[] shorts;

    ChunkDecoder(DType dtype, int capacity) {
        if (capacity < 1 || capacity > MAX_CHUNK) {
            throw new IllegalArgumentException("chunk capacity " + capacity);
        }
        this.dtype = dtype;
        this.out = new double[capacity];
        this.floats = dtype == DType.F32 ? new float[capacity] : null;
        this.shorts = dtype.itemSize() == 2 ? new short[capacity] : null;
    }

    /** A chunk capacity suited to {@code elements} values. */
    static int capacityFor(long elements) {
        return (int) Math.max(1, Math.min(MAX_CHUNK, elements));
    }

    double[] buffer() {
        return out;
    }

    int capacity() {
        return out.length;
    }

    /**
     * Decodes as many whole elements as fit in the chunk from {@code src}'s position (in
     * {@code src}'s byte order), advancing the position past them.
     *
     * @return the number of values now in {@link #buffer()}
     */
    int decode(ByteBuffer src) {
        int n = (int) Math.min(out.length, src.remaining() / dtype.itemSize());
        switch (dtype) {
            case F64 -> src.asDoubleBuffer().get(out, 0, n);
            case F32 -> widen(src, n);
            case F16 -> {
                src.asShortBuffer().get(shorts, 0, n);
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloat.f16ToFloat(shorts[i]);
                }
            }
            case BF16 -> {
                src.asShortBuffer().get(shorts, 0, n);
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloat.bf16ToFloat(shorts[i]);
                }
            }
        }
        src.position(src.position() + n * dtype.itemSize());
        return n;
    }

    private void widen(ByteBuffer src, int n) {
        src.asFloatBuffer().get(floats, 0, n);
        for (int i = 0; i < n; i++) {
            out[i] = floats[i];
        }
    }
}
