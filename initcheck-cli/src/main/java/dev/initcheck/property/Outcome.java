package dev.initcheck.property;

import java.util.Locale;

/**
 * The result of running a property: passed, or the smallest counterexample shrinking found, why it fails,
 * and how to replay it.
 */
public record Outcome<T>(String property, PropertyConfig config, boolean passed, T counterexample, String reason,
                         int examplesTried) {

    /** One paragraph for an assertion message. */
    public String describe() {
        if (passed) {
            return String.format(Locale.ROOT, "%s: passed %d tries (seed %d, false-alarm budget %.1e, %.1e a try)",
                    property, config.tries(), config.seed(), config.runBudget(), config.alphaPerTry().value());
        }
        return String.format(Locale.ROOT, "%s: falsified after %d tries; smallest counterexample %s: %s "
                        + "(false-alarm budget %.1e, %.1e a try; replay with %s)",
                property, examplesTried, counterexample, reason, config.runBudget(), config.alphaPerTry().value(),
                config.replay());
    }
}
