package dev.initcheck.io;

import java.util.Objects;

/**
 * A chunk of tensor values as stored, before widening to {@code double}: the bit patterns of 16-bit floats
 * ({@link DType#F16}, {@link DType#BF16}) in a {@code short[]}, float32 values in a {@code float[]}, float64 values
 * in a {@code double[]}. Summaries that work on the stored form (counting 16-bit patterns, reading float32 directly)
 * skip the widening copy; {@link #value} and {@link #widen} give the exact {@code double} of any element.
 *
 * <p>A source reuses its chunk for the next one: a consumer that keeps values must copy them.
 */
public final class RawChunk {
    private static final double[] F16_VALUES = table(DType.F16);
    private static final double[] BF16_VALUES = table(DType.BF16);

    private final DType dtype;
    private final short[] halves;
    private final float[] floats;
    private final double[] doubles;
    private int length;

    private RawChunk(DType dtype, short[] halves, float[] floats, double[] doubles) {
        this.dtype = dtype;
        this.halves = halves;
        this.floats = floats;
        this.doubles = doubles;
    }

    /** An empty chunk of up to {@code capacity} values of {@code dtype}. */
    public static RawChunk of(DType dtype, int capacity) {
        Objects.requireNonNull(dtype, "dtype");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        return switch (dtype) {
            case F16, BF16 -> new RawChunk(dtype, new short[capacity], null, null);
            case F32 -> new RawChunk(dtype, null, new float[capacity], null);
            case F64 -> new RawChunk(dtype, null, null, new double[capacity]);
        };
    }

    /** A float64 chunk over {@code values[0..length)}, without copying (the caller keeps ownership). */
    public static RawChunk wrap(double[] values, int length) {
        RawChunk c = new RawChunk(DType.F64, null, null, values);
        c.setLength(length);
        return c;
    }

    /** A float32 chunk over {@code values[0..length)}, without copying. */
    public static RawChunk wrap(float[] values, int length) {
        RawChunk c = new RawChunk(DType.F32, null, values, null);
        c.setLength(length);
        return c;
    }

    /**
     * A chunk of 16-bit floats over the patterns {@code bits[0..length)}, without copying.
     *
     * @throws IllegalArgumentException if {@code dtype} is not F16 or BF16
     */
    public static RawChunk wrap(DType dtype, short[] bits, int length) {
        if (dtype != DType.F16 && dtype != DType.BF16) {
            throw new IllegalArgumentException(dtype + " values are not 16-bit patterns");
        }
        RawChunk c = new RawChunk(dtype, bits, null, null);
        c.setLength(length);
        return c;
    }

    /**
     * The exact value of every 16-bit pattern of a 16-bit float type (index = bits, 0 to 65,535; NaN and infinities
     * included): a shared table, not to be modified.
     *
     * @throws IllegalArgumentException for a type that is not 16 bits wide
     */
    public static double[] patternValues(DType dtype) {
        return switch (dtype) {
            case F16 -> F16_VALUES;
            case BF16 -> BF16_VALUES;
            default -> throw new IllegalArgumentException(dtype + " has no 16-bit patterns");
        };
    }

    private static double[] table(DType dtype) {
        double[] t = new double[1 << 16];
        for (int bits = 0; bits < t.length; bits++) {
            t[bits] = dtype == DType.F16 ? HalfFloat.f16ToFloat(bits) : HalfFloat.bf16ToFloat(bits);
        }
        return t;
    }

    public DType dtype() {
        return dtype;
    }

    /** Number of valid values. */
    public int length() {
        return length;
    }

    /** Values this chunk can hold. */
    public int capacity() {
        return halves != null ? halves.length : floats != null ? floats.length : doubles.length;
    }

    void setLength(int length) {
        if (length < 0 || length > capacity()) {
            throw new IllegalArgumentException("length " + length + " outside [0, " + capacity() + "]");
        }
        this.length = length;
    }

    /** The 16-bit patterns (F16, BF16), else null. */
    public short[] halves() {
        return halves;
    }

    /** The float32 values (F32), else null. */
    public float[] floats() {
        return floats;
    }

    /** The float64 values (F64), else null. */
    public double[] doubles() {
        return doubles;
    }

    /** The exact value of element {@code i}. */
    double value(int i) {
        return switch (dtype) {
            case F16 -> F16_VALUES[halves[i] & 0xFFFF];
            case BF16 -> BF16_VALUES[halves[i] & 0xFFFF];
            case F32 -> floats[i];
            case F64 -> doubles[i];
        };
    }

    /** Writes the exact values of elements {@code [from, to)} into {@code dst} from {@code at} on. */
    public void widen(int from, int to, double[] dst, int at) {
        switch (dtype) {
            case F16, BF16 -> {
                double[] table = patternValues(dtype);
                for (int i = from; i < to; i++) {
                    dst[at + i - from] = table[halves[i] & 0xFFFF];
                }
            }
            case F32 -> {
                for (int i = from; i < to; i++) {
                    dst[at + i - from] = floats[i];
                }
            }
            case F64 -> System.arraycopy(doubles, from, dst, at, to - from);
        }
    }

    /** A copy of the valid values into {@code target} (same type, enough capacity), returned. */
    public RawChunk copyInto(RawChunk target) {
        if (target.dtype != dtype || target.capacity() < length) {
            throw new IllegalArgumentException("cannot copy " + length + " " + dtype + " values into a chunk of "
                    + target.capacity() + " " + target.dtype);
        }
        switch (dtype) {
            case F16, BF16 -> System.arraycopy(halves, 0, target.halves, 0, length);
            case F32 -> System.arraycopy(floats, 0, target.floats, 0, length);
            case F64 -> System.arraycopy(doubles, 0, target.doubles, 0, length);
        }
        target.length = length;
        return target;
    }
}
