package dev.initcheck.check;

import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import java.util.List;
import java.util.Optional;

/**
 * The checks of one tensor against what its scheme promises.
 *
 * @param expectation the declared scheme, shape, layout and law
 * @param n           number of values checked
 * @param precision   the stored precision (sets the slack of the hard checks)
 * @param alpha       the false-alarm probability this tensor spent (sum of its checks' shares)
 * @param checks      every check, in the order run; checks skipped after non-finite values are listed as not run
 * @param source      the generator and seed when the values were generated here; null for values from a file
 */
public record Verdict(Expectation expectation, long n, Precision precision, double alpha, List<CheckResult> checks,
                      SeededRandom source) {

    public Verdict {
        checks = List.copyOf(checks);
    }

    /** A tensor's verdict. */
    public enum Status {
        /** No check rejected, and at least one check that could have caught a wrong scale accepted. */
        PASS,
        /** Some check rejected. */
        FAIL,
        /**
         * No check rejected, but none could have caught a wrong scale either (too few values), or a hard check
         * could not run: no evidence that the tensor conforms.
         */
        INCONCLUSIVE;

        /** {@code pass}, {@code fail}, {@code inconclusive}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The checks whose acceptance is evidence about the law's scale (or, for exact laws, the law itself). */
    private static final java.util.Set<CheckName> EVIDENCE = java.util.EnumSet.of(CheckName.KS,
            CheckName.SECOND_MOMENT, CheckName.ENDPOINT, CheckName.POINT_MASS, CheckName.ORTHOGONALITY);

    /**
     * The tensor's status.
     *
     * @return FAIL if any check rejected; otherwise INCONCLUSIVE if a hard check could not run or no check of
     *         {ks, second_moment, endpoint, point_mass, orthogonality} passed conclusively; otherwise PASS
     */
    public Status status() {
        if (checks.isEmpty() || checks.stream().anyMatch(CheckResult::failed)) {
            return Status.FAIL;
        }
        boolean hardSkipped = checks.stream().anyMatch(c -> c.hard() && !c.ran());
        boolean evidence = checks.stream().anyMatch(c -> EVIDENCE.contains(c.name())
                && c.outcome() == CheckResult.Outcome.PASSED);
        return hardSkipped || !evidence ? Status.INCONCLUSIVE : Status.PASS;
    }

    /** @return true iff the status is PASS: every check that ran accepted, with evidence */
    public boolean passed() {
        return status() == Status.PASS;
    }

    /** @return true iff some check rejected (status FAIL) */
    public boolean failed() {
        return status() == Status.FAIL;
    }

    /** @return the checks that ran and rejected, in the order run */
    public List<CheckResult> failures() {
        return checks.stream().filter(CheckResult::failed).toList();
    }

    /** @return the checks that were skipped, each with the reason in its message */
    public List<CheckResult> notRun() {
        return checks.stream().filter(c -> !c.ran()).toList();
    }

    /** @return the checks that accepted without being able to reject (too few values) */
    public List<CheckResult> inconclusive() {
        return checks.stream().filter(c -> c.outcome() == CheckResult.Outcome.INCONCLUSIVE).toList();
    }

    /**
     * One check's result.
     *
     * @param name which check
     * @return its result, or empty when the tensor's plan does not include it
     */
    public Optional<CheckResult> check(CheckName name) {
        return checks.stream().filter(c -> c.name() == name).findFirst();
    }

    /**
     * The same verdict, recording where the values came from.
     *
     * @param generator the generator and seed that produced the values
     * @return the verdict with {@link #source()} set
     */
    public Verdict withSource(SeededRandom generator) {
        return new Verdict(expectation, n, precision, alpha, checks, generator);
    }

    /**
     * The verdict in plain words, as the AssertJ message and the CLI's text show it.
     *
     * @return a few lines: what was expected, the outcome, every failure and skipped check, the seed
     */
    public String explain() {
        StringBuilder b = new StringBuilder();
        b.append(expectation.scheme()).append(" on ").append(expectation.shape()).append(" (")
                .append(expectation.layout().id()).append(" layout, ").append(n).append(" values, ")
                .append(precision.id()).append("), expected ").append(expectation.distribution().describe());
        Status status = status();
        if (status == Status.PASS) {
            b.append(": conforms, all ").append(checks.size() - notRun().size()).append(" checks passed")
                    .append(notRun().isEmpty() ? "" : " (" + notRun().size() + " not run)")
                    .append(" (false-alarm probability ").append(Fmt.prob(alpha)).append(")");
            for (CheckResult c : notRun()) {
                b.append("\n  - ").append(c.name().id()).append(": ").append(c.message());
            }
        } else if (status == Status.INCONCLUSIVE) {
            b.append(": INCONCLUSIVE, no check rejected but none could have caught a wrong scale");
            for (CheckResult c : inconclusive()) {
                b.append("\n  - ").append(c.name().id()).append(": ").append(c.message());
            }
            for (CheckResult c : notRun()) {
                b.append("\n  - ").append(c.name().id()).append(": ").append(c.message());
            }
        } else {
            b.append(": does NOT conform, ").append(failures().size()).append(" of ").append(checks.size())
                    .append(" checks failed");
            if (!notRun().isEmpty()) {
                b.append(", ").append(notRun().size()).append(" not run");
            }
            for (CheckResult c : failures()) {
                b.append("\n  - ").append(c.name().id()).append(": ").append(c.message());
            }
            for (CheckResult c : notRun()) {
                b.append("\n  - ").append(c.name().id()).append(": ").append(c.message());
            }
        }
        if (source != null) {
            b.append("\n  values generated by ").append(source);
        }
        return b.toString();
    }
}
