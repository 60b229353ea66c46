package dev.initcheck.report;

import dev.initcheck.propagation.PropagationRow;
import java.util.List;
import java.util.Map;

/**
 * The seed experiments: zero and constant weights give identical hidden units ({@code constantRows}); small
 * random, large random, Xavier (Glorot) and He weights through the tanh network of seed document 000
 * ({@code rows}, {@code regimes}).
 */
public record SeedSection(int[] widths, int batch, String activation, List<PropagationRow> rows,
                          Map<String, String> regimes, List<IdenticalRows> constantRows) {

    /** A scheme sampled on {@code rows × cols}: the size of its largest group of identical rows. */
    public record IdenticalRows(String scheme, int rows, int cols, int largestIdenticalGroup) {
    }
}
