package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.sample.SampleMoments;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Checks on {@link SampleMoments} taken about the declared mean mu with declared variance sigma², against the law
 * of the values as stored ({@link StoredLaw}).
 *
 * <p><b>second_moment</b>: m2 = Σ(x - mu)²/(n sigma²). Normal in float32/float64: n·m2 ~ chi²(n) exactly; accept
 * iff chi²_(alpha/2)(n) &lt;= n·m2 &lt;= chi²_(1-alpha/2)(n). Normal in float16/bfloat16: rounded values are not
 * chi-square; the acceptance interval comes from Chernoff bounds on the exact law of (Y - mu)²/sigma² for the
 * stored Y ({@link Chernoff}, alpha/2 a side). Bounded laws: V = (Y-mu)²/sigma² lies in [0, B] with mean c and
 * variance v (c = 1, v = kappa - 1 for the continuous law; exact sums over the stored atoms in 16-bit formats),
 * so Bernstein ({@link Bernstein}) with M = max(B - c, c), L = ln(2/alpha) gives t and the check rejects iff
 * |m2 - c| &gt; t. The chi² test is not used for non-normal laws: it assumes kappa = 3 and is badly miscalibrated
 * otherwise (actual alpha 0.00007 for the uniform at nominal 0.01). In float32 each interval end is widened by
 * the factor (1 ± u)², u = 2^-24, that rounding can move m2 by.
 *
 * <p><b>mean</b>: normal: z = (x̄ - mu)·sqrt(n)/sigma, reject iff |z| &gt; z_(1-alpha/2) (exact); float16/bfloat16:
 * Chernoff on the stored law of (Y - mu)/sigma. Bounded: Bernstein about the stored mean with the stored
 * variance and range.
 *
 * <p><b>tail</b> (untruncated normal): the count K of |x - mu| &gt; 2 sigma is Binomial(n, p0), p0 the stored
 * law's probability beyond the cut (2 Phi(-2) = 0.0455002638963584 in float64; in bfloat16 the cut falls between
 * grid values and p0 moves by about 1%); accept iff lo &lt;= K &lt;= hi (exact two-sided acceptance interval
 * [lo, hi], lo = min{k : P(Bin &lt;= k) &gt;= alpha/2}, hi = min{k : P(Bin &gt; k) &lt;= alpha/2}, as
 * {@code scipy.stats.binom.ppf/isf}). A normal truncated at ±2 sd has K = 0.
 */
final class MomentChecks {
    /** Cap on the Chernoff parameter for V = Z² (the MGF exists below 1/2; see {@link Chernoff}). */
    private static final double MAX_T_SQUARE = 0.25;
    /** Cap on the Chernoff parameter for V = Z. */
    private static final double MAX_T_LINEAR = 10;
    private static final int CACHE_SIZE = 4096;
    private static final Map<String, Interval> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private MomentChecks() {
    }

    /** Acceptance interval [lower, upper] for a statistic (units as the caller says) and the test used. */
    record Interval(double lower, double upper, String test) {
        boolean contains(double x) {
            return x >= lower && x <= upper;
        }
    }

    /** The acceptance interval for m2 in units of the declared variance. */
    static Interval secondMomentInterval(StoredLaw s, long n, double alpha) {
        trimCache();
        return CACHE.computeIfAbsent("m2|" + key(s, n, alpha), k -> computeSecondMoment(s, n, alpha));
    }

    private static Interval computeSecondMoment(StoredLaw s, long n, double alpha) {
        Distribution law = s.declared();
        double u = s.momentSlack();
        double widenLo = (1 - u) * (1 - u);
        double widenHi = (1 + u) * (1 + u);
        if (law.family() == Family.NORMAL && s.enumerated()) {
            return chernoff(s, law.variance(), true, n, alpha, MAX_T_SQUARE);
        }
        if (law.family() == Family.NORMAL) {
            ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(n);
            return new Interval(widenLo * chi2.inverseCumulativeProbability(alpha / 2) / n,
                    widenHi * chi2.inverseSurvivalProbability(alpha / 2) / n, "chi-square (exact)");
        }
        SquareMoments sq = SquareMoments.of(s);
        double t = Bernstein.twoSided(sq.variance(), sq.range(), alpha, n);
        return new Interval(widenLo * (sq.mean() - t), widenHi * (sq.mean() + t), "Bernstein");
    }

    /**
     * V = (Y - mu)²/sigma² for the stored value Y, mu and sigma² the declared mean and variance: its mean c, its
     * variance v (c = 1 and v = kappa - 1 for the continuous law; exact sums over the atoms in float16/bfloat16),
     * and B = max V over the support, which bounds |V - c| by M = max(B - c, c) (Bernstein's range).
     */
    record SquareMoments(double mean, double variance, double bound) {
        double range() {
            return Math.max(bound - mean, mean);
        }

        static SquareMoments of(StoredLaw s) {
            Distribution law = s.declared();
            double var = law.variance();
            double mu = law.mean();
            double c = s.momentAbout(mu, 2) / var;
            double v = s.enumerated() ? s.momentAbout(mu, 4) / (var * var) - c * c : law.kurtosis() - 1;
            double b = s.maxAbsAbout(mu);
            return new SquareMoments(c, v, b * b / var);
        }
    }

    /** The acceptance interval for (x̄ - mu)/sigma. */
    static Interval meanInterval(StoredLaw s, long n, double alpha) {
        trimCache();
        return CACHE.computeIfAbsent("mean|" + key(s, n, alpha), k -> computeMean(s, n, alpha));
    }

    private static Interval computeMean(StoredLaw s, long n, double alpha) {
        Distribution law = s.declared();
        double sd = law.standardDeviation();
        double mu = law.mean();
        if (law.family() == Family.NORMAL && s.enumerated()) {
            return chernoff(s, sd, false, n, alpha, MAX_T_LINEAR);
        }
        if (law.family() == Family.NORMAL) {
            double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / 2) / Math.sqrt((double) n);
            return new Interval(-z, z, "z (exact)");
        }
        double c = s.momentAbout(mu, 1) / sd;
        double var = s.momentAbout(mu, 2) / (sd * sd) - c * c;
        double range = s.maxAbsAbout(s.momentAbout(mu, 1) + mu) / sd;
        double t = Bernstein.twoSided(var, range, alpha, n);
        return new Interval(c - t, c + t, "Bernstein");
    }

    private static void trimCache() {
        if (CACHE.size() > CACHE_SIZE) {
            CACHE.clear();
        }
    }

    private static String key(StoredLaw s, long n, double alpha) {
        String law = s.enumerated() ? s.describe() + "|" + s.declared().parameters() : Power.lawKey(s.declared())
                + "|" + s.precision();
        return law + "|" + n + "|" + alpha;
    }

    /**
     * The two-sided Chernoff interval (alpha/2 a side) for the mean of V = (Y - mu)/scale, or its square, over the
     * stored atoms.
     */
    private static Interval chernoff(StoredLaw s, double scale, boolean square, long n, double alpha, double maxT) {
        StoredLaw.Atoms a = s.atoms();
        double mu = s.declared().mean();
        double[] v = new double[a.value().length];
        for (int i = 0; i < v.length; i++) {
            double y = a.value()[i] - mu;
            v[i] = square ? y * y / scale : y / scale;
        }
        Chernoff c = new Chernoff(v, a.prob());
        return new Interval(c.lower(n, alpha / 2, maxT), c.upper(n, alpha / 2, maxT),
                "Chernoff (exact law of the " + s.precision().id() + " values)");
    }

    static CheckResult secondMoment(SampleMoments m, StoredLaw s, double alpha, double beta) {
        Distribution law = s.declared();
        long n = m.n();
        double m2 = m.sumSquares() / (n * law.variance());
        Interval iv = secondMomentInterval(s, n, alpha);
        boolean passed = iv.contains(m2);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lower", iv.lower());
        d.put("upper", iv.upper());
        d.put("test", iv.test());
        d.put("estimated_scale", Math.sqrt(m2));
        double p = law.family() == Family.NORMAL && !s.enumerated() ? chiSquarePValue(m2, n) : Double.NaN;
        Power.Detectable power = Power.detectable(CheckKind.SECOND_MOMENT, s, n, alpha, beta);
        double detectable = power.max();
        double thr = m2 >= 0.5 * (iv.lower() + iv.upper()) ? iv.upper() : iv.lower();
        boolean conclusive = iv.lower() > 0 && power.conclusive();
        String msg = passed
                ? "mean square about the declared mean is " + Fmt.num(m2) + " × the declared variance (accepted "
                + Fmt.num(iv.lower()) + " to " + Fmt.num(iv.upper()) + ")"
                : "mean square about the declared mean is " + Fmt.num(m2) + " × the declared variance; a correct"
                + " sample of " + n + " values gives " + Fmt.num(iv.lower()) + " to " + Fmt.num(iv.upper())
                + ": the scale is about " + Fmt.num(Math.sqrt(m2)) + " × the declared (sd "
                + Fmt.num(Math.sqrt(m2 * law.variance())) + " instead of " + Fmt.num(law.standardDeviation()) + ")";
        return CheckResult.stochastic(CheckName.SECOND_MOMENT, passed, m2, thr, alpha, p, detectable, msg, d)
                .withConclusive(conclusive, conclusive ? ""
                        : Power.inconclusiveNote(CheckKind.SECOND_MOMENT, s, n, alpha, beta));
    }

    private static double chiSquarePValue(double m2, long n) {
        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(n);
        double x = m2 * n;
        return Math.min(1, 2 * Math.min(chi2.cumulativeProbability(x), chi2.survivalProbability(x)));
    }

    /** Largest |x̄ - mu| a correct sample shows at alpha (for the continuous law; golden data). */
    static double meanThreshold(Distribution law, long n, double alpha) {
        Interval iv = meanInterval(StoredLaw.continuous(law), n, alpha);
        return Math.max(-iv.lower(), iv.upper()) * law.standardDeviation();
    }

    static CheckResult mean(SampleMoments m, StoredLaw s, double alpha) {
        Distribution law = s.declared();
        long n = m.n();
        double sd = law.standardDeviation();
        double shift = m.sumDeviations() / n;
        Interval iv = meanInterval(s, n, alpha);
        // float32: rounding moves the mean by at most u·mean|x - mu| <= u·sqrt(m2) (Cauchy–Schwarz), u = 2^-24
        double slack = s.momentSlack() * (Math.abs(law.mean()) + Math.sqrt(m.sumSquares() / n)) / sd * 1.0001;
        double z = shift / sd;
        boolean passed = z >= iv.lower() - slack && z <= iv.upper() + slack;
        double t = (z >= 0 ? iv.upper() : -iv.lower()) + slack;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mean", m.mean());
        d.put("declared_mean", law.mean());
        d.put("lower", iv.lower() - slack);
        d.put("upper", iv.upper() + slack);
        d.put("test", iv.test());
        double p = law.family() == Family.NORMAL && !s.enumerated()
                ? 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z) * Math.sqrt((double) n))
                : Double.NaN;
        double reach = s.maxAbsAbout(law.mean()) / sd;
        boolean conclusive = t < reach;
        String msg = passed
                ? "sample mean " + Fmt.num(m.mean()) + " is within " + Fmt.num(t) + " sd of the declared mean "
                + Fmt.num(law.mean())
                : "sample mean is " + Fmt.num(m.mean()) + ", " + Fmt.num(Math.abs(z))
                + " sd from the declared mean " + Fmt.num(law.mean()) + "; a correct sample of " + n
                + " values stays within " + Fmt.num(t) + " sd: the values are shifted";
        return CheckResult.stochastic(CheckName.MEAN, passed, z, z >= 0 ? t : -t, alpha, p, Double.NaN, msg, d)
                .withConclusive(conclusive, "a correct sample of " + n + " values may lie anywhere in the support");
    }

    static CheckResult tail(SampleMoments m, StoredLaw s, double alpha) {
        Distribution law = s.declared();
        int n = Math.toIntExact(m.n());
        long k = m.beyondTail();
        double p0 = s.probabilityBeyond(law.mean(), m.tailCut());
        BinomialDistribution bin = BinomialDistribution.of(n, p0);
        int lo = acceptLow(bin, alpha / 2);
        int hi = acceptHigh(bin, alpha / 2);
        boolean passed = k >= lo && k <= hi;
        double p = Math.min(1, 2 * Math.min(bin.cumulativeProbability((int) k), bin.survivalProbability((int) k - 1)));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lower", lo);
        d.put("upper", hi);
        d.put("expected", n * p0);
        d.put("probability", p0);
        d.put("cut", m.tailCut());
        String where = " beyond ±2 sd = ±" + Fmt.num(m.tailCut()) + (law.mean() == 0 ? "" : " around the mean");
        String stored = s.precision() == Precision.FLOAT64 ? "" : " (stored in " + s.precision().id() + ")";
        String msg = passed
                ? k + " of " + n + " values (" + Fmt.pct((double) k / n) + ") lie" + where + ", as an untruncated"
                + " normal" + stored + " gives (" + lo + " to " + hi + ")"
                : k + " of " + n + " values (" + Fmt.pct((double) k / n) + ") lie" + where + "; an untruncated normal"
                + stored + " gives " + Fmt.pct(p0) + ", between " + lo + " and " + hi + " here: the tails do"
                + " not match an untruncated normal (truncated, or another law)";
        return CheckResult.stochastic(CheckName.TAIL, passed, k, k < lo ? lo : hi, alpha, p, Double.NaN, msg, d)
                .withConclusive(lo > 0 || hi < n, "a correct sample of " + n + " values may hold any count");
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
