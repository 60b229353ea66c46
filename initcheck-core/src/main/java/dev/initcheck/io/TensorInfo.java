package dev.initcheck.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * Describes one tensor of a file.
 *
 * @param name         the tensor's name (for single-tensor files, the file name without extension)
 * @param shape        dimensions, outermost first; empty for a 0-d (scalar) tensor
 * @param dtype        element type in the file
 * @param fortranOrder whether the data are stored in Fortran (column-major) order
 */
public record TensorInfo(String name, long[] shape, DType dtype, boolean fortranOrder) {
    /** The largest rank accepted, as in NumPy 2 ({@code NPY_MAXDIMS}). */
    public static final int MAX_RANK = 64;

    /**
     * Validates and copies the shape.
     *
     * @param name the tensor's name
     * @param shape dimensions, outermost first, each &ge; 0 (copied)
     * @param dtype element type in the file
     * @param fortranOrder whether the data are stored in Fortran (column-major) order
     * @throws NullPointerException when name or dtype is null
     * @throws IllegalArgumentException for a negative dimension, a rank above {@link #MAX_RANK}, or
     *     a size or byte count that does not fit in a {@code long} (readers check these first)
     */
    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        if (shape.length > MAX_RANK) {
            throw new IllegalArgumentException("rank " + shape.length + " exceeds " + MAX_RANK);
        }
        long size = Shapes.sizeOrMinusOne(shape);
        if (size < 0 || size > Long.MAX_VALUE / dtype.itemSize()) {
            throw new IllegalArgumentException("invalid shape " + formatShape(shape));
        }
    }

    /**
     * The dimensions.
     *
     * @return a copy, outermost first
     */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /**
     * The number of dimensions.
     *
     * @return 0 (a scalar) to {@value #MAX_RANK}
     */
    public int rank() {
        return shape.length;
    }

    /**
     * The number of elements.
     *
     * @return the product of the dimensions; 1 for a 0-d tensor, 0 when a dimension is 0
     */
    public long size() {
        return Shapes.sizeOrMinusOne(shape);
    }

    /**
     * The number of data bytes in the file.
     *
     * @return {@code size() * dtype().itemSize()} (fits in a long: checked at construction)
     */
    public long byteSize() {
        return size() * dtype.itemSize();
    }

    /**
     * Formats a shape for messages.
     *
     * @param shape any dimensions
     * @return e.g. {@code [3, 4]}; {@code []} for a scalar
     */
    public static String formatShape(long[] shape) {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && dtype == t.dtype && fortranOrder == t.fortranOrder;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), dtype, fortranOrder);
    }

    @Override
    public String toString() {
        return name + " " + formatShape(shape) + " " + dtype + (fortranOrder ? " (Fortran order)" : "");
    }
}
