package dev.initcheck.shape;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The dimensions of a weight tensor, rank 1 to 5, every dimension >= 1. */
public final class Shape {
    public static final int MAX_RANK = 5;
    private final long[] dims;

    private Shape(long[] dims) {
        this.dims = dims;
    }

    /** @throws IllegalArgumentException on rank outside 1..5, a dimension < 1, or a size that overflows a long */
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

    public static Shape of(int... dims) {
        return of(Arrays.stream(dims).asLongStream().toArray());
    }

    /** Parses {@code "256,512"}, {@code "[64, 32, 3, 3]"} or {@code "64x32x3x3"}. */
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

    public int rank() {
        return dims.length;
    }

    public long dim(int i) {
        return dims[i];
    }

    public long[] dims() {
        return dims.clone();
    }

    /** Number of elements. */
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

    /** {@code [64, 32, 3, 3]}. */
    @Override
    public String toString() {
        return Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code 64,32,3,3}, the command-line form. */
    public String toCommaString() {
        return Arrays.stream(dims).mapToObj(Long::toString).collect(Collectors.joining(","));
    }
}
