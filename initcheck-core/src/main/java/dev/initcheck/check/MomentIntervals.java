package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.StoredLaw;
import java.util.Map;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Acceptance intervals of the moment checks ({@link SecondMomentCheck}, {@link MeanCheck}, {@link TailCheck}) and
 * of their power figures ({@link Power}), for n values of a law as stored ({@link StoredLaw}) at false-alarm
 * probability alpha: chi-square and z (exact) for the normal in float32/float64, Chernoff bounds on the exact law of
 * the stored values in float16/bfloat16 ({@link Chernoff}), Bernstein ({@link Bernstein}) for bounded laws, and the
 * exact binomial interval of the tail count. Intervals are memoised by (law, precision, n, alpha).
 */
final class MomentIntervals {
    /** Cap on the Chernoff parameter for V = Z² (the MGF exists below 1/2; see {@link Chernoff}). */
    private static final double MAX_T_SQUARE = 0.25;
    /** Cap on the Chernoff parameter for V = Z. */
    private static final double MAX_T_LINEAR = 10;
    private static final int CACHE_SIZE = 4096;
    private static final Map<String, Interval> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private MomentIntervals() {
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

    static Interval computeSecondMoment(StoredLaw s, long n, double alpha) {
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

    /** Largest |x̄ - mu| a correct sample shows at alpha (for the continuous law; golden data). */
    static double meanThreshold(Distribution law, long n, double alpha) {
        Interval iv = meanInterval(StoredLaw.continuous(law), n, alpha);
        return Math.max(-iv.lower(), iv.upper()) * law.standardDeviation();
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
