package dev.initcheck.check;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * <b>cross_correlation</b>: Pearson r over the first m = min(n_a, n_b) values of two tensors. A seed reused
 * for two tensors makes them identical or proportional (|r| = 1). Threshold |r| &lt;= t/sqrt(m - 2 + t²),
 * t = t_(m-2)(1 - alpha/2): exact when one tensor is normal (Fisher 1915), a close approximation otherwise.
 * A check of two tensors, so not a per-tensor {@link Check}: each pair gets its own share of the run's budget
 * ({@link AlphaBudget#pairShare}).
 */
final class CrossCorrelationCheck {
    private CrossCorrelationCheck() {
    }

    /** The |r| threshold t/sqrt(m - 2 + t²), t = t_(m-2)(1 - alpha/2). */
    static double threshold(long m, double alpha) {
        double t = TDistribution.of(m - 2.0).inverseSurvivalProbability(alpha / 2);
        return t / Math.sqrt(m - 2 + t * t);
    }

    static CheckResult check(double[] a, double[] b, double alpha) {
        int m = Math.min(a.length, b.length);
        if (m < 3) {
            throw new IllegalArgumentException("cross-correlation needs at least 3 aligned values, got " + m);
        }
        double r = pearson(a, b, m);
        if (Double.isNaN(r)) {
            return CheckResult.notRun(CheckName.CROSS_CORRELATION, false, "zero variance in "
                    + (variance(a, m) > 0 ? "the second" : "the first") + " tensor's first " + m
                    + " values (every value equal): the correlation is undefined");
        }
        double c = threshold(m, alpha);
        boolean passed = !(Math.abs(r) > c) && !Double.isNaN(r);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("r", r);
        d.put("aligned_values", m);
        String msg = passed
                ? "the two tensors are uncorrelated: r = " + Fmt.num(r) + " over " + m + " aligned values (limit ±"
                + Fmt.num(c) + ")"
                : "the two tensors are correlated: r = " + Fmt.num(r) + " over " + m + " aligned values (limit ±"
                + Fmt.num(c) + ")" + (Math.abs(r) > 0.999 ? ": one is a copy or a multiple of the other, as when"
                + " the same random seed is reused" : ": they were not drawn independently");
        return CheckResult.stochastic(CheckName.CROSS_CORRELATION, passed, Math.abs(r), c, alpha, Double.NaN,
                Double.NaN, msg, d);
    }

    private static double variance(double[] a, int m) {
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += a[i];
        }
        mean /= m;
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += (a[i] - mean) * (a[i] - mean);
        }
        return s;
    }

    private static double pearson(double[] a, double[] b, int m) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < m; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= m;
        mb /= m;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < m; i++) {
            double x = a[i] - ma;
            double y = b[i] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
    }
}
