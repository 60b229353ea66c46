package dev.initcheck.report;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The bands drawn around the evidence, as stated math.
 *
 * <ul>
 * <li>DKW band (Dvoretzky–Kiefer–Wolfowitz with Massart's constant): P(sup|F_n − F| &gt; ε) ≤ 2·exp(−2nε²), so
 *     ε = √(ln(2/α)/(2n)) holds F_n − F inside ±ε everywhere with probability ≥ 1 − α; the KS check gates on it.</li>
 * <li>Histogram bin band: a bin of probability p holds a Binomial(n, p) count, mean np and standard deviation
 *     √(np(1−p)); the band is np ± z·√(np(1−p)) with z = Φ⁻¹(1 − (1 − c)/(2k)) for k bins, so that all k bins stay
 *     inside with probability about c (Bonferroni over bins, normal approximation to each count).</li>
 * <li>Tail band: the number of values at or beyond x is Binomial(n, q), q the law's tail probability at x; the band
 *     is [lo/n, hi/n] with lo and hi the exact binomial quantiles at a and 1 − a, a = (1 − c)/(2m) for m points drawn,
 *     so that every drawn point's share stays inside with probability at least c (Bonferroni over points).</li>
 * </ul>
 */
final class Bands {
    /** Coverage of the histogram band over all its bins together. */
    static final double BIN_COVERAGE = 0.99;

    private Bands() {
    }

    /** ε = √(ln(2/α)/(2n)). */
    static double dkw(long n, double alpha) {
        return Math.sqrt(Math.log(2 / alpha) / (2.0 * n));
    }

    /** z = Φ⁻¹(1 − (1 − coverage)/(2·bins)). */
    static double binZ(int bins, double coverage) {
        return NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - coverage) / (2.0 * bins));
    }

    /**
     * The shares [lo/n, hi/n] inside which the share of n values at or beyond a point of tail probability q falls
     * with probability at least 1 − (1 − coverage)/points: exact Binomial(n, q) quantiles at a and 1 − a,
     * a = (1 − coverage)/(2·points).
     */
    static double[] tailShare(int n, double q, int points, double coverage) {
        double a = (1 - coverage) / (2.0 * points);
        BinomialDistribution b = BinomialDistribution.of(n, Math.min(1, Math.max(0, q)));
        return new double[] {b.inverseCumulativeProbability(a) / (double) n,
                b.inverseSurvivalProbability(a) / (double) n};
    }

    /** z·√(n·p·(1 − p)). */
    static double binHalfWidth(long n, double p, double z) {
        return z * Math.sqrt(n * p * (1 - p));
    }
}
