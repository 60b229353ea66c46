package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.sample.SampleMoments;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The checks of a bounded law's support [L, U] with center c (the mean), run on {@link SampleMoments}.
 *
 * <p><b>support</b> (hard): min &gt;= L - ulp(L) and max &lt;= U + ulp(U), ulp in the stored precision (a value
 * computed as exactly the bound may be stored one unit above it).
 *
 * <p><b>endpoint</b>: a correct sample must come close to the bound, so a declared bound that is too large is
 * rejected. For a law symmetric about c with half-width b: P(max|X - c| &lt; r)^n = G(r)^n, G(r) = 2F(c+r) - 1;
 * the threshold r* solves G(r*) = alpha^(1/n), so P(reject) = alpha exactly for a continuous law (ANCHORS §3 gives
 * the linearisation eps = ln(1/alpha)/(k·n), k = 2 f(U)·b, i.e. k = 1 for the uniform and 0.22626 for the normal
 * cut at ±2 parent sd; it is reported as {@code eps_linear}). Reject iff max|x - c| &lt; r* - ulp(U), the ulp in
 * the stored precision at the bound itself (a stored value is within one ulp of the value it rounds, so a stored
 * extreme below r* - ulp(U) means an unrounded one below r*; for a support far from 0, as U(1.0001, 1.0011), that
 * ulp is much larger than the ulp of the half-width). For an
 * asymmetric support (torch {@code trunc_normal_(a, b)}) each end is tested alone at alpha/2:
 * F(q_U)^n = alpha/2, (1 - F(q_L))^n = alpha/2, reject iff max &lt; q_U - ulp(U) or min &gt; q_L + ulp(L).
 * The statistic is the share of the (half-)width the sample reaches, the threshold the share it must reach.
 */
final class BoundChecks {
    private static final int BISECTIONS = 200;

    private BoundChecks() {
    }

    static CheckResult support(SampleMoments m, Distribution law, Precision p, double beta) {
        double lo = law.lowerBound();
        double hi = law.upperBound();
        double slackLo = Math.max(p.ulp(lo), computedSlack(law, p));
        double slackHi = Math.max(p.ulp(hi), computedSlack(law, p));
        boolean upperSide = m.max() - hi >= lo - m.min();
        double excess = upperSide ? m.max() - hi : lo - m.min();
        double slack = upperSide ? slackHi : slackLo;
        boolean passed = m.min() >= lo - slackLo && m.max() <= hi + slackHi;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("min", m.min());
        d.put("max", m.max());
        d.put("lower", lo);
        d.put("upper", hi);
        d.put("detectable_direction", "up");
        double detectable = Power.supportDetectable(law, m.n(), slackLo, slackHi, beta);
        return CheckResult.hard(CheckName.SUPPORT, passed, excess, slack, detectable,
                supportMessage(m, law, passed), d);
    }

    /**
     * An orthogonal matrix is orthonormal only up to the orthogonality tolerance t (see ExactChecks): a row of
     * squared norm at most gain² + t has entries of size at most gain·sqrt(1 + t/gain²) <= gain + t/(2·gain).
     */
    private static double computedSlack(Distribution law, Precision p) {
        if (law instanceof dev.initcheck.distribution.OrthogonalEntry o) {
            return ExactChecks.orthogonalityTolerance(o.gain(), o.dimension(), p) / (2 * o.gain());
        }
        return 0;
    }

    private static String supportMessage(SampleMoments m, Distribution law, boolean passed) {
        double c = law.mean();
        if (law.isSymmetric()) {
            String w = c == 0 ? "|w|" : "|w - " + Fmt.num(c) + "|";
            double b = law.upperBound() - c;
            return passed ? "all values lie within the bound: largest " + w + " is " + Fmt.num(m.maxAbsDeviation())
                    + ", the scheme allows " + Fmt.num(b)
                    : "largest " + w + " is " + Fmt.num(m.maxAbsDeviation()) + ", the scheme allows " + Fmt.num(b)
                    + ": values exceed the bound";
        }
        String range = "[" + Fmt.num(law.lowerBound()) + ", " + Fmt.num(law.upperBound()) + "]";
        String seen = "values range over [" + Fmt.num(m.min()) + ", " + Fmt.num(m.max()) + "]";
        return passed ? "all values lie within " + range + "; " + seen
                : seen + ", the scheme allows " + range + ": values fall outside the support";
    }

    /**
     * Smallest upward scale error (about c) that puts a value outside the support with probability 1 - beta:
     * P(all n inside)^n = (F(c + (U+s-c)/(1+delta)) - F(c + (L-s-c)/(1+delta)))^n &lt;= beta, by bisection.
     */
    static double supportDetectable(Distribution law, long n, double slackLo, double slackHi, double beta) {
        double c = law.mean();
        DoubleUnaryOperator cdf = law.cdfOperator();
        double target = Math.log(beta) / n;
        double lo = 0;
        double hi = 1;
        while (logInside(law, cdf, c, slackLo, slackHi, hi) > target) {
            hi *= 2;
            if (hi > 1e6) {
                return Double.POSITIVE_INFINITY;
            }
        }
        for (int i = 0; i < BISECTIONS && hi - lo > 1e-15 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (logInside(law, cdf, c, slackLo, slackHi, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static double logInside(Distribution law, DoubleUnaryOperator cdf, double c, double sLo, double sHi,
                                    double delta) {
        double s = 1 + delta;
        double upper = cdf.applyAsDouble(c + (law.upperBound() + sHi - c) / s);
        double lower = cdf.applyAsDouble(c + (law.lowerBound() - sLo - c) / s);
        return Math.log(upper - lower);
    }

    static CheckResult endpoint(SampleMoments m, Distribution law, Precision p, double alpha) {
        return law.isSymmetric() ? symmetricEndpoint(m, law, p, alpha) : asymmetricEndpoint(m, law, p, alpha);
    }

    /**
     * ANCHORS' linearised endpoint margin eps = ln(1/alpha)/(k·n), k = 2 f(U)·b: the density of |X - c| at the
     * cut-off times the cut-off (1 for the uniform, 4 phi(2)/Z = 0.22626 for the normal cut at ±2 parent sd).
     * Because the density of |X - c| does not increase towards the cut-off for these laws, this eps is never
     * smaller than the exact one the check uses, so gating on it would also be valid, only less powerful.
     */
    static double linearEps(Distribution law, long n, double alpha) {
        double b = law.upperBound() - law.mean();
        return Math.log(1 / alpha) / (2 * law.density(law.upperBound()) * b * n);
    }

    private static CheckResult symmetricEndpoint(SampleMoments m, Distribution law, Precision p, double alpha) {
        long n = m.n();
        double c = law.mean();
        double b = law.upperBound() - c;
        double shortfall = -Math.expm1(Math.log(alpha) / n); // 1 - alpha^(1/n)
        double rStar = law.inverseCdf(1 - shortfall / 2) - c;
        // a stored extreme sits within one ulp (at the bound, not of the half-width) of the value it rounds
        double slack = Math.max(p.ulp(law.upperBound()), p.ulp(law.lowerBound()));
        double need = (rStar - slack) / b;
        double reach = m.maxAbsDeviation() / b;
        boolean passed = reach >= need;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rounding_slack", slack);
        d.put("max_abs_deviation", m.maxAbsDeviation());
        d.put("bound", b);
        d.put("eps", 1 - need);
        d.put("eps_linear", linearEps(law, n, alpha));
        d.put("detectable_direction", "down");
        String w = c == 0 ? "|w|" : "|w - " + Fmt.num(c) + "|";
        String msg = passed
                ? "the sample reaches the declared bound as it must: largest " + w + " is "
                + Fmt.num(m.maxAbsDeviation()) + " of " + Fmt.num(b) + " (needs at least " + Fmt.num(need * b) + ")"
                : "largest " + w + " is " + Fmt.num(m.maxAbsDeviation()) + " but the declared bound is " + Fmt.num(b)
                + ": a correct sample of " + n + " values reaches at least " + Fmt.num(need * b) + " ("
                + Fmt.pct(need) + " of the bound); the values never come near the bound, so the declared bound"
                + " (scale) is too large";
        return CheckResult.stochastic(CheckName.ENDPOINT, passed, reach, need, alpha, Double.NaN, 1 - need, msg, d)
                .withConclusive(need >= 1 / Power.CONCLUSIVE_FACTOR, "a correct sample of " + n + " values need only"
                        + " reach " + Fmt.pct(Math.max(0, need)) + " of the bound, so a bound declared up to "
                        + (need > 0 ? Fmt.num(1 / need) + "x" : "any factor") + " too large passes");
    }

    private static CheckResult asymmetricEndpoint(SampleMoments m, Distribution law, Precision p, double alpha) {
        long n = m.n();
        double c = law.mean();
        double shortfall = -Math.expm1(Math.log(alpha / 2) / n); // 1 - (alpha/2)^(1/n)
        double up = law.upperBound() - c;
        double down = c - law.lowerBound();
        double needHi = (law.inverseCdf(1 - shortfall) - p.ulp(law.upperBound()) - c) / up;
        double needLo = (c - law.inverseCdf(shortfall) - p.ulp(law.lowerBound())) / down;
        double reachHi = (m.max() - c) / up;
        double reachLo = (c - m.min()) / down;
        boolean upperWorse = reachHi - needHi <= reachLo - needLo;
        double reach = upperWorse ? reachHi : reachLo;
        double need = upperWorse ? needHi : needLo;
        boolean passed = reachHi >= needHi && reachLo >= needLo;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("min", m.min());
        d.put("max", m.max());
        d.put("eps_upper", 1 - needHi);
        d.put("eps_lower", 1 - needLo);
        d.put("detectable_direction", "down");
        String side = upperWorse ? "upper bound " + Fmt.num(law.upperBound()) : "lower bound " + Fmt.num(law.lowerBound());
        String ext = upperWorse ? "largest value is " + Fmt.num(m.max()) : "smallest value is " + Fmt.num(m.min());
        String msg = passed
                ? "the sample reaches both declared bounds as it must (" + Fmt.pct(reachLo) + " and "
                + Fmt.pct(reachHi) + " of the way from the mean)"
                : ext + " but the declared " + side + ": a correct sample of " + n + " values comes at least "
                + Fmt.pct(need) + " of the way from the mean to it, this one " + Fmt.pct(reach)
                + "; the declared support is too wide";
        double detectable = Math.min(1 - needHi, 1 - needLo);
        return CheckResult.stochastic(CheckName.ENDPOINT, passed, reach, need, alpha, Double.NaN, detectable, msg, d)
                .withConclusive(Math.max(needHi, needLo) >= 1 / Power.CONCLUSIVE_FACTOR, "a correct sample of " + n
                        + " values need only reach " + Fmt.pct(Math.max(0, Math.max(needHi, needLo)))
                        + " of the way to the bounds");
    }
}
