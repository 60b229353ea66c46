package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.StoredLaw;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongToDoubleFunction;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The smallest relative scale error sigma -> sigma(1 ± delta) a check detects with guaranteed power 1 - beta at
 * false-alarm probability alpha, and the sample size needed for a target error. The law is scaled about its
 * mean, cut-offs included; the figure reported is the larger of the two directions.
 *
 * <ul>
 *   <li>KS: smallest delta with sup_x |F_(1±delta)(x) - F(x)| &gt;= sqrt(ln(2/alpha)/(2n)) + sqrt(ln(1/beta)/(2n))
 *       (DKW–Massart on both sides: the gate is exceeded with probability &gt;= 1 - beta).</li>
 *   <li>second moment, normal: exact; at scale ratio r = (1 ± delta)², n·m2 ~ r·chi²(n), and the power is
 *       P(r·chi²_n outside the acceptance interval [chi²_(alpha/2), chi²_(1-alpha/2)]).</li>
 *   <li>second moment, bounded laws: Bernstein on both sides: detected upward iff r &gt;= (1 + t)/(1 - t_beta),
 *       downward iff r &lt;= (1 - t)/(1 + t_beta), t_beta the Bernstein deviation with L = ln(1/beta).</li>
 * </ul>
 * Families stand for their canonical members (U(-sqrt3, sqrt3), N(0,1), N(0,1) cut at ±2); every figure is
 * scale-free. Results are cached (the KS figure costs a few hundred thousand CDF evaluations).
 */
public final class Power {
    /** The power the reported figures guarantee: 1 - beta = 0.999. */
    public static final double DEFAULT_BETA = 1e-3;
    /**
     * A check is conclusive when it catches (power 0.999) a scale off by this factor either way: sigma declared
     * twice too large or twice too small, i.e. detectable errors up &lt;= 100% and down &lt;= 50%.
     */
    public static final double CONCLUSIVE_FACTOR = 2.0;
    private static final int BISECTIONS = 200;
    /** Relative precision of a detectable error (the golden data pin root finding to 1e-8). */
    private static final double BISECTION_TOLERANCE = 1e-10;
    private static final int CACHE_SIZE = 512;
    private static final Map<String, java.util.concurrent.FutureTask<Object>> CACHE =
            new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, java.util.concurrent.FutureTask<Object>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** The detectable error in each direction; {@link #max()} is the figure the checks report. */
    record Detectable(double up, double down) {
        public double max() {
            return Math.max(up, down);
        }

        /** True when a scale off by {@link #CONCLUSIVE_FACTOR} either way is caught. */
        public boolean conclusive() {
            return up <= CONCLUSIVE_FACTOR - 1 && down <= 1 - 1 / CONCLUSIVE_FACTOR;
        }
    }

    private Power() {
    }

    /**
     * The smallest relative scale error the check detects, for the family's canonical law (unit scale).
     *
     * @param kind   which check: {@link CheckKind#KS} or {@link CheckKind#SECOND_MOMENT}
     * @param family the law's family (uniform, normal, truncated normal at ±2 sd)
     * @param n      number of values, at least 1
     * @param alpha  the check's false-alarm probability, in (0, 1)
     * @param beta   the allowed miss probability, in (0, 1): the error is detected with probability 1 - beta
     * @return the larger of delta_up and delta_down such that sigma(1 + delta_up) and sigma(1 - delta_down) are
     *         rejected with probability at least 1 - beta; +infinity when no scale error is detectable at this n
     * @throws IllegalArgumentException if n &lt; 1 or alpha or beta is outside (0, 1)
     */
    public static double detectableScaleError(CheckKind kind, Family family, long n, double alpha, double beta) {
        return detectableScaleError(kind, Laws.canonical(family), n, alpha, beta);
    }

    /**
     * As {@link #detectableScaleError(CheckKind, Family, long, double, double)} for a given law (continuous values).
     *
     * @param kind  which check
     * @param law   the declared law
     * @param n     number of values, at least 1
     * @param alpha the check's false-alarm probability, in (0, 1)
     * @param beta  the allowed miss probability, in (0, 1)
     * @return the larger of the two directions' detectable errors; +infinity when none is detectable at this n
     */
    public static double detectableScaleError(CheckKind kind, Distribution law, long n, double alpha, double beta) {
        return detectable(kind, StoredLaw.continuous(law), n, alpha, beta).max();
    }

    /**
     * As above, for values stored in a given precision (their exact law, {@link StoredLaw}).
     *
     * @param kind  which check
     * @param law   the declared law as stored
     * @param n     number of values, at least 1
     * @param alpha the check's false-alarm probability, in (0, 1)
     * @param beta  the allowed miss probability, in (0, 1)
     * @return the larger of the two directions' detectable errors; +infinity when none is detectable at this n
     */
    public static double detectableScaleError(CheckKind kind, StoredLaw law, long n, double alpha, double beta) {
        return detectable(kind, law, n, alpha, beta).max();
    }

    static Detectable detectable(CheckKind kind, Distribution law, long n, double alpha, double beta) {
        return detectable(kind, StoredLaw.continuous(law), n, alpha, beta);
    }

    /**
     * The detectable error in each direction for values stored in {@code law.precision()}. In float16 and
     * bfloat16 the KS figure is the distance between the two stored laws (sup over cell edges, never larger than
     * the continuous one) against the gate plus {@link StoredLaw#ksSlack()}, and the normal's
     * second-moment figure uses the Chernoff acceptance interval with the chi-square law of the alternative (which
     * rounding moves by about 1e-5 relative). float32 figures are the continuous law's.
     */
    static Detectable detectable(CheckKind kind, StoredLaw law, long n, double alpha, double beta) {
        validate(n, alpha, beta);
        String key = kind + "|" + storedKey(law) + "|" + n + "|" + alpha + "|" + beta;
        return memo(key, () -> kind == CheckKind.KS ? ks(law, n, alpha, beta) : secondMoment(law, n, alpha, beta));
    }

    /**
     * Why a check with this power is inconclusive, in words: the smallest error it could detect and the sample size
     * it would need to detect a {@link #CONCLUSIVE_ERROR} scale error.
     */
    static String inconclusiveNote(CheckKind kind, StoredLaw law, long n, double alpha, double beta) {
        double now = detectableScaleError(kind, law, n, alpha, beta);
        long need;
        try {
            if (kind == CheckKind.KS) {
                // conclusive iff the distances to the law scaled by 2 and by 1/2 both reach the target at m, and
                // the target decreases in m: two distance evaluations, then a search over m alone
                KsDistance dist = ksDistance(law);
                double reach = Math.min(dist.at(CONCLUSIVE_FACTOR), dist.at(1 / CONCLUSIVE_FACTOR));
                need = smallestN(m -> ksDetectableDistance(m, alpha, beta) + law.ksSlack() <= reach ? 0 : 1, 0.5);
            } else {
                need = smallestN(m -> detectable(kind, law, m, alpha, beta).conclusive() ? 0 : 1, 0.5);
            }
        } catch (ArithmeticException e) {
            need = -1;
        }
        return "with " + n + " values it could not catch a scale error below "
                + (Double.isInfinite(now) ? "any size" : Fmt.pct(now)) + "; it needs n >= "
                + (need < 0 ? "(unreachable)" : need) + " to catch a 2x scale error at this false-alarm probability";
    }

    /**
     * The sample size a check needs, for the family's canonical law.
     *
     * @param kind        which check
     * @param family      the law's family
     * @param targetError the relative scale error to detect, in (0, 1)
     * @param alpha       the check's false-alarm probability, in (0, 1)
     * @param beta        the allowed miss probability, in (0, 1)
     * @return the smallest n whose {@link #detectableScaleError} is at most {@code targetError}
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public static long requiredSamples(CheckKind kind, Family family, double targetError, double alpha, double beta) {
        return requiredSamples(kind, Laws.canonical(family), targetError, alpha, beta);
    }

    /**
     * The smallest n whose {@link #detectableScaleError} is at most {@code targetError} (continuous law).
     *
     * @param kind        which check
     * @param law         the declared law
     * @param targetError the relative scale error to detect, in (0, 1)
     * @param alpha       the check's false-alarm probability, in (0, 1)
     * @param beta        the allowed miss probability, in (0, 1)
     * @return the sample size
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public static long requiredSamples(CheckKind kind, Distribution law, double targetError, double alpha,
                                       double beta) {
        if (!(targetError > 0 && targetError < 1)) {
            throw new IllegalArgumentException("target error must be in (0, 1), got " + targetError);
        }
        validate(2, alpha, beta);
        if (kind == CheckKind.KS) {
            KsDistance dist = ksDistance(law);
            double gap = Math.min(dist.at(1 + targetError), dist.at(1 - targetError));
            double root = Math.sqrt(Math.log(2 / alpha) / 2) + Math.sqrt(Math.log(1 / beta) / 2);
            return (long) Math.ceil(root * root / (gap * gap));
        }
        return smallestN(n -> detectableScaleError(kind, law, n, alpha, beta), targetError);
    }

    /**
     * Smallest upward scale error that the hard support check detects with power 1 - beta: some value falls
     * beyond the bound plus its slack (see {@link SupportCheck}); cached.
     */
    static double supportDetectable(Distribution law, long n, double slackLo, double slackHi, double beta) {
        double w = law.upperBound() - law.lowerBound();
        String key = "support|" + lawKey(law) + "|" + n + "|" + slackLo / w + "|" + slackHi / w + "|" + beta;
        return memo(key, () -> SupportCheck.detectable(law, n, slackLo, slackHi, beta));
    }

    /** sup_x |F_s(x) - F(x)| for the law scaled by {@code scale} about its mean. */
    static double ksDistance(Distribution law, double scale) {
        return ksDistance(law).at(scale);
    }

    /** The sup-CDF distance a KS check at alpha detects with power 1 - beta. */
    static double ksDetectableDistance(long n, double alpha, double beta) {
        return KolmogorovSmirnovCheck.threshold(n, alpha) + Math.sqrt(Math.log(1 / beta) / (2.0 * n));
    }

    private static Detectable ks(StoredLaw law, long n, double alpha, double beta) {
        KsDistance dist = ksDistance(law);
        double target = ksDetectableDistance(n, alpha, beta) + law.ksSlack();
        double up = smallestDelta(delta -> dist.at(1 + delta) - target, Double.POSITIVE_INFINITY);
        double down = smallestDelta(delta -> dist.at(1 - delta) - target, 1);
        return new Detectable(up, down);
    }

    private static Detectable secondMoment(StoredLaw stored, long n, double alpha, double beta) {
        Distribution law = stored.declared();
        if (law.family() == Family.NORMAL) {
            ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(n);
            MomentIntervals.Interval iv = MomentIntervals.secondMomentInterval(stored, n, alpha);
            double lo = iv.lower() * n;
            double hi = iv.upper() * n;
            DoubleUnaryOperator power = r -> chi2.cumulativeProbability(lo / r) + chi2.survivalProbability(hi / r);
            double up = smallestDelta(d -> power.applyAsDouble((1 + d) * (1 + d)) - (1 - beta),
                    Double.POSITIVE_INFINITY);
            double down = smallestDelta(d -> power.applyAsDouble((1 - d) * (1 - d)) - (1 - beta), 1);
            return new Detectable(up, down);
        }
        if (!law.isBounded() || !(law.variance() > 0)) {
            throw new IllegalArgumentException("no second-moment power for " + law.describe());
        }
        // in units of the declared variance: m2 is accepted in [lo, hi] around c; a law scaled by r has m2 of mean
        // r·c, below r·c·(1 - tb) or above r·c·(1 + tb) with probability at most beta (Bernstein at L = ln(1/beta))
        MomentIntervals.Interval iv = MomentIntervals.secondMomentInterval(stored, n, alpha);
        MomentIntervals.SquareMoments sq = MomentIntervals.SquareMoments.of(stored);
        double c = sq.mean();
        double tb = Bernstein.deviation(sq.variance(), sq.range(), Math.log(1 / beta), n) / c;
        double up = tb < 1 ? Math.sqrt(iv.upper() / (c * (1 - tb))) - 1 : Double.POSITIVE_INFINITY;
        double down = iv.lower() > 0 ? 1 - Math.sqrt(iv.lower() / (c * (1 + tb))) : Double.POSITIVE_INFINITY;
        return new Detectable(up, down);
    }

    /**
     * Smallest delta in (0, limit) with f(delta) &gt;= 0 for f increasing; +infinity when f stays negative. The root
     * is bracketed by doubling, then narrowed by regula falsi with the Illinois modification (Dowell and Jarratt
     * 1971: the retained end's value is halved when the same end is kept twice), falling back to bisection when
     * two steps have not halved the bracket, to a relative width of {@value #BISECTION_TOLERANCE}. The end returned
     * always has f &gt;= 0, so the figure is never smaller than the true one.
     */
    private static double smallestDelta(DoubleUnaryOperator f, double limit) {
        double hi = Math.min(0.01, limit / 2);
        double fhi = f.applyAsDouble(hi);
        double lo = 0;
        double flo = f.applyAsDouble(0);
        while (fhi < 0) {
            if (hi >= limit * (1 - 1e-12) || hi > 1e6) {
                return Double.POSITIVE_INFINITY;
            }
            lo = hi;
            flo = fhi;
            hi = Math.min(2 * hi, limit * (1 - 1e-12));
            fhi = f.applyAsDouble(hi);
        }
        int kept = 0; // +1: hi was replaced last, -1: lo was
        double before = Double.POSITIVE_INFINITY; // the width two steps ago
        double previous = hi - lo;
        for (int i = 0; i < BISECTIONS && hi - lo > BISECTION_TOLERANCE * hi; i++) {
            double x = flo < 0 && fhi > flo ? hi - fhi * (hi - lo) / (fhi - flo) : Double.NaN;
            if (!(x > lo && x < hi) || hi - lo > 0.5 * before) {
                x = 0.5 * (lo + hi);
            }
            double fx = f.applyAsDouble(x);
            if (fx >= 0) {
                hi = x;
                fhi = fx;
                flo = kept == 1 ? 0.5 * flo : flo;
                kept = 1;
            } else {
                lo = x;
                flo = fx;
                fhi = kept == -1 ? 0.5 * fhi : fhi;
                kept = -1;
            }
            before = previous;
            previous = hi - lo;
        }
        return hi;
    }

    /** Smallest n &gt;= 2 with f(n) &lt;= target, f decreasing. */
    private static long smallestN(LongToDoubleFunction f, double target) {
        long hi = 2;
        while (!(f.applyAsDouble(hi) <= target)) {
            if (hi > Long.MAX_VALUE / 4) {
                throw new ArithmeticException("no sample size reaches a scale error of " + target);
            }
            hi *= 2;
        }
        long lo = hi / 2; // f(lo) > target, or lo = 1
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (f.applyAsDouble(mid) <= target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static KsDistance ksDistance(Distribution law) {
        return ksDistance(StoredLaw.continuous(law));
    }

    private static KsDistance ksDistance(StoredLaw law) {
        return memo("grid|" + storedKey(law), () -> new KsDistance(law));
    }

    /**
     * A cache key: scale-free for continuous laws and float32 (treated as continuous here); the absolute law for
     * float16 and bfloat16, whose grid is not scale-free.
     */
    static String storedKey(StoredLaw law) {
        // float32 and float64 share the continuous figures but not the KS slack of a float32 intermediate
        return law.enumerated() ? law.describe() + law.declared().parameters()
                : lawKey(law.declared()) + "|" + law.precision();
    }

    /**
     * A key for a law's memoised figures: its family and exact parameters. The figures are invariant under location
     * and scale in exact arithmetic, but not to the last bit in floating point, so laws are never shared across
     * scales: a tensor's figures are the same whichever tensor of a run was checked first.
     */
    static String lawKey(Distribution law) {
        return law.family().id() + law.parameters();
    }

    private static void validate(long n, double alpha, double beta) {
        if (n < 1 || !(alpha > 0 && alpha < 1) || !(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need n >= 1, 0 < alpha < 1, 0 < beta < 1; got n=%d alpha=%s beta=%s", n, alpha, beta));
        }
    }

    /**
     * The cached value of {@code key}, computed once: a thread that asks for a value another thread is computing
     * waits for it (tensors of one size are checked at the same time, and each figure costs thousands of CDF
     * evaluations). A computation that throws is not cached.
     */
    private static <T> T memo(String key, java.util.function.Supplier<T> compute) {
        java.util.concurrent.FutureTask<Object> mine = new java.util.concurrent.FutureTask<>(compute::get);
        java.util.concurrent.FutureTask<Object> task;
        synchronized (CACHE) {
            task = CACHE.putIfAbsent(key, mine);
        }
        if (task == null) {
            task = mine;
            mine.run();
        }
        try {
            @SuppressWarnings("unchecked")
            T value = (T) task.get();
            return value;
        } catch (java.util.concurrent.ExecutionException e) {
            synchronized (CACHE) {
                CACHE.remove(key, task);
            }
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
