package dev.initcheck.shape;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the input and output channels sit in a weight shape.
 *
 * <ul>
 *   <li>{@link #PYTORCH}: {@code [out, in/groups, *kernel]} ({@code torch/nn/init.py,
 *       _calculate_fan_in_and_fan_out}); fan_in = shape[1]·rf, fan_out = shape[0]·rf, rf = prod(shape[2:]).
 *       Transposed convolutions store {@code [in, out/groups, *kernel]}, so PyTorch's own fans come out swapped
 *       (PyTorch PR #30079): declare the fans the framework computes, or pass explicit fans.</li>
 *   <li>{@link #KERAS}: {@code [*kernel, in, out]} ({@code keras/src/initializers/random_initializers.py,
 *       compute_fans}); fan_in = shape[-2]·rf, fan_out = shape[-1]·rf, rf = prod(shape[:-2]).</li>
 * </ul>
 * A rank-1 shape [n] has fan_in = fan_out = n in both layouts (Keras' rule; PyTorch refuses fewer than 2 dims).
 */
public enum Layout {
    /** PyTorch's {@code [out, in/groups, *kernel]}. */
    PYTORCH,
    /** Keras and TensorFlow's {@code [*kernel, in, out]}. */
    KERAS;

    /**
     * Lower-case name used on the command line and in reports.
     *
     * @return {@code pytorch} or {@code keras}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Case-insensitive lookup by {@link #id()}, surrounding whitespace ignored.
     *
     * @param text {@code pytorch} or {@code keras}
     * @return the layout
     * @throws IllegalArgumentException for any other text; the message lists the valid choices
     */
    public static Layout parse(String text) {
        for (Layout l : values()) {
            if (l.id().equalsIgnoreCase(text.strip())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + text + "' (valid: "
                + Arrays.stream(values()).map(Layout::id).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * Rows and columns of the 2-D matrix this layout's orthogonal initializer works on: PyTorch
     * ({@code orthogonal_}) rows = shape[0], cols = numel / rows; Keras ({@code Orthogonal}) rows =
     * prod(shape[:-1]), cols = shape[-1].
     *
     * @param shape the weight shape
     * @return {@code {rows, cols}}, whose product is {@code shape.size()}
     */
    public long[] orthogonalMatrix(Shape shape) {
        if (this == PYTORCH) { // torch: rows = shape[0], cols = numel / rows
            return new long[] {shape.dim(0), shape.size() / shape.dim(0)};
        }
        long cols = shape.dim(shape.rank() - 1); // keras: rows = prod(shape[:-1]), cols = shape[-1]
        return new long[] {shape.size() / cols, cols};
    }
}
