package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.OrthogonalEntry;
import dev.initcheck.distribution.Precision;
import dev.initcheck.sample.SampleMoments;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * <b>support</b> (hard), for a bounded law on [L, U] and for the entries of an orthogonal matrix (|w| &lt;= gain):
 * min &gt;= L - s_L and max &lt;= U + s_U, s the larger of one ulp of the bound in the stored precision (a value
 * computed as exactly the bound may be stored one unit above it) and, for an orthogonal matrix, the slack its
 * computation leaves ({@link OrthogonalityCheck#tolerance}). The statistic is the excess beyond the bound on the worse
 * side, the threshold its slack; the power figure is the smallest upward scale error that puts a value outside
 * the support with probability 1 - beta ({@link #detectable}).
 */
final class SupportCheck extends Check {
    private static final int BISECTIONS = 200;

    SupportCheck() {
        super(CheckName.SUPPORT, false);
    }

    @Override
    boolean appliesTo(Subject s) {
        return s.orthogonal() || s.iid() && s.law().isBounded();
    }

    @Override
    CheckResult run(Evidence ev, double alpha) {
        return check(ev.moments(), ev.subject().law(), ev.subject().precision(), Power.DEFAULT_BETA);
    }

    static CheckResult check(SampleMoments m, Distribution law, Precision p, double beta) {
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
     * An orthogonal matrix is orthonormal only up to the orthogonality tolerance t
     * ({@link OrthogonalityCheck#tolerance}): a row of
     * squared norm at most gain² + t has entries of size at most gain·sqrt(1 + t/gain²) <= gain + t/(2·gain).
     */
    private static double computedSlack(Distribution law, Precision p) {
        if (law instanceof OrthogonalEntry o) {
            return OrthogonalityCheck.tolerance(o.gain(), o.dimension(), p) / (2 * o.gain());
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
    static double detectable(Distribution law, long n, double slackLo, double slackHi, double beta) {
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
}
