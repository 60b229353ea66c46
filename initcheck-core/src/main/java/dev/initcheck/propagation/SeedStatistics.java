package dev.initcheck.propagation;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Distribution-free summaries of a figure measured once per seed, where +∞ stands for "never" (a target not
 * reached, a diverged loss).
 *
 * <ul>
 *   <li>Quartiles: Hyndman–Fan type 7 (numpy's default, linear interpolation between order statistics
 *       x_(⌊h⌋), h = (n−1)p); an interpolation that touches +∞ is +∞.</li>
 *   <li>Confidence interval of the median: the order-statistic interval [x_(k), x_(n+1−k)], which covers the
 *       population median with probability 1 − 2·P(Bin(n, ½) ≤ k − 1) for any continuous law (Conover,
 *       Practical Nonparametric Statistics, §3.2); k is the largest giving at least 95%, or 1 when none does.</li>
 * </ul>
 */
public final class SeedStatistics {
    /** The coverage the median's interval aims for. */
    static final double CONFIDENCE = 0.95;

    private SeedStatistics() {
    }

    /** Type-7 quantile p of {@code values} (NaN counts as +∞). */
    public static double quantile(double[] values, double p) {
        double[] s = sorted(values);
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, s.length - 1);
        double frac = h - lo;
        if (frac == 0 || s[lo] == s[hi]) {
            return s[lo];
        }
        return Double.isInfinite(s[hi]) ? Double.POSITIVE_INFINITY : s[lo] + frac * (s[hi] - s[lo]);
    }

    /**
     * The order-statistic interval of the median with its exact coverage.
     *
     * @param lower    x_(k)
     * @param upper    x_(n+1−k) (+∞ when that many seeds never got there)
     * @param coverage 1 − 2·P(Bin(n, ½) ≤ k − 1)
     */
    public record Interval(double median, double lower, double upper, double coverage) {
    }

    /** Median and its order-statistic interval (see the class comment). */
    public static Interval medianInterval(double[] values) {
        double[] s = sorted(values);
        int n = s.length;
        BinomialDistribution bin = BinomialDistribution.of(n, 0.5);
        int k = 1;
        while (k + 1 <= (n + 1) / 2 && 1 - 2 * bin.cumulativeProbability(k) >= CONFIDENCE) {
            k++;
        }
        double coverage = 1 - 2 * bin.cumulativeProbability(k - 1);
        return new Interval(quantile(values, 0.5), s[k - 1], s[n - k], coverage);
    }

    private static double[] sorted(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] s = values.clone();
        for (int i = 0; i < s.length; i++) {
            if (Double.isNaN(s[i])) {
                s[i] = Double.POSITIVE_INFINITY;
            }
        }
        Arrays.sort(s);
        return s;
    }
}
