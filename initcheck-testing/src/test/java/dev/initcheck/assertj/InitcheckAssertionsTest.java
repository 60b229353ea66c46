package dev.initcheck.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import org.junit.jupiter.api.Test;

/**
 * The AssertJ entry points on reference samples (must pass: each assertion spends its default false-alarm
 * probability 1e-6; fixed seeds make the runs deterministic) and on mutants (must fail). Power: the mutants are off
 * by a factor sqrt(2) in scale or use the wrong fan (factor 2 in variance), against a detectable scale error of a
 * few percent at n >= 8192 (second moment) and a hard support check.
 */
class InitcheckAssertionsTest {
    static double[] sample(String scheme, Layout layout, long seed, long... shape) {
        return ReferenceInitializer.of(scheme, layout).initialize(Shape.of(shape), SeededRandom.of(seed).create());
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Test
    void honestSamplesConform() {
        InitcheckAssertions.assertThat(sample("he_uniform", Layout.PYTORCH, 1, 128, 64)).withShape(128, 64)
                .inLayout(Layout.PYTORCH).conformsTo("he_uniform");
        InitcheckAssertions.assertThat(toFloat(sample("glorot_normal", Layout.KERAS, 2, 3, 3, 16, 32)))
                .withShape(3, 3, 16, 32).inLayout(Layout.KERAS).withFalseAlarmProbability(1e-9)
                .conformsTo("glorot_normal");
        // a transposed conv stored [in, out, k, k]: the fan override makes the declaration right
        double[] t = sample("he_uniform", Layout.PYTORCH, 3, 64, 32, 3, 3);
        InitcheckAssertions.assertThat(t).withShape(32, 64, 3, 3).withFanIn(288).withFanOut(576)
                .conformsTo(Scheme.parse("he_uniform"));
    }

    @Test
    void misdeclaredSamplesFailWithEveryFailedCheckInWords() {
        float[] w = toFloat(sample("torch.kaiming_normal(nonlinearity=relu)", Layout.PYTORCH, 4, 256, 128));
        assertThatThrownBy(() -> InitcheckAssertions.assertThat(w).withShape(256, 128).conformsTo("he_normal"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 32768 values of shape [256, 128] (pytorch layout, fan_in=128, fan_out=256)")
                .hasMessageContaining("to conform to he_normal")
                .hasMessageContaining("- support: ")
                .hasMessageContaining("false-alarm probability of this assertion: 1.00e-06");
    }

    @Test
    void wrongNumberOfValuesFails() {
        assertThatThrownBy(() -> InitcheckAssertions.assertThat(new double[10]).withShape(4, 4).conformsTo("zeros"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expected 16 values for shape [4, 4] but got 10");
    }

    @Test
    void misuseIsReportedNotSilentlyPassed() {
        assertThatThrownBy(() -> InitcheckAssertions.assertThat(new double[16]).conformsTo("zeros"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("withShape");
        assertThatThrownBy(() -> InitcheckAssertions.assertThat(new double[16]).withFalseAlarmProbability(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        Initializer zeros = (shape, rng) -> new double[Math.toIntExact(shape.size())];
        assertThatThrownBy(() -> InitcheckAssertions.assertThat(zeros).forShapes(new Shape[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one shape");
        assertThatThrownBy(() -> InitcheckAssertions.assertThat((double[]) null).withShape(2).conformsTo("zeros"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aCorrectInitializerConformsOnEveryShape() {
        InitcheckAssertions.assertThat(ReferenceInitializer.of("torch.xavier_uniform(gain=1)", Layout.PYTORCH))
                .forShapes(Shape.of(256, 128), Shape.of(16, 8, 3, 3), Shape.of(3, 1))
                .conformsTo("torch.xavier_uniform(gain=1)");
        InitcheckAssertions.assertThat(ReferenceInitializer.of("orthogonal(gain=2)", Layout.KERAS)).inLayout(Layout.KERAS)
                .withSeed(5).forShapes(new long[] {64, 32}, new long[] {3, 3, 8, 16}).conformsTo("orthogonal(gain=2)");
    }

    @Test
    void aMutantInitializerFailsWithSeedShapeAndProbability() {
        // fan_in taken from the wrong dimension: fan_out for PyTorch layout
        Initializer swapped = (shape, rng) -> {
            double bound = Math.sqrt(6.0 / Fans.of(shape, Layout.PYTORCH).fanOut());
            double[] w = new double[Math.toIntExact(shape.size())];
            for (int i = 0; i < w.length; i++) {
                w[i] = bound * (2 * rng.nextDouble() - 1);
            }
            return w;
        };
        assertThatThrownBy(() -> InitcheckAssertions.assertThat(swapped).withSeed(42)
                .forShapes(Shape.of(64, 64), Shape.of(128, 64), Shape.of(2, 4)).conformsTo("he_uniform"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to conform to he_uniform (pytorch layout) on 3 shapes, but it failed on 2")
                .hasMessageContaining("- shape [128, 64] (fan_in=64, fan_out=128)")
                .hasMessageContaining("- shape [2, 4] (fan_in=4, fan_out=2)")
                .hasMessageNotContaining("shape [64, 64]")
                .hasMessageContaining("seed 42, XO_RO_SHI_RO_128_PP")
                .hasMessageContaining("false-alarm probability of this assertion: 1.00e-06")
                .hasMessageContaining("replay with withSeed(42)");
    }

    /** Without forShapes, conformsTo checks the default dense and convolution shapes: it never checks nothing. */
    @Test
    void withoutShapesTheDefaultShapesAreChecked() {
        Initializer constant = (shape, rng) -> {
            double[] w = new double[Math.toIntExact(shape.size())];
            java.util.Arrays.fill(w, 42);
            return w;
        };
        assertThatThrownBy(() -> InitcheckAssertions.assertThat(constant).conformsTo("he_uniform"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to conform to he_uniform (pytorch layout) on 2 default shapes, but it failed on 2")
                .hasMessageContaining("- shape [256, 512] (fan_in=512, fan_out=256)")
                .hasMessageContaining("- shape [64, 32, 3, 3] (fan_in=288, fan_out=576)");
        assertThatThrownBy(() -> InitcheckAssertions.assertThat(constant).inLayout(Layout.KERAS).conformsTo("he_uniform"))
                .hasMessageContaining("- shape [3, 3, 32, 64] (fan_in=288, fan_out=576)");
        for (Layout l : Layout.values()) {
            InitcheckAssertions.assertThat(ReferenceInitializer.of("he_uniform", l)).inLayout(l).conformsTo("he_uniform");
            assertThat(InitializerAssert.defaultShapes(l)).hasSize(2)
                    .allSatisfy(s -> assertThat(Fans.of(s, l).fanIn()).isIn(512L, 288L));
        }
    }

    /** Options after conformsTo would change nothing: they fail instead of being silently ignored. */
    @Test
    void optionsAfterConformsToFailLoudly() {
        InitializerAssert ran = InitcheckAssertions.assertThat(ReferenceInitializer.of("he_uniform", Layout.PYTORCH))
                .forShapes(Shape.of(32, 16)).conformsTo("he_uniform");
        assertThatThrownBy(() -> ran.forShapes(Shape.of(8, 8))).isInstanceOf(IllegalStateException.class)
                .hasMessage("forShapes(...) after conformsTo(...) would change nothing: conformsTo has already run the "
                        + "checks; call forShapes before conformsTo");
        assertThatThrownBy(() -> ran.withSeed(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("withSeed");
        assertThatThrownBy(() -> ran.inLayout(Layout.KERAS)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ran.withFalseAlarmProbability(0.1)).isInstanceOf(IllegalStateException.class);
    }
}
