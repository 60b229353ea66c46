package dev.initcheck.check;

import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.PointMass;
import dev.initcheck.distribution.Precision;
import dev.initcheck.sample.SampleMoments;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * <b>point_mass</b> (hard), for zeros, ones and constants: every value equals the constant c up to one ulp of c in
 * the stored precision (a constant 0.1 is stored as the nearest float). Statistic max |w - c|, threshold ulp(c).
 */
final class PointMassCheck extends Check {
    PointMassCheck() {
        super(CheckName.POINT_MASS, false);
    }

    @Override
    boolean appliesTo(Subject s) {
        return s.law().family() == Family.POINT_MASS;
    }

    @Override
    CheckResult run(Evidence ev, double alpha) {
        return check(ev.moments(), (PointMass) ev.subject().law(), ev.subject().precision());
    }

    static CheckResult check(SampleMoments m, PointMass law, Precision p) {
        double c = law.value();
        double slack = p.ulp(c);
        double dev = m.maxAbsDeviation();
        boolean passed = dev <= slack;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("min", m.min());
        d.put("max", m.max());
        String msg = passed ? "every value equals " + Fmt.num(c) + " (up to " + p.id() + " rounding)"
                : "values range over [" + Fmt.num(m.min()) + ", " + Fmt.num(m.max()) + "] but the scheme sets every"
                + " weight to " + Fmt.num(c) + " (largest difference " + Fmt.num(dev) + ", allowed " + Fmt.num(slack)
                + ")";
        return CheckResult.hard(CheckName.POINT_MASS, passed, dev, slack, Double.NaN, msg, d);
    }
}
