package dev.initcheck.sample;

import dev.initcheck.distribution.StoredLaw;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The exact empirical CDF: a sorted copy of the sample. D+ = max_i (i/n - F(x_(i))) and
 * D- = max_i (F(x_(i)) - (i-1)/n), i = 1..n, exactly as {@code scipy.stats.kstest} and Commons Statistics
 * {@code KolmogorovSmirnovTest} compute them; D = max(D+, D-). Ties need no special care: the empirical CDF is
 * compared just before and at each value. Cost: one sort (about 1.1 s for 10^7 values) and n CDF evaluations.
 */
public final class SortedSample implements EmpiricalCdf {
    private final double[] sorted;

    private SortedSample(double[] sorted) {
        this.sorted = sorted;
    }

    /**
     * Sorts a copy of {@code values}.
     *
     * @throws IllegalArgumentException if a value is NaN or there are no values
     */
    public static SortedSample of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the sample is empty");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        if (Double.isNaN(s[s.length - 1])) { // NaN sorts last
            throw new IllegalArgumentException("the sample contains NaN");
        }
        return new SortedSample(s);
    }

    /** The sorted values themselves (not a copy: callers in this package must not modify them). */
    public double[] sortedValues() {
        return sorted;
    }

    @Override
    public long size() {
        return sorted.length;
    }

    @Override
    public KsStatistic distanceTo(StoredLaw stored) {
        boolean continuous = !stored.enumerated();
        DoubleUnaryOperator cdf = stored.declared().cdfOperator();
        int n = sorted.length;
        double nd = n;
        double plus = 0;
        double minus = 0;
        double where = Double.NaN;
        double best = -1;
        int i = 0;
        while (i < n) {
            double v = sorted[i];
            int j = i + 1;
            while (j < n && sorted[j] == v) {
                j++;
            }
            double at = continuous ? cdf.applyAsDouble(v) : stored.cdfAtOrBelow(v);
            double below = continuous ? at : stored.cdfStrictlyBelow(v);
            double dp = j / nd - at;
            double dm = below - i / nd;
            plus = Math.max(plus, dp);
            minus = Math.max(minus, dm);
            double dev = Math.max(dp, dm);
            if (dev > best) {
                best = dev;
                where = v;
            }
            i = j;
        }
        return new KsStatistic(n, Math.max(plus, minus), plus, minus, where, 0);
    }
}
