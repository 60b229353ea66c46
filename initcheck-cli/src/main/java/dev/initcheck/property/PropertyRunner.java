package dev.initcheck.property;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

/**
 * Runs a property over generated examples with QuickTheories and returns an {@link Outcome} instead of
 * throwing, so callers (tests, the contract, the suite) can inspect the shrunk counterexample.
 *
 * <p>A property returns {@code Optional.empty()} when the example conforms, or the reason it does not.
 */
public final class PropertyRunner {
    private PropertyRunner() {
    }

    public static <T> Outcome<T> run(String name, Gen<T> gen, PropertyConfig config,
                                     Function<T, Optional<String>> property) {
        Capture<T> capture = new Capture<>();
        try {
            QuickTheory.qt().withFixedSeed(config.seed()).withExamples(config.tries())
                    .withShrinkCycles(config.shrinkCycles()).withReporter(capture)
                    .forAll(gen).check(t -> property.apply(t).isEmpty());
        } catch (RuntimeException | AssertionError e) {
            if (!capture.failed) {
                throw e;
            }
        }
        if (!capture.failed) {
            return new Outcome<>(name, config, true, null, null, config.tries());
        }
        String reason = property.apply(capture.smallest).orElse("fails only with the original example");
        return new Outcome<>(name, config, false, capture.smallest, reason, capture.examples);
    }

    /** Runs the property and throws an AssertionError with the outcome's description if it is falsified. */
    public static <T> Outcome<T> assertHolds(String name, Gen<T> gen, PropertyConfig config,
                                             Function<T, Optional<String>> property) {
        Outcome<T> o = run(name, gen, config, property);
        if (!o.passed()) {
            throw new AssertionError(o.describe());
        }
        return o;
    }

    private static final class Capture<T> implements Reporter {
        boolean failed;
        T smallest;
        int examples;

        @SuppressWarnings("unchecked")
        private void record(int examplesUsed, Object smallestValue) {
            failed = true;
            examples = examplesUsed;
            smallest = (T) smallestValue;
        }

        @Override
        public void falisification(long seed, int examplesUsed, Object smallestValue, Throwable cause,
                                   List<Object> others, AsString<Object> toString) {
            record(examplesUsed, smallestValue);
        }

        @Override
        public void falisification(long seed, int examplesUsed, Object smallestValue, List<Object> others,
                                   AsString<Object> toString) {
            record(examplesUsed, smallestValue);
        }

        @Override
        public void valuesExhausted(int examplesUsed) {
            // too few distinct examples: not a falsification
        }
    }
}
