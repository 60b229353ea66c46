package dev.initcheck.junit;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Layout;
import org.junit.jupiter.api.Test;

/**
 * A contract for a user's initializer: implement it in a JUnit 5 test class, supply the initializer and the scheme
 * it declares, and the default tests below run (junit-jupiter-api is an optional dependency: add JUnit 5 to your
 * test classpath). Every test is reproducible from {@link #seed()}; {@code -Dinitcheck.seed=S} overrides the seed of
 * the property test, as its failure message says.
 *
 * <ul>
 *   <li>{@link #conformsOnGeneratedShapes()}: the conformance property over {@value ContractChecks#TRIES} generated
 *       shapes of rank 2–5 (dimensions 1–8) in {@link #layout()}; each tensor gets every check, small ones are pooled
 *       with further draws to {@value ContractChecks#MIN_SAMPLES} values. A failure is shrunk to the smallest shape
 *       that shows it. False-alarm probability: at most 1e-6 per run (split over the tries).</li>
 *   <li>{@link #breaksSymmetry()}: a [64 units, 48 inputs] dense weight has pairwise-distinct unit rows when the
 *       declared law is random (units that start equal get equal gradients and never differentiate), and identical
 *       rows when it is a point mass (zeros, ones, constant): the initializer must do what it declares. A hard check:
 *       two rows of a continuous law coincide with probability 0.</li>
 *   <li>{@link #propagatesAsMeanFieldPredicts()}: activations pass a dense network of widths
 *       {@code [100, 128, 96, 128, 112]} (batch 128; unequal widths, so fan_in and fan_out cannot be confused) with
 *       the initializer's weights; each layer's pre-activation second moment must lie in
 *       {@link dev.initcheck.propagation.MeanFieldBand}'s band around the mean-field prediction for the declared
 *       scheme, for two activations it suits (ReLU and leaky ReLU when Var[w]·fan_in ≥ 1.5, otherwise tanh and
 *       linear). Skipped (JUnit assumption) where the theory does not apply: point masses, orthogonal matrices,
 *       non-zero means. False-alarm probability: at most 1.4e-6 per layer, 1.2e-5 for the 8 comparisons.</li>
 * </ul>
 */
public interface InitializerContract {
    /** The seed used unless {@link #seed()} is overridden. */
    long DEFAULT_SEED = 20261122L;

    /**
     * The initializer under test; it receives shapes in {@link #layout()}.
     *
     * @return the initializer (called once per test)
     */
    Initializer initializer();

    /**
     * The scheme the initializer implements, in initcheck's grammar.
     *
     * @return e.g. {@code torch.kaiming_uniform(a=0)}
     */
    String declaredScheme();

    /**
     * The layout of the shapes the initializer receives (its fan convention).
     *
     * @return {@link Layout#PYTORCH} unless overridden
     */
    default Layout layout() {
        return Layout.PYTORCH;
    }

    /**
     * The seed of every random choice the contract makes.
     *
     * @return {@link #DEFAULT_SEED} unless overridden
     */
    default long seed() {
        return DEFAULT_SEED;
    }

    /** The conformance property over generated shapes, shrunk on failure (see the list above). */
    @Test
    default void conformsOnGeneratedShapes() {
        ContractChecks.conformance(initializer(), declaredScheme(), layout(), seed());
    }

    /** Distinct unit rows for a random law, identical ones for a point mass (see the list above). */
    @Test
    default void breaksSymmetry() {
        ContractChecks.symmetry(initializer(), declaredScheme(), layout(), seed());
    }

    /** Pre-activation second moments within the mean-field band, layer by layer (see the list above). */
    @Test
    default void propagatesAsMeanFieldPredicts() {
        ContractChecks.propagation(initializer(), declaredScheme(), layout(), seed());
    }
}
