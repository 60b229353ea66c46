package dev.initcheck.assertj;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import dev.initcheck.scheme.Initializer;
import java.util.List;
import java.util.Locale;

/** Failure messages in words: what was expected, each failed check, the seed and the false-alarm probability. */
final class Messages {
    private Messages() {
    }

    static String samples(Verdict v, double alpha) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%nExpected %d values of shape %s (%s layout, fan_in=%d, fan_out=%d) "
                        + "to conform to %s, i.e. %s,%nbut %d of %d checks failed:",
                v.n(), v.expectation().shape(), v.expectation().layout().id(), v.expectation().fans().fanIn(),
                v.expectation().fans().fanOut(), v.expectation().scheme(), v.expectation().distribution().describe(),
                v.failures().size() + v.notRun().size(), v.checks().size()));
        failures(b, v.failures(), v.notRun(), "  ");
        b.append(String.format(Locale.ROOT, "%n(false-alarm probability of this assertion: %.3g)", alpha));
        return b.toString();
    }

    /** See {@link Initializer#nameOf}. */
    static String name(Object o) {
        return Initializer.nameOf(o);
    }

    static void failures(StringBuilder b, List<CheckResult> failed, List<CheckResult> notRun, String indent) {
        for (CheckResult c : failed) {
            b.append(String.format(Locale.ROOT, "%n%s- %s: %s", indent, c.name().id(), c.message()));
        }
        for (CheckResult c : notRun) {
            b.append(String.format(Locale.ROOT, "%n%s- %s: %s", indent, c.name().id(), c.message()));
        }
    }
}
