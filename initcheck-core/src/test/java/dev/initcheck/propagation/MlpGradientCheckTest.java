package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The MLP's backward pass against central finite differences, for every parameter and every activation.
 *
 * <p>Step h = 10⁻⁶: truncation error h²·|L'''|/6 ≲ 10⁻¹², rounding ≈ ε·|L|/h ≈ 10⁻¹⁰. Tolerance: relative 10⁻⁶ of
 * max(|analytic|, |numeric|) plus an absolute 10⁻⁸ for gradients near zero, two orders above both errors. For
 * relu, leaky relu and SELU a pre-activation within h of the kink would spoil the difference; with 6 inputs and
 * 9 hidden units whose pre-activations spread over O(1), the chance is ~10⁻⁵, and these fixed seeds avoid it.
 */
class MlpGradientCheckTest {
    private static final double H = 1e-6;
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 1e-8;
    private static final int[] WIDTHS = {3, 5, 4, 2};

    @Test
    void backwardMatchesCentralDifferences() {
        RegressionTask task = RegressionTask.of(3, 2, 6, SeededRandom.of(5));
        for (Activation a : Activation.values()) {
            Mlp net = Mlp.initialize(WIDTHS, a, ReferenceInitializer.of("glorot_uniform", Layout.PYTORCH), 0.1,
                    SeededRandom.of(6));
            check(net, task, null);
        }
    }

    @Test
    void backwardWithDropoutMatchesCentralDifferencesForTheSameMasks() {
        RegressionTask task = RegressionTask.of(3, 2, 6, SeededRandom.of(5));
        Mlp net = Mlp.initialize(WIDTHS, Activation.TANH, ReferenceInitializer.of("he_uniform", Layout.PYTORCH), 0.1,
                SeededRandom.of(7));
        double[][][] masks = net.dropoutScales(6, 0.3, SeededRandom.of(8).create());
        check(net, task, masks);
    }

    private static void check(Mlp net, RegressionTask task, double[][][] masks) {
        double[] g = net.gradient(task.inputs(), task.targets(), masks);
        double[] p = net.parameters();
        assertThat(g).hasSize(net.parameterCount()).hasSize(3 * 5 + 5 + 5 * 4 + 4 + 4 * 2 + 2);
        for (int k = 0; k < p.length; k++) {
            double[] plus = Arrays.copyOf(p, p.length);
            double[] minus = Arrays.copyOf(p, p.length);
            plus[k] += H;
            minus[k] -= H;
            double lp = Mlp.of(WIDTHS, net.activation(), plus).loss(task.inputs(), task.targets(), masks);
            double lm = Mlp.of(WIDTHS, net.activation(), minus).loss(task.inputs(), task.targets(), masks);
            double numeric = (lp - lm) / (2 * H);
            double tol = RELATIVE * Math.max(Math.abs(g[k]), Math.abs(numeric)) + ABSOLUTE;
            assertThat(Math.abs(g[k] - numeric)).as("%s parameter %d: analytic %s, numeric %s", net.activation(), k,
                    g[k], numeric).isLessThanOrEqualTo(tol);
        }
    }
}
