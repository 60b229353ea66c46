package dev.initcheck.check;

import java.util.Arrays;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * Diagnostic p-values P(D_n &gt;= d) of the one-sample two-sided Kolmogorov–Smirnov statistic. The decision of
 * the KS check never uses them (it is gated by DKW–Massart, {@link KolmogorovSmirnovCheck}).
 *
 * <ul>
 *   <li>{@link Method#EXACT}: Commons Statistics {@code KolmogorovSmirnovTest} (Simard and L'Ecuyer 2011,
 *       "Computing the two-sided Kolmogorov-Smirnov distribution", J. Stat. Softw. 39(11)): Durbin matrix,
 *       Pomeranz, Miller and Pelz–Good in the same (n, d) regions as {@code scipy.stats.kstwo.sf}. Used up to
 *       {@link #EXACT_MAX_N} = 10^4: Miller's sum (n·d² &gt;= 2.2) costs O(n) with a large constant, measured
 *       about 0.1 s at n = 10^4, 0.4 s at 10^5 and 2-3 s at 10^6, more than the sort it accompanies.</li>
 *   <li>{@link Method#ASYMPTOTIC}: Kolmogorov's limit law, {@code scipy.stats.kstwobign.sf(sqrt(n)·d)}:
 *       P = 2 Σ_{k&gt;=1} (-1)^(k-1) exp(-2k²z²) for z &gt; 0.82, else 1 - sqrt(2π)/z Σ_{k&gt;=1}
 *       exp(-(2k-1)²π²/(8z²)) (the Jacobi theta form, which converges fast for small z; the same split as
 *       the Cephes {@code kolmogorov} function scipy uses). No finite-n correction.</li>
 * </ul>
 */
final class KsPValue {
    /** Largest n for which {@link #of} uses the exact distribution. */
    static final long EXACT_MAX_N = 10_000;
    /** Below this z the theta-function form of the Kolmogorov law is used (Cephes KOLMOG_CUTOVER). */
    private static final double THETA_CUTOVER = 0.82;
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    /** Which formula produced a p-value. */
    enum Method {
        EXACT, ASYMPTOTIC;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private KsPValue() {
    }

    /** The method {@link #of} uses for a sample of size n. */
    static Method methodFor(long n) {
        return n <= EXACT_MAX_N ? Method.EXACT : Method.ASYMPTOTIC;
    }

    /** P(D_n &gt;= d) by {@link #methodFor}(n). */
    static double of(double d, long n) {
        return methodFor(n) == Method.EXACT ? exact(d, Math.toIntExact(n)) : asymptotic(d, n);
    }

    /**
     * The finite-n p-value from Commons Statistics. Commons exposes it only through a test on a sample, so the
     * sample used here is a synthetic one whose statistic is exactly d: the first CDF value is d (deviation d),
     * every other deviation is 1/(2n) &lt;= d. When n·d &lt;= 1/2 the p-value is 1 (D_n &gt;= 1/(2n) always).
     */
    static double exact(double d, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(n * d > 0.5)) { // also NaN
            return Double.isNaN(d) ? Double.NaN : 1.0;
        }
        if (d >= 1) {
            return 0;
        }
        if (n == 1) {
            return 2 * (1 - d); // P(D_1 >= d) = 2(1 - d) for 1/2 <= d <= 1
        }
        double[] ranks = new double[n];
        Arrays.setAll(ranks, i -> i);
        return KolmogorovSmirnovTest.withDefaults().with(PValueMethod.EXACT)
                .test(ranks, i -> i == 0 ? d : (i + 0.5) / n).getPValue();
    }

    /** Kolmogorov's limit P(K &gt;= sqrt(n)·d), i.e. {@code scipy.stats.kstwobign.sf(sqrt(n)*d)}. */
    static double asymptotic(double d, long n) {
        return kolmogorovSurvival(Math.sqrt((double) n) * d);
    }

    /** Survival function of the Kolmogorov distribution at z. */
    static double kolmogorovSurvival(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (z <= 0) {
            return 1;
        }
        if (z <= THETA_CUTOVER) {
            double w = -Math.PI * Math.PI / (8 * z * z);
            double cdf = 0;
            for (int k = 1; k < 100; k++) {
                double term = Math.exp(w * (2 * k - 1) * (2 * k - 1));
                cdf += term;
                if (term < 1e-17 * cdf) {
                    break;
                }
            }
            return 1 - SQRT_2PI / z * cdf;
        }
        double sum = 0;
        for (int k = 1; k < 100; k++) {
            double term = Math.exp(-2.0 * k * k * z * z);
            sum += (k % 2 == 1) ? term : -term;
            if (term < 1e-17 * Math.abs(sum) || term == 0) {
                break;
            }
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }
}
