package dev.initcheck.summary;

/**
 * A coarse copy of a {@link PitHistogram} for display: at most a few thousand of its cell edges t_j, with the exact
 * count of values below each, C_j = #{x &lt; t_j}, and the law's P(Y &lt; t_j) there. The edges kept are every k-th
 * edge plus the edge where |C_j/n − P(Y &lt; t_j)| is largest, so the largest gap of the full histogram, D_lo, is
 * among them. Counts between kept edges add up exactly: a coarser histogram of the same values.
 *
 * @param n          values counted
 * @param bins       the B of the grid (each cell holds at most about 1/B of the law's mass)
 * @param resolution D_hi − D_lo of the full grid: D_lo ≤ D ≤ D_lo + resolution
 * @param edges      kept edges t_j, ascending
 * @param below      C_j for each kept edge
 * @param expected   P(Y &lt; t_j) under the law of the stored value, for each kept edge
 */
public record BinnedCdf(long n, int bins, double resolution, double[] edges, long[] below, double[] expected) {

    /** Keeps every k-th edge of {@code h} (k so that at most about {@code maxEdges} remain) and the largest gap. */
    static BinnedCdf of(PitHistogram h, long[] counts, int maxEdges) {
        BinEdges e = h.edges();
        int m = e.cells();
        int step = Math.max(1, (int) Math.ceil((m - 1) / (double) maxEdges));
        int at = 1;
        double worst = -1;
        long[] cumulative = new long[m];
        long c = 0;
        for (int j = 1; j < m; j++) {
            c += counts[j - 1];
            cumulative[j] = c;
            double gap = Math.abs((double) c / h.count() - e.cdfAtEdge(j));
            if (gap > worst) {
                worst = gap;
                at = j;
            }
        }
        java.util.TreeSet<Integer> kept = new java.util.TreeSet<>();
        for (int j = 1; j < m; j += step) {
            kept.add(j);
        }
        kept.add(m - 1);
        kept.add(at);
        double[] x = new double[kept.size()];
        long[] below = new long[kept.size()];
        double[] p = new double[kept.size()];
        int i = 0;
        for (int j : kept) {
            x[i] = e.edge(j);
            below[i] = cumulative[j];
            p[i] = e.cdfAtEdge(j);
            i++;
        }
        return new BinnedCdf(h.count(), e.bins(), e.maxBinMass(), x, below, p);
    }
}
