package dev.initcheck.propagation;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.initcheck.scheme.Initializer;
import java.util.Arrays;
import org.quicktheories.core.Gen;

/** Generators and mutants shared by the propagation properties. */
final class Networks {
    /** Batch of the property runs: the bands estimate their own width from the data, so any batch is valid. */
    static final int BATCH = 128;

    private Networks() {
    }

    /** Widths [n_0, …, n_L] with every width in [minWidth, maxWidth] and depth L in [minDepth, maxDepth]. */
    static Gen<int[]> widths(int minWidth, int maxWidth, int minDepth, int maxDepth) {
        return lists().of(integers().between(minWidth, maxWidth)).ofSizeBetween(minDepth + 1, maxDepth + 1)
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray()).describedAs(Arrays::toString);
    }

    /** An input width then {@code depth} layers of one width. */
    static int[] constant(int input, int width, int depth) {
        int[] w = new int[depth + 1];
        Arrays.fill(w, width);
        w[0] = input;
        return w;
    }

    /** The same initializer with every weight multiplied by {@code factor} (variance by factor²). */
    static Initializer scaled(Initializer base, double factor) {
        return PropagationTest.scaled(base, factor);
    }
}
