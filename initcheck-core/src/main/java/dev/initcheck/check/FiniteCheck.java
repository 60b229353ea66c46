package dev.initcheck.check;

import dev.initcheck.sample.SampleMoments;
import java.util.Map;

/**
 * <b>finite</b> (hard): no NaN or infinity. Every tensor gets it first; when it fails, every other check of the
 * tensor is reported as not run.
 */
final class FiniteCheck extends Check {
    FiniteCheck() {
        super(CheckName.FINITE, false);
    }

    @Override
    boolean appliesTo(Subject s) {
        return true;
    }

    @Override
    CheckResult run(Evidence ev, double alpha) {
        return check(ev.moments());
    }

    static CheckResult check(SampleMoments m) {
        long bad = m.nonFiniteCount();
        String msg = bad == 0 ? "all " + m.count() + " values are finite numbers"
                : bad + " of " + m.count() + " values are NaN or infinite: the tensor is corrupt, and the"
                + " statistical checks were not run";
        return CheckResult.hard(CheckName.FINITE, bad == 0, bad, 0, Double.NaN, msg, Map.of());
    }
}
