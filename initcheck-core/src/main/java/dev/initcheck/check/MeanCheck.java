package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.sample.SampleMoments;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * <b>mean</b>: normal: z = (x̄ - mu)·sqrt(n)/sigma, reject iff |z| &gt; z_(1-alpha/2) (exact); float16/bfloat16:
 * Chernoff on the stored law of (Y - mu)/sigma. Bounded: Bernstein about the stored mean with the stored
 * variance and range.
 * In float32 the interval is widened by the most rounding can move the mean. Intervals from
 * {@link MomentIntervals#meanInterval}.
 */
final class MeanCheck extends Check {
    MeanCheck() {
        super(CheckName.MEAN, true);
    }

    @Override
    CheckResult run(Evidence ev, double alpha) {
        return check(ev.moments(), ev.storedTested(), alpha);
    }

    static CheckResult check(SampleMoments m, StoredLaw s, double alpha) {
        Distribution law = s.declared();
        long n = m.n();
        double sd = law.standardDeviation();
        double shift = m.sumDeviations() / n;
        MomentIntervals.Interval iv = MomentIntervals.meanInterval(s, n, alpha);
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
}
