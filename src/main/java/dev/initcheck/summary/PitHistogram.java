package dev.initcheck.summary;

/**
 * Counts of samples per probability-integral-transform bin ({@link BinEdges}); mergeable by addition across
 * chunks, threads and files.
 *
 * <p>KS bounds (ANCHORS §3): with C_j = #{x < e_j} and p_j = F(e_j), the empirical CDF's left limit at e_j is
 * C_j/n, so D_lo = max_j |C_j/n - p_j| <= D_n (each term is a value of |F_n - F| or of its left limit, both at
 * most D_n for continuous F), and D_n <= D_lo + max_j (p_{j+1} - p_j) = D_hi, about D_lo + 1/B. Gating the
 * DKW test on D_lo keeps the false-alarm guarantee exact: D_lo > c implies D_n > c.
 * Samples equal to an edge count in the upper bin, so C_j counts x < e_j exactly.
 */
public final class PitHistogram {
    private final BinEdges edges;
    private final long[] counts;
    private long n;

    public PitHistogram(BinEdges edges) {
        this.edges = edges;
        this.counts = new long[edges.bins()];
    }

    /** Adds the finite values of {@code values[0..len)}; non-finite values are skipped (counted elsewhere). */
    public void add(double[] values, int len) {
        long added = 0;
        for (int i = 0; i < len; i++) {
            double x = values[i];
            if (x - x == 0) { // finite
                counts[edges.bin(x)]++;
                added++;
            }
        }
        n += added;
    }

    public void merge(PitHistogram other) {
        if (other.edges != edges) {
            throw new IllegalArgumentException("cannot merge histograms over different bin edges");
        }
        for (int j = 0; j < counts.length; j++) {
            counts[j] += other.counts[j];
        }
        n += other.n;
    }

    public long count() {
        return n;
    }

    public BinEdges edges() {
        return edges;
    }

    /** D_lo <= D_n, from the counts. */
    public double dLower() {
        if (n == 0) {
            return Double.NaN;
        }
        double d = 0;
        long below = 0;
        for (int j = 1; j < counts.length; j++) {
            below += counts[j - 1];
            d = Math.max(d, Math.abs((double) below / n - edges.cdfAtEdge(j)));
        }
        return d;
    }

    /** D_hi >= D_n. */
    public double dUpper() {
        return Math.min(1, dLower() + edges.maxBinMass());
    }
}
