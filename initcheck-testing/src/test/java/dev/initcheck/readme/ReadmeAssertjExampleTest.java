package dev.initcheck.readme;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initcheck.assertj.InitcheckAssertions;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import org.junit.jupiter.api.Test;

/**
 * The README's AssertJ example, verbatim between the markers ({@link ReadmeExamplesTest} keeps README in step).
 * Each passing assertion spends its default false-alarm probability 1e-6; the seeds are fixed.
 */
class ReadmeAssertjExampleTest {
    // README:assertj:begin
    /** A hand-written He-uniform initializer, PyTorch layout: U(±sqrt(6 / fan_in)), fan_in = in · kernel size. */
    static final Initializer HE_UNIFORM = (shape, rng) -> {
        double bound = Math.sqrt(6.0 / (shape.size() / shape.dim(0)));
        double[] w = new double[Math.toIntExact(shape.size())];
        for (int i = 0; i < w.length; i++) {
            w[i] = bound * (2 * rng.nextDouble() - 1);
        }
        return w;
    };

    @Test
    void storedWeightsFollowTheirScheme() {
        double[] weights = HE_UNIFORM.initialize(Shape.of(256, 512), SeededRandom.of(1).create()); // C order
        InitcheckAssertions.assertThat(weights)
                .withShape(256, 512)
                .inLayout(Layout.PYTORCH)
                .conformsTo("he_uniform");
    }

    @Test
    void theInitializerFollowsItsSchemeOnEveryShape() {
        InitcheckAssertions.assertThat(HE_UNIFORM)
                .withSeed(42)
                .forShapes(Shape.of(256, 512), Shape.of(64, 32, 3, 3), Shape.of(10, 3))
                .conformsTo("he_uniform");
    }

    @Test
    void withoutShapesADenseAndAConvolutionShapeAreChecked() {
        InitcheckAssertions.assertThat(HE_UNIFORM).conformsTo("he_uniform"); // [256, 512] and [64, 32, 3, 3]
    }
    // README:assertj:end

    /** The README's failing example: the same weights declared as Glorot-uniform. */
    static void misdeclared() {
        // README:assertj-failing:begin
        double[] weights = HE_UNIFORM.initialize(Shape.of(256, 512), SeededRandom.of(1).create());
        InitcheckAssertions.assertThat(weights).withShape(256, 512).conformsTo("glorot_uniform");
        // README:assertj-failing:end
    }

    @Test
    void theMisdeclaredExampleFails() {
        assertThatThrownBy(ReadmeAssertjExampleTest::misdeclared).isInstanceOf(AssertionError.class);
    }
}
