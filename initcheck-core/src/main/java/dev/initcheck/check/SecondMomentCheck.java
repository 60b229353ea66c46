package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.sample.SampleMoments;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * <b>second_moment</b>: m2 = Σ(x - mu)²/(n sigma²). Normal in float32/float64: n·m2 ~ chi²(n) exactly; accept
 * iff chi²_(alpha/2)(n) &lt;= n·m2 &lt;= chi²_(1-alpha/2)(n). Normal in float16/bfloat16: rounded values are not
 * chi-square; the acceptance interval comes from Chernoff bounds on the exact law of (Y - mu)²/sigma² for the
 * stored Y ({@link Chernoff}, alpha/2 a side). Bounded laws: V = (Y-mu)²/sigma² lies in [0, B] with mean c and
 * variance v (c = 1, v = kappa - 1 for the continuous law; exact sums over the stored atoms in 16-bit formats),
 * so Bernstein ({@link Bernstein}) with M = max(B - c, c), L = ln(2/alpha) gives t and the check rejects iff
 * |m2 - c| &gt; t. The chi² test is not used for non-normal laws: it assumes kappa = 3 and is badly miscalibrated
 * otherwise (actual alpha 0.00007 for the uniform at nominal 0.01). In float32 each interval end is widened by
 * the factor (1 ± u)², u = 2^-24, that rounding can move m2 by.
 * Intervals from {@link MomentIntervals#secondMomentInterval}.
 */
final class SecondMomentCheck extends Check {
    SecondMomentCheck() {
        super(CheckName.SECOND_MOMENT, true);
    }

    @Override
    CheckResult run(Evidence ev, double alpha) {
        return check(ev.moments(), ev.storedTested(), alpha, Power.DEFAULT_BETA);
    }

    static CheckResult check(SampleMoments m, StoredLaw s, double alpha, double beta) {
        Distribution law = s.declared();
        long n = m.n();
        double m2 = m.sumSquares() / (n * law.variance());
        MomentIntervals.Interval iv = MomentIntervals.secondMomentInterval(s, n, alpha);
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
}
