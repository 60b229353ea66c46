package dev.initcheck.summary;

import dev.initcheck.distribution.Distribution;

/**
 * Probability-integral-transform bins in x-space: edges e_j = F^{-1}(j/B), j = 1..B-1, and the exact
 * probabilities p_j = F(e_j) recomputed at the rounded edges, so that no bound relies on the quantile function
 * being exact. A sample goes to bin #{j : e_j <= x} through a uniform lookup grid over the central range plus a
 * short forward scan: O(1) per sample, no CDF evaluation per sample.
 */
public final class BinEdges {
    private final Distribution law;
    private final int bins;
    private final double[] edges; // length bins-1, non-decreasing
    private final double[] cdfAtEdges; // p_j = F(e_j)
    private final double gridLow;
    private final double gridScale;
    private final int[] gridStart; // first bin of each grid cell

    private BinEdges(Distribution law, int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("bins must be >= 2, got " + bins);
        }
        this.law = law;
        this.bins = bins;
        this.edges = new double[bins - 1];
        this.cdfAtEdges = new double[bins - 1];
        for (int j = 1; j < bins; j++) {
            edges[j - 1] = law.inverseCdf((double) j / bins);
            cdfAtEdges[j - 1] = law.cdf(edges[j - 1]);
        }
        int cells = 4 * bins;
        gridLow = edges[0];
        double span = edges[bins - 2] - edges[0];
        gridScale = span > 0 ? cells / span : 0;
        gridStart = new int[cells + 1];
        int j = 0;
        for (int c = 0; c <= cells; c++) {
            double cellLow = gridLow + c / gridScale;
            while (j < bins - 1 && edges[j] <= cellLow) {
                j++;
            }
            gridStart[c] = Math.max(0, j - 1); // a conservative start: scan forward from here
        }
    }

    /** Edges for {@code law} with {@code bins} equal-probability bins (bins >= 2; 2^16 or more for KS). */
    public static BinEdges of(Distribution law, int bins) {
        return new BinEdges(law, bins);
    }

    public Distribution law() {
        return law;
    }

    public int bins() {
        return bins;
    }

    /** p_j = F(e_j) for j = 1..B-1 (index j-1). */
    double cdfAtEdge(int j) {
        return cdfAtEdges[j - 1];
    }

    /** e_j, j = 1..B-1. */
    double edge(int j) {
        return edges[j - 1];
    }

    /** The bin of a finite x: the number of edges <= x. NaN is never passed here. */
    public int bin(double x) {
        if (x < gridLow) {
            return 0;
        }
        double pos = (x - gridLow) * gridScale;
        int j = pos >= gridStart.length - 1 ? gridStart[gridStart.length - 1] : gridStart[(int) pos];
        while (j < bins - 1 && edges[j] <= x) {
            j++;
        }
        return j;
    }

    /** The largest probability of one bin, max_j (p_{j+1} - p_j): the gap between D_lo and D_hi. */
    double maxBinMass() {
        double max = cdfAtEdges[0];
        for (int j = 1; j < bins - 1; j++) {
            max = Math.max(max, cdfAtEdges[j] - cdfAtEdges[j - 1]);
        }
        return Math.max(max, 1 - cdfAtEdges[bins - 2]);
    }
}
