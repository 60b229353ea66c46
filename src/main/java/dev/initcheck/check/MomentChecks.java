package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Normal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Checks on {@link SampleMoments} taken about the declared mean mu with declared variance sigma².
 *
 * <p><b>second_moment</b>: m2 = Σ(x - mu)²/(n sigma²). Normal: n·m2 ~ chi²(n) exactly; accept iff
 * chi²_(alpha/2)(n) &lt;= n·m2 &lt;= chi²_(1-alpha/2)(n). Bounded laws: Y = (X-mu)²/sigma² lies in [0, B],
 * Var Y = kappa - 1, so Bernstein ({@link Bernstein}) with v = kappa - 1, M = max(B - 1, 1), L = ln(2/alpha)
 * gives t and the check rejects iff |m2 - 1| &gt; t. The chi² test is not used for non-normal laws: it assumes
 * kappa = 3 and is badly miscalibrated otherwise (actual alpha 0.00007 for the uniform at nominal 0.01).
 *
 * <p><b>mean</b>: normal: z = (x̄ - mu)·sqrt(n)/sigma, reject iff |z| &gt; z_(1-alpha/2) (exact). Bounded:
 * Bernstein with v = sigma², M = max(U - mu, mu - L).
 *
 * <p><b>tail</b> (untruncated normal): the count K of |x - mu| &gt; 2 sigma is Binomial(n, p0),
 * p0 = 2 Phi(-2) = 0.0455002638963584; accept iff lo &lt;= K &lt;= hi
 * (exact two-sided acceptance interval [lo, hi], lo = min{k : P(Bin &lt;= k) &gt;= alpha/2},
 * hi = min{k : P(Bin &gt; k) &lt;= alpha/2}, as {@code scipy.stats.binom.ppf/isf}). A normal truncated at ±2 sd
 * has K = 0.
 */
final class MomentChecks {
    /** P(|Z| &gt; 2) for a standard normal. */
    static final double TAIL_PROBABILITY = 2 * NormalDistribution.of(0, 1).survivalProbability(2);

    private MomentChecks() {
    }

    /** Acceptance interval [lower, upper] for m2 (in units of the declared variance) and the test used. */
    record Interval(double lower, double upper, String test) {
    }

    static Interval secondMomentInterval(Distribution law, long n, double alpha) {
        if (law instanceof Normal) {
            ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(n);
            return new Interval(chi2.inverseCumulativeProbability(alpha / 2) / n,
                    chi2.inverseSurvivalProbability(alpha / 2) / n, "chi-square (exact)");
        }
        double t = Bernstein.twoSided(law.kurtosis() - 1, Math.max(Laws.squaredRange(law) - 1, 1), alpha, n);
        return new Interval(1 - t, 1 + t, "Bernstein");
    }

    static CheckResult secondMoment(SampleMoments m, Distribution law, double alpha, double beta) {
        long n = m.n();
        double m2 = m.sumSquares() / (n * law.variance());
        Interval iv = secondMomentInterval(law, n, alpha);
        boolean passed = m2 >= iv.lower() && m2 <= iv.upper();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lower", iv.lower());
        d.put("upper", iv.upper());
        d.put("test", iv.test());
        d.put("estimated_scale", Math.sqrt(m2));
        double p = law instanceof Normal ? chiSquarePValue(m2, n) : Double.NaN;
        double detectable = Power.detectableScaleError(CheckKind.SECOND_MOMENT, law, n, alpha, beta);
        double thr = m2 >= 1 ? iv.upper() : iv.lower();
        String msg = passed
                ? "mean square about the declared mean is " + Fmt.num(m2) + " × the declared variance (accepted "
                + Fmt.num(iv.lower()) + " to " + Fmt.num(iv.upper()) + ")"
                : "mean square about the declared mean is " + Fmt.num(m2) + " × the declared variance; a correct"
                + " sample of " + n + " values gives " + Fmt.num(iv.lower()) + " to " + Fmt.num(iv.upper())
                + ": the scale is about " + Fmt.num(Math.sqrt(m2)) + " × the declared (sd "
                + Fmt.num(Math.sqrt(m2 * law.variance())) + " instead of " + Fmt.num(law.standardDeviation()) + ")";
        return CheckResult.stochastic(CheckName.SECOND_MOMENT, passed, m2, thr, alpha, p, detectable, msg, d);
    }

    private static double chiSquarePValue(double m2, long n) {
        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(n);
        double x = m2 * n;
        return Math.min(1, 2 * Math.min(chi2.cumulativeProbability(x), chi2.survivalProbability(x)));
    }

    /** Largest |x̄ - mu| a correct sample shows at alpha. */
    static double meanThreshold(Distribution law, long n, double alpha) {
        double sd = law.standardDeviation();
        if (law instanceof Normal) {
            return NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / 2) * sd / Math.sqrt((double) n);
        }
        double range = Math.max(law.upperBound() - law.mean(), law.mean() - law.lowerBound());
        return Bernstein.twoSided(sd * sd, range, alpha, n);
    }

    static CheckResult mean(SampleMoments m, Distribution law, double alpha) {
        long n = m.n();
        double sd = law.standardDeviation();
        double shift = m.sumDeviations() / n;
        double t = meanThreshold(law, n, alpha);
        boolean passed = Math.abs(shift) <= t;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mean", m.mean());
        d.put("declared_mean", law.mean());
        d.put("test", law instanceof Normal ? "z (exact)" : "Bernstein");
        double p = law instanceof Normal
                ? 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(shift) * Math.sqrt((double) n) / sd)
                : Double.NaN;
        String msg = passed
                ? "sample mean " + Fmt.num(m.mean()) + " is within " + Fmt.num(t / sd) + " sd of the declared mean "
                + Fmt.num(law.mean())
                : "sample mean is " + Fmt.num(m.mean()) + ", " + Fmt.num(Math.abs(shift) / sd)
                + " sd from the declared mean " + Fmt.num(law.mean()) + "; a correct sample of " + n
                + " values stays within " + Fmt.num(t / sd) + " sd: the values are shifted";
        return CheckResult.stochastic(CheckName.MEAN, passed, shift / sd, t / sd, alpha, p, Double.NaN, msg, d);
    }

    static CheckResult tail(SampleMoments m, Normal law, double alpha) {
        int n = Math.toIntExact(m.n());
        long k = m.beyondTail();
        BinomialDistribution bin = BinomialDistribution.of(n, TAIL_PROBABILITY);
        int lo = acceptLow(bin, alpha / 2);
        int hi = acceptHigh(bin, alpha / 2);
        boolean passed = k >= lo && k <= hi;
        double p = Math.min(1, 2 * Math.min(bin.cumulativeProbability((int) k), bin.survivalProbability((int) k - 1)));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lower", lo);
        d.put("upper", hi);
        d.put("expected", n * TAIL_PROBABILITY);
        d.put("cut", 2 * law.sd());
        String where = " beyond ±2 sd = ±" + Fmt.num(2 * law.sd()) + (law.mean() == 0 ? "" : " around the mean");
        String msg = passed
                ? k + " of " + n + " values (" + Fmt.pct((double) k / n) + ") lie" + where + ", as an untruncated"
                + " normal gives (" + lo + " to " + hi + ")"
                : k + " of " + n + " values (" + Fmt.pct((double) k / n) + ") lie" + where + "; an untruncated normal"
                + " gives " + Fmt.pct(TAIL_PROBABILITY) + ", between " + lo + " and " + hi + " here: the tails do"
                + " not match an untruncated normal (truncated, or another law)";
        return CheckResult.stochastic(CheckName.TAIL, passed, k, k < lo ? lo : hi, alpha, p, Double.NaN, msg, d);
    }

    /**
     * Lower end of the acceptance interval, min{k : P(Bin &lt;= k) &gt;= a} ({@code scipy.stats.binom.ppf(a)}):
     * counts below it have P(Bin &lt; lo) &lt; a in total.
     */
    static int acceptLow(BinomialDistribution bin, double a) {
        return bin.inverseCumulativeProbability(a);
    }

    /**
     * Upper end of the acceptance interval, min{k : P(Bin &gt; k) &lt;= a} ({@code scipy.stats.binom.isf(a)}):
     * counts above it have P(Bin &gt; hi) &lt;= a in total.
     */
    static int acceptHigh(BinomialDistribution bin, double a) {
        return bin.inverseSurvivalProbability(a);
    }
}
