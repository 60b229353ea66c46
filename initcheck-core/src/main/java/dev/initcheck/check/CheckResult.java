package dev.initcheck.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one check on one tensor.
 *
 * <p>{@code statistic} and {@code threshold} are in the units the check's Javadoc states; for most checks the
 * check fails when the statistic exceeds the threshold, for {@link CheckName#ENDPOINT} when it falls below it,
 * and for two-sided interval checks ({@link CheckName#SECOND_MOMENT}, {@link CheckName#TAIL}) {@code threshold}
 * is the end of the acceptance interval on the statistic's side (both ends are in {@code details}).
 *
 * @param name                 which check
 * @param passed               true iff the check ran and accepted
 * @param ran                  false when the check was skipped (e.g. after non-finite values); {@code passed} is
 *                             then false and {@code message} says why
 * @param statistic            the value computed from the sample
 * @param threshold            the boundary the statistic was compared with
 * @param alpha                the false-alarm probability this check spends (its share of the budget); 0 for
 *                             hard checks, whose outcome cannot be a false alarm
 * @param pValue               diagnostic p-value, NaN where none (the decision never uses it)
 * @param detectableScaleError smallest relative scale error sigma -> sigma(1±delta) the check detects with
 *                             power 0.999 at its alpha; NaN where not meaningful
 * @param hard                 deterministic check
 * @param message              plain-words explanation
 * @param details              extra diagnostics (numbers, or short words such as the p-value method), ordered
 * @param conclusive           false when the check could not have rejected: its acceptance region covers every
 *                             possible outcome, or it cannot catch a scale off by a factor 2 either way
 *                             ({@link Power#CONCLUSIVE_FACTOR}); such a check that accepts is
 *                             {@link Outcome#INCONCLUSIVE}, not evidence
 */
public record CheckResult(CheckName name, boolean passed, boolean ran, double statistic, double threshold,
                          double alpha, double pValue, double detectableScaleError, boolean hard, String message,
                          Map<String, Object> details, boolean conclusive) {

    /** What a check's result says. */
    public enum Outcome {
        /** Ran, could have rejected, and accepted. */
        PASSED,
        /** Ran and rejected. */
        FAILED,
        /** Ran and accepted, but could not have rejected (too few values): no evidence either way. */
        INCONCLUSIVE,
        /** Skipped (the reason is in the message). */
        NOT_RUN;

        /** {@code passed}, {@code failed}, {@code inconclusive}, {@code not_run}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details == null ? Map.of() : details));
        if (!ran && passed) {
            throw new IllegalArgumentException("a check that did not run cannot pass");
        }
    }

    /** A conclusive result (the canonical form before inconclusiveness was recorded). */
    public CheckResult(CheckName name, boolean passed, boolean ran, double statistic, double threshold, double alpha,
                       double pValue, double detectableScaleError, boolean hard, String message,
                       Map<String, Object> details) {
        this(name, passed, ran, statistic, threshold, alpha, pValue, detectableScaleError, hard, message, details,
                true);
    }

    /** @return FAILED, NOT_RUN, INCONCLUSIVE (accepted but could not have rejected) or PASSED */
    public Outcome outcome() {
        if (!ran) {
            return Outcome.NOT_RUN;
        }
        if (!passed) {
            return Outcome.FAILED;
        }
        return conclusive ? Outcome.PASSED : Outcome.INCONCLUSIVE;
    }

    /**
     * This result marked conclusive or not; an inconclusive one that accepted gets {@code note} (why, and the n
     * it would need) appended to its message.
     */
    CheckResult withConclusive(boolean isConclusive, String note) {
        if (isConclusive) {
            return this;
        }
        String msg = passed ? "inconclusive: " + note + " (" + message + ")" : message;
        return new CheckResult(name, passed, ran, statistic, threshold, alpha, pValue, detectableScaleError, hard,
                msg, details, false);
    }

    /**
     * A deterministic check's result (spends no alpha, no p-value).
     *
     * @param name       which check
     * @param passed     whether it accepted
     * @param statistic  the value computed from the values
     * @param threshold  the boundary it was compared with
     * @param detectable the smallest relative scale error it detects, NaN where not meaningful
     * @param message    the outcome in plain words
     * @param details    extra diagnostics, in order
     * @return the result, conclusive
     */
    public static CheckResult hard(CheckName name, boolean passed, double statistic, double threshold,
                            double detectable, String message, Map<String, Object> details) {
        return new CheckResult(name, passed, true, statistic, threshold, 0, Double.NaN, detectable, true, message,
                details);
    }

    /** A check whose false-alarm probability is at most {@code alpha}. */
    static CheckResult stochastic(CheckName name, boolean passed, double statistic, double threshold, double alpha,
                                  double pValue, double detectable, String message, Map<String, Object> details) {
        return new CheckResult(name, passed, true, statistic, threshold, alpha, pValue, detectable, false, message,
                details);
    }

    /** A check that was skipped; it is not a failure, but it is no evidence either. */
    static CheckResult notRun(CheckName name, boolean hard, String reason) {
        return new CheckResult(name, false, false, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, hard,
                "not run: " + reason, Map.of());
    }

    /** @return true when the check ran and rejected */
    public boolean failed() {
        return ran && !passed;
    }

    /** {@code ks: passed (D = 0.0012 <= 0.0027)}-style one-liner: the name and the message. */
    @Override
    public String toString() {
        return name.id() + ": " + (outcome() == Outcome.FAILED ? "FAILED" : outcome().id().replace('_', ' '))
                + " - " + message;
    }
}
