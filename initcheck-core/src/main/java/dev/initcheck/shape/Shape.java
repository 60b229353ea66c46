package dev.initcheck.shape;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The dimensions of a weight tensor, rank 1 to {@value #MAX_RANK}, every dimension at least 1, the number of
 * elements representable as a long. Immutable; equal when the dimensions are.
 */
public final class Shape {
    /** The largest rank: a 3-D convolution's {@code [out, in, d, h, w]}. */
    public static final int MAX_RANK = 5;
    private final long[] dims;

    private Shape(long[] dims) {
        this.dims = dims;
    }

    /**
     * A shape from its dimensions, outermost first ({@code Shape.of(256, 512)}; layout decides their meaning).
     *
     * @param dims 1 to {@value #MAX_RANK} dimensions, each at least 1 (copied)
     * @return the shape
     * @throws IllegalArgumentException on a rank outside 1..{@value #MAX_RANK}, a dimension below 1, or a product
     *     of the dimensions that overflows a long
     */
    public static Shape of(long... dims) {
        if (dims.length < 1 || dims.length > MAX_RANK) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "shape must have rank 1 to %d, got rank %d", MAX_RANK, dims.length));
        }
        long size = 1;
        for (long d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("shape dimensions must be >= 1, got " + d
                        + " in " + Arrays.toString(dims));
            }
            try {
                size = Math.multiplyExact(size, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has more elements than a long can count");
            }
        }
        return new Shape(dims.clone());
    }

    /**
     * A shape from int dimensions, as {@link #of(long...)}.
     *
     * @param dims 1 to {@value #MAX_RANK} dimensions, each at least 1
     * @return the shape
     * @throws IllegalArgumentException as {@link #of(long...)}
     */
    public static Shape of(int... dims) {
        return of(Arrays.stream(dims).asLongStream().toArray());
    }

    /**
     * Parses {@code "256,512"}, {@code "[64, 32, 3, 3]"}, {@code "(64, 32)"} or {@code "64x32x3x3"}: integers
     * separated by commas, {@code x} or {@code ×}, optionally in brackets or parentheses.
     *
     * @param text the shape as written on a command line or in a report
     * @return the shape
     * @throws IllegalArgumentException when a part is not an integer, or as {@link #of(long...)}
     */
    public static Shape parse(String text) {
        String body = text.strip().replaceAll("^[\\[(]|[\\])]$", "");
        String[] parts = body.split("\\s*[,x×]\\s*");
        long[] dims = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                dims[i] = Long.parseLong(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("shape '" + text
                        + "' is not a comma-separated list of positive integers (e.g. 256,512 or 64,32,3,3)");
            }
        }
        return of(dims);
    }

    /**
     * The number of dimensions.
     *
     * @return 1 to {@value #MAX_RANK}
     */
    public int rank() {
        return dims.length;
    }

    /**
     * One dimension.
     *
     * @param i its index, 0 (outermost) to {@code rank() - 1}
     * @return the dimension, at least 1
     * @throws ArrayIndexOutOfBoundsException when {@code i} is outside 0..rank()-1
     */
    public long dim(int i) {
        return dims[i];
    }

    /**
     * The dimensions, outermost first.
     *
     * @return a copy
     */
    public long[] dims() {
        return dims.clone();
    }

    /**
     * The number of elements, prod(dims).
     *
     * @return at least 1; never overflows (checked by {@link #of(long...)})
     */
    public long size() {
        long s = 1;
        for (long d : dims) {
            s *= d; // cannot overflow: checked in of()
        }
        return s;
    }

    /** Product of dims[from..to). */
    long product(int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            p *= dims[i];
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /**
     * The bracketed form.
     *
     * @return e.g. {@code [64, 32, 3, 3]}
     */
    @Override
    public String toString() {
        return Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * The command-line form, which {@link #parse(String)} reads back.
     *
     * @return e.g. {@code 64,32,3,3}
     */
    public String toCommaString() {
        return Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(","));
    }
}
