package dev.initcheck.summary;

import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.sample.EmpiricalCdf;
import dev.initcheck.sample.KsStatistic;
import dev.initcheck.sample.SampleMoments;

/**
 * Everything the checks need from a sample, in one pass and constant memory: {@link SampleMoments} (moments,
 * extremes, tail and non-finite counts, lag-1 sum) and a {@link PitHistogram} for the KS bounds. Mergeable:
 * histograms by addition in any order, moments in storage order (only the lag-1 sum depends on order).
 */
public final class StreamingSummary implements EmpiricalCdf {
    /** Default bins: 2^16, so D_hi - D_lo is about 1.5e-5, far below any KS threshold at n <= 10^9. */
    public static final int DEFAULT_BINS = 1 << 16;

    /** Fewest bins {@link #binsFor} uses. */
    static final int MIN_BINS = 1 << 10;
    /** The DKW gate is this many times the resolution 1/B that {@link #binsFor} picks. */
    static final int GATE_OVER_RESOLUTION = 16;

    /**
     * Bins for n values checked at false-alarm probability at most {@code alpha}: the smallest power of two B with
     * 1/B ≤ ε/{@value #GATE_OVER_RESOLUTION}, ε = √(ln(2/alpha)/(2n)) the DKW gate at alpha (the KS check's own
     * share is smaller, so its gate is wider still), between 2^10 and {@link #DEFAULT_BINS}. Fewer bins mean a
     * smaller histogram (it stays in cache) and a cheaper grid; the bounds D_lo ≤ D ≤ D_lo + 1/B then straddle the
     * gate only for a D within 1/16 of it, and a caller that needs the exact verdict sorts the values then.
     */
    public static int binsFor(long n, double alpha) {
        double gate = Math.sqrt(Math.log(2 / alpha) / (2.0 * n));
        double wanted = GATE_OVER_RESOLUTION / gate;
        int bins = MIN_BINS;
        while (bins < wanted && bins < DEFAULT_BINS) {
            bins <<= 1;
        }
        return bins;
    }

    private final SampleMoments moments;
    private final PitHistogram histogram;

    StreamingSummary(SampleMoments moments, PitHistogram histogram) {
        this.moments = moments;
        this.histogram = histogram;
    }

    /** An empty summary for {@code law} over shared bin edges. */
    public static StreamingSummary empty(BinEdges edges) {
        return new StreamingSummary(SampleMoments.forLaw(edges.law()), new PitHistogram(edges));
    }

    /** Values go through both passes in blocks small enough to stay in cache between them. */
    private static final int BLOCK = 1 << 13;

    public StreamingSummary add(double[] values, int from, int to) {
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            moments.addChunk(values, start, end);
            histogram.add(values, start, end);
        }
        return this;
    }

    /** Merges {@code next}, whose values follow this summary's in storage order. */
    StreamingSummary merge(StreamingSummary next) {
        moments.merge(next.moments);
        histogram.merge(next.histogram);
        return this;
    }

    public SampleMoments moments() {
        return moments;
    }

    public PitHistogram histogram() {
        return histogram;
    }

    @Override
    public long size() {
        return histogram.count();
    }

    /**
     * D_lo, D+_lo, D-_lo with resolution D_hi - D_lo; only for the law the bins were built for.
     *
     * @throws IllegalArgumentException for another law
     */
    @Override
    public KsStatistic distanceTo(StoredLaw law) {
        if (!law.equals(histogram.edges().stored())) {
            throw new IllegalArgumentException("the summary was binned for " + histogram.edges().stored().describe()
                    + ", not " + law.describe());
        }
        return histogram.ksStatistic();
    }
}
