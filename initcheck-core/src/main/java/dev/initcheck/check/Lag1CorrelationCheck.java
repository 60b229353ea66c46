package dev.initcheck.check;

import dev.initcheck.sample.SampleMoments;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * <b>lag1_correlation</b>: r1 of consecutive values in storage order; for i.i.d. values with a finite fourth
 * moment sqrt(n)·r1 is asymptotically N(0, 1) (Bartlett 1946), so the check rejects iff
 * |sqrt(n)·r1| &gt; z_(1-alpha/2). Asymptotic: run only for n &gt;= {@link #MIN_N}, where the measured
 * false-alarm rate agrees with alpha (measured by {@code app.Calibration}).
 */
final class Lag1CorrelationCheck extends Check {
    /** Smallest n for which the lag-1 check runs. */
    static final long MIN_N = 1000;

    Lag1CorrelationCheck() {
        super(CheckName.LAG1_CORRELATION, true);
    }

    @Override
    boolean appliesTo(Subject s) {
        return s.iid() && s.n() >= MIN_N;
    }

    @Override
    CheckResult run(Evidence ev, double alpha) {
        return check(ev.moments(), alpha);
    }

    static CheckResult check(SampleMoments m, double alpha) {
        long n = m.n();
        if (!(m.centralSumSquares() > 0)) {
            return CheckResult.notRun(CheckName.LAG1_CORRELATION, false,
                    "zero variance (every value equal): the correlation is undefined");
        }
        double r1 = m.lag1Correlation();
        double z = Math.sqrt((double) n) * r1;
        double c = NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / 2);
        boolean passed = Math.abs(z) <= c;
        double p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("r1", r1);
        d.put("approximation", "asymptotic N(0,1) for sqrt(n)·r1");
        String msg = passed
                ? "consecutive values are uncorrelated: r1 = " + Fmt.num(r1) + " (sqrt(n)·r1 = " + Fmt.num(z)
                + ", limit ±" + Fmt.num(c) + ")"
                : "consecutive values are correlated: r1 = " + Fmt.num(r1) + ", sqrt(n)·r1 = " + Fmt.num(z)
                + " beyond ±" + Fmt.num(c) + " (asymptotic normal limit, false-alarm probability " + Fmt.prob(alpha)
                + "): the values are not independent draws";
        return CheckResult.stochastic(CheckName.LAG1_CORRELATION, passed, z, c, alpha, p, Double.NaN, msg, d);
    }
}
