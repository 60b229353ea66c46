package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ActivationTest {

    @Test
    void parsesLowerCaseNamesAndListsChoicesOnError() {
        for (Activation a : Activation.values()) {
            assertThat(Activation.parse(a.id())).isEqualTo(a);
            assertThat(Activation.parse(" " + a.id().toUpperCase() + " ")).isEqualTo(a);
        }
        assertThat(Activation.LEAKY_RELU.id()).isEqualTo("leaky_relu");
        assertThatThrownBy(() -> Activation.parse("gelu")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown activation 'gelu' (valid: linear, tanh, sigmoid, relu, leaky_relu, selu)");
    }

    @Test
    void valuesMatchTheirDefinitions() {
        assertThat(Activation.TANH.apply(0.5)).isEqualTo(Math.tanh(0.5));
        assertThat(Activation.SIGMOID.apply(0)).isEqualTo(0.5);
        assertThat(Activation.RELU.apply(-2)).isEqualTo(0);
        assertThat(Activation.RELU.apply(2)).isEqualTo(2);
        assertThat(Activation.LEAKY_RELU.apply(-2)).isEqualTo(-0.02);
        assertThat(Activation.SELU.apply(1)).isEqualTo(Activation.SELU_LAMBDA);
        assertThat(Activation.SELU.apply(-1)).isCloseTo(Activation.SELU_LAMBDA * Activation.SELU_ALPHA * (Math.exp(-1) - 1),
                within(1e-15));
        assertThat(Activation.SIGMOID.apply(-800)).isEqualTo(0); // no overflow trouble
    }

    /** Central differences, h = 1e-5: truncation h²·|f'''|/6 ≲ 10⁻¹⁰, rounding ε/h ≈ 10⁻¹¹; tolerance 10⁻⁸. */
    @Test
    void derivativesMatchFiniteDifferencesAwayFromKinks() {
        double h = 1e-5;
        for (Activation a : Activation.values()) {
            for (double y : new double[] {-3, -0.7, -0.1, 0.2, 1.3, 4}) {
                double fd = (a.apply(y + h) - a.apply(y - h)) / (2 * h);
                assertThat(a.derivative(y)).as("%s'(%s)", a, y).isCloseTo(fd, within(1e-8));
            }
        }
        assertThat(Activation.RELU.derivative(0)).isEqualTo(0); // PyTorch's convention at the kink
        assertThat(Activation.LEAKY_RELU.derivative(0)).isEqualTo(Activation.LEAKY_SLOPE);
    }

    @Test
    void saturationThresholdsAgreeWithTheDefinitionOnTheOutputs() {
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID}) {
            double t = a.saturationThreshold();
            assertThat(a.isSaturated(t * (1 + 1e-9))).isTrue();
            assertThat(a.isSaturated(-t * (1 + 1e-9))).isTrue();
            assertThat(a.isSaturated(t * (1 - 1e-9))).isFalse();
        }
        assertThat(Activation.TANH.saturationThreshold()).isCloseTo(2.6466524123622457, within(1e-15));
        assertThat(Activation.SIGMOID.saturationThreshold()).isCloseTo(Math.log(99), within(1e-15));
        assertThat(Activation.RELU.isSaturated(1e9)).isFalse();
        assertThat(Activation.RELU.saturationThreshold()).isInfinite();
    }
}
