package dev.initcheck.property;

import dev.initcheck.shape.FanMode;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Domain generators for properties. Each shrinks toward the simplest value: shapes toward rank 2 with every
 * dimension 1, layouts toward PyTorch, scales and gains toward 1, seeds toward 0.
 */
public final class Generators {
    private Generators() {
    }

    /**
     * Shapes of rank {@code minRank..maxRank} with dimensions 1..{@code maxDim}; dimensions are clamped from the
     * last one down so the total size stays <= {@code maxSize} (clamping is a function of the drawn values, so
     * shrinking still works).
     */
    public static Gen<Shape> shapes(int minRank, int maxRank, int maxDim, long maxSize) {
        Gen<Integer> dim = Generate.range(1, maxDim);
        Gen<int[]> five = dim.zip(dim, dim, dim, dim, (a, b, c, d, e) -> new int[] {a, b, c, d, e});
        return Generate.range(minRank, maxRank).zip(five, (rank, dims) -> clamp(rank, dims, maxSize))
                .describedAs(Shape::toString);
    }

    static Shape clamp(int rank, int[] dims, long maxSize) {
        long[] d = new long[rank];
        long product = 1;
        for (int i = 0; i < rank; i++) {
            d[i] = dims[i];
            product *= dims[i];
        }
        for (int i = rank - 1; i >= 0 && product > maxSize; i--) {
            product /= d[i];
            d[i] = Math.max(1, Math.min(d[i], maxSize / product));
            product *= d[i];
        }
        return Shape.of(d);
    }

    public static Gen<Layout> layouts() {
        return Generate.pick(List.of(Layout.PYTORCH, Layout.KERAS));
    }

    public static Gen<FanMode> fanModes() {
        return Generate.pick(List.of(FanMode.FAN_IN, FanMode.FAN_OUT, FanMode.FAN_AVG));
    }

    /** Variance-scaling scales from {1, 2, 0.5, 1/3, 3, 0.1}. */
    public static Gen<Double> scales() {
        return Generate.pick(List.of(1.0, 2.0, 0.5, 1.0 / 3, 3.0, 0.1));
    }

    /** Gains from calculate_gain's table and a few others. */
    public static Gen<Double> gains() {
        return Generate.pick(List.of(1.0, Math.sqrt(2), 5.0 / 3, 0.75, 0.5, 3.0));
    }

    /** Seeds for the generator that samples weights. */
    public static Gen<Long> seeds() {
        return Generate.longRange(0, Long.MAX_VALUE / 2);
    }

    /** Picks from a list, shrinking toward its first element. */
    public static <T> Gen<T> oneOf(List<T> values) {
        return Generate.pick(values);
    }
}
