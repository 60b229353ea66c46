package dev.initcheck.thirdparty;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import dev.initcheck.random.SeededRandom;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One evaluated row of the third-party matrix: the case, the stream that drew it, the verdict of the checks and the
 * law measured independently of them.
 */
public record MatrixRow(ThirdPartyCase thirdParty, SeededRandom source, Verdict verdict, MeasuredLaw measured) {

    /** Ids of the checks that ran and rejected, e.g. {@code [ks, second_moment]}. */
    public Set<String> failedChecks() {
        return verdict.failures().stream().map(c -> c.name().id()).collect(Collectors.toCollection(
                java.util.TreeSet::new));
    }

    /** True when the row behaves as its case says: passes without a finding, or is rejected by every named check. */
    public boolean asExpected() {
        ThirdPartyCase.Finding f = thirdParty.finding();
        return f == null ? verdict.passed() : !verdict.passed() && failedChecks().containsAll(f.rejecting());
    }

    /** The smallest relative scale error the second-moment check of this row detects (power 0.999); NaN if none. */
    public double detectableScaleError() {
        return verdict.check(CheckName.SECOND_MOMENT).map(CheckResult::detectableScaleError).orElse(Double.NaN);
    }
}
