package dev.initcheck.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.check.AlphaShare;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.scheme.Catalogue;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance over generated shapes for every catalogue scheme, and three mutants that must fail with the smallest
 * shape that exposes them.
 *
 * <p>Budget: the whole class spends at most 1e-6 false-alarm probability: each of the S catalogue schemes gets
 * 1e-6/S, split over its tries ({@link PropertyConfig#alphaPerTry()}). Mutant runs cannot false-alarm (they must fail).
 * Power of the mutant tests: pooled samples of {@value #MIN_SAMPLES} values; the smallest mutant error is a factor
 * sqrt(2) in scale (41%), against a detectable scale error of about 2.5% (second moment, uniform, n = 2·10^4,
 * alpha = 1e-8; {@code Power.detectableScaleError}), so a mutant escapes with probability below 1e-3 per try and the
 * shrinker, which re-runs the property on each candidate, sees the failure deterministically for fixed seeds.
 */
class ConformanceProperties {
    static final int MIN_SAMPLES = 20_000;
    static final int TRIES = 12;
    static final long MAX_SIZE = 2048;

    static List<Scheme> schemes() {
        return Catalogue.defaults();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void everyReferenceInitializerConforms(Scheme s) {
        PropertyConfig cfg = PropertyConfig.of(20261122L, TRIES);
        cfg = new PropertyConfig(cfg.seed(), cfg.tries(), cfg.runBudget() / schemes().size(), 200);
        AlphaShare alpha = cfg.alphaPerTry();
        PropertyRunner.assertHolds("conformance of " + s, ConformanceProperty.cases(MAX_SIZE), cfg,
                c -> ConformanceProperty.violation(ReferenceInitializer.of(s, c.layout()), s, c, MIN_SAMPLES, alpha));
    }

    /** he_uniform with fans computed by a mutant rule: bound sqrt(6 / fanIn(shape, layout)). */
    static Initializer heUniformWithFanIn(Layout layout, ToDoubleBiFunction<Shape, Layout> fanIn) {
        return (shape, rng) -> {
            double bound = Math.sqrt(6 / fanIn.applyAsDouble(shape, layout));
            return uniform(shape, rng, bound);
        };
    }

    static double[] uniform(Shape shape, org.apache.commons.rng.UniformRandomProvider rng, double bound) {
        double[] w = new double[Math.toIntExact(shape.size())];
        Uniform u = Uniform.symmetric(bound);
        for (int i = 0; i < w.length; i++) {
            w[i] = u.lower() + (u.upper() - u.lower()) * rng.nextDouble();
        }
        return w;
    }

    static Outcome<ConformanceProperty.Case> runMutant(String name, java.util.function.Function<Layout, Initializer> mutant) {
        Scheme declared = Scheme.parse("he_uniform");
        PropertyConfig cfg = new PropertyConfig(7, 60, 1e-6, 2000);
        return PropertyRunner.run(name, ConformanceProperty.cases(MAX_SIZE), cfg,
                c -> ConformanceProperty.violation(mutant.apply(c.layout()), declared, c, MIN_SAMPLES, cfg.alphaPerTry()));
    }

    @Test
    void convolutionFanWithoutReceptiveFieldShrinksToATwoElementKernel() {
        // fan_in = in-channels only: right for dense layers, wrong as soon as a kernel dimension exceeds 1
        Outcome<ConformanceProperty.Case> o = runMutant("conv fan without receptive field", layout ->
                heUniformWithFanIn(layout, (s, l) -> l == Layout.PYTORCH ? s.dim(1) : s.dim(s.rank() - 2)));
        assertThat(o.passed()).isFalse();
        assertThat(o.counterexample().shape()).isEqualTo(Shape.of(1, 1, 2));
        assertThat(o.counterexample().layout()).isEqualTo(Layout.PYTORCH);
        assertThat(o.reason()).containsAnyOf("ks:", "second_moment:", "support:", "endpoint:");
    }

    @Test
    void swappedFansShrinkToATwoElementMatrix() {
        Outcome<ConformanceProperty.Case> o = runMutant("fan_in and fan_out swapped", layout ->
                heUniformWithFanIn(layout, (s, l) -> dev.initcheck.shape.Fans.of(s, l).fanOut()));
        assertThat(o.passed()).isFalse();
        Shape shape = o.counterexample().shape();
        assertThat(shape.rank()).isEqualTo(2);
        assertThat(shape.size()).isEqualTo(2);
        assertThat(o.reason()).containsAnyOf("ks:", "second_moment:", "support:", "endpoint:");
    }

    @Test
    void missingSqrtThreeShrinksToTheSmallestShape() {
        // bound sqrt(2/fan_in) (the standard deviation) instead of sqrt(3)·sqrt(2/fan_in)
        Outcome<ConformanceProperty.Case> o = runMutant("sqrt(3) missing in the uniform bound", layout ->
                (shape, rng) -> uniform(shape, rng, Math.sqrt(2.0 / dev.initcheck.shape.Fans.of(shape, layout).fanIn())));
        assertThat(o.passed()).isFalse();
        assertThat(o.counterexample().shape()).isEqualTo(Shape.of(1, 1));
        assertThat(o.reason()).contains("endpoint:");
    }
}
