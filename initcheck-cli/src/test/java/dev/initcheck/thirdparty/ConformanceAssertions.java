package dev.initcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import java.util.Locale;

/** The assertions the third-party conformance tests make about one evaluated row. */
public final class ConformanceAssertions {
    /** A finding must exceed the smallest scale error the second-moment check detects by at least this factor. */
    public static final double POWER_MARGIN = 3;

    private ConformanceAssertions() {
    }

    /**
     * Honest rows conform; rows with a finding are rejected by at least the checks the finding names, and where
     * the second-moment check is named, the measured scale error is at least {@link #POWER_MARGIN} times the
     * smallest error that check detects with power 0.999 at this n (so the rejection is not a near miss).
     */
    public static void assertAsDeclared(MatrixRow row) {
        ThirdPartyCase c = row.thirdParty();
        String why = c.label() + "\n" + row.verdict().explain();
        if (c.finding() == null) {
            assertThat(row.verdict().passed()).as(why).isTrue();
            return;
        }
        assertThat(row.verdict().passed()).as(why).isFalse();
        assertThat(row.failedChecks()).as(why).containsAll(c.finding().rejecting());
        if (c.finding().rejecting().contains(CheckName.SECOND_MOMENT.id())) {
            double off = Math.abs(row.measured().sdRatio() - 1);
            double detectable = row.verdict().check(CheckName.SECOND_MOMENT)
                    .map(CheckResult::detectableScaleError).orElseThrow();
            assertThat(off).as(String.format(Locale.ROOT, "%s: sd off by %.4g, detectable %.4g", c.label(), off,
                    detectable)).isGreaterThan(POWER_MARGIN * detectable);
        }
    }
}
