package dev.initcheck.summary;

/**
 * Counts of samples per cell of a {@link BinEdges} grid; mergeable by addition across chunks, threads and files.
 *
 * <p>KS bounds (ANCHORS §3): with C_j = #{x < t_j} (exact, see {@link BinEdges}) and p_j = F(t_j), the empirical
 * CDF's left limit at t_j is C_j/n, so D_lo = max_j |C_j/n - p_j| <= D_n (each term is a value of |F_n - F| or of
 * its left limit, both at most D_n for continuous F), and D_n <= D_lo + max_j (p_{j+1} - p_j) = D_hi, at most
 * about D_lo + 1/B. Gating the DKW test on D_lo keeps the false-alarm guarantee exact: D_lo > c implies D_n > c.
 */
public final class PitHistogram {
    private final BinEdges edges;
    private final long[] counts;
    private long n;

    public PitHistogram(BinEdges edges) {
        this.edges = edges;
        this.counts = new long[edges.cells()];
    }

    /** Adds the finite values of {@code values[0..len)}; non-finite values are skipped (counted elsewhere). */
    public void add(double[] values, int len) {
        add(values, 0, len);
    }

    /** Adds the finite values of {@code values[from..to)}. */
    public void add(double[] values, int from, int to) {
        long added = 0;
        for (int i = from; i < to; i++) {
            double x = values[i];
            if (x - x == 0) { // finite
                counts[edges.bin(x)]++;
                added++;
            }
        }
        n += added;
        ks = null;
    }

    /**
     * Adds the finite values of a multiset of 16-bit float values given by bit-pattern counts (65,536 entries), each
     * pattern's value taken from {@code valueOfBits}.
     */
    public void addPatterns(long[] patterns, double[] valueOfBits) {
        for (int bits = 0; bits < patterns.length; bits++) {
            long k = patterns[bits];
            double x = valueOfBits[bits];
            if (k != 0 && x - x == 0) {
                counts[edges.bin(x)] += k;
                n += k;
            }
        }
        ks = null;
    }

    /** The counts themselves, for a kernel that bins in place and then reports how many ({@link #countedInPlace}). */
    long[] cellsForUpdate() {
        ks = null;
        return counts;
    }

    /** Records {@code k} finite values binned into {@link #cellsForUpdate()} by a kernel. */
    void countedInPlace(long k) {
        n += k;
        ks = null;
    }

    /** A copy of the counts per cell (finite values only), for shipping a histogram elsewhere. */
    public long[] counts() {
        return counts.clone();
    }

    /** Adds counts per cell taken from {@link #counts()} of a histogram over the same edges. */
    public void addCounts(long[] cells) {
        if (cells.length != counts.length) {
            throw new IllegalArgumentException("expected " + counts.length + " cells, got " + cells.length);
        }
        long added = 0;
        for (int j = 0; j < counts.length; j++) {
            counts[j] += cells[j];
            added += cells[j];
        }
        n += added;
        ks = null;
    }

    void merge(PitHistogram other) {
        if (other.edges != edges) {
            throw new IllegalArgumentException("cannot merge histograms over different bin edges");
        }
        for (int j = 0; j < counts.length; j++) {
            counts[j] += other.counts[j];
        }
        n += other.n;
        ks = null;
    }

    public long count() {
        return n;
    }

    BinEdges edges() {
        return edges;
    }

    /** A copy of the counts for display, at most about {@code maxEdges} edges (see {@link BinnedCdf}). */
    public BinnedCdf binnedCdf(int maxEdges) {
        if (n == 0) {
            throw new IllegalStateException("no finite values");
        }
        return BinnedCdf.of(this, counts, maxEdges);
    }

    /** D_lo <= D_n, from the counts. */
    double dLower() {
        return n == 0 ? Double.NaN : ksStatistic().d();
    }

    /**
     * The KS bounds as the checks take them: d = D_lo, d+ and d- their lower bounds (C_j/n - p_j <= D+ because
     * F_n(e_j) >= C_j/n; p_j - C_j/n <= D- as the left limit of F - F_n at e_j), location the edge of the largest
     * gap, resolution D_hi - D_lo.
     */
    public dev.initcheck.sample.KsStatistic ksStatistic() {
        if (n == 0) {
            throw new IllegalStateException("no finite values");
        }
        if (ks == null) {
            ks = computeKs();
        }
        return ks;
    }

    /** The KS bounds of the current counts (cached until the next add or merge). */
    private dev.initcheck.sample.KsStatistic ks;

    private dev.initcheck.sample.KsStatistic computeKs() {
        double plus = 0;
        double minus = 0;
        int at = 1;
        long below = 0;
        for (int j = 1; j < counts.length; j++) {
            below += counts[j - 1];
            double gap = (double) below / n - edges.cdfAtEdge(j);
            if (Math.max(gap, -gap) > Math.max(plus, minus)) {
                at = j;
            }
            plus = Math.max(plus, gap);
            minus = Math.max(minus, -gap);
        }
        double d = Math.max(plus, minus);
        return new dev.initcheck.sample.KsStatistic(n, d, plus, minus, edges.edge(at), edges.maxBinMass());
    }

    /** D_hi >= D_n. */
    double dUpper() {
        return Math.min(1, ksStatistic().upper());
    }
}
