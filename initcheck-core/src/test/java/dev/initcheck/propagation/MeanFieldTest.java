package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import org.junit.jupiter.api.Test;

class MeanFieldTest {
    /**
     * The catalogue derives a law's variance from its bound or parent sd (a square root, a square, for truncated
     * laws the 0.8796 constant): a handful of roundings, each ≤ 1/2 ulp; 8 ulps bounds them.
     */
    private static final double CATALOGUE_ROUNDING = 8 * Math.ulp(1.0);

    @Test
    void heReluRatioIsOneInTheory() {
        for (int n : new int[] {1, 2, 64, 128, 256, 1024}) { // 2/n exact, n·(2/n) exact, /2 exact
            assertThat(MeanField.heReluRatio(n, 2.0 / n)).as("n = %d", n).isEqualTo(1.0);
        }
        for (int n : new int[] {50, 64, 100, 300, 777}) {
            for (String s : new String[] {"he_normal", "he_uniform", "torch.kaiming_normal(nonlinearity=relu)",
                    "torch.kaiming_uniform(a=0)"}) {
                double v = Scheme.parse(s).resolve(MeanField.weightShape(Layout.PYTORCH, n, 64), Layout.PYTORCH)
                        .distribution().variance();
                assertThat(MeanField.heReluRatio(n, v)).as("%s, n = %d", s, n).isCloseTo(1.0, within(CATALOGUE_ROUNDING));
            }
        }
        assertThat(MeanField.heReluRatio(100, 1.0 / 100)).isEqualTo(0.5); // LeCun with ReLU halves the variance
    }

    @Test
    void heReluPredictionKeepsQConstantThroughDepthForwardAndBackward() {
        int[] widths = {128, 256, 64, 512, 128, 128};
        MeanField.Prediction p = MeanField.predict(Scheme.parse("he_uniform"), Layout.PYTORCH, widths, Activation.RELU);
        assertThat(p.layer(1).q()).isCloseTo(2.0, within(2 * CATALOGUE_ROUNDING));
        for (MeanField.LayerPrediction l : p.layers()) {
            assertThat(l.q()).as("layer %d", l.layer()).isCloseTo(2.0, within(2 * l.layer() * CATALOGUE_ROUNDING));
            assertThat(l.std()).isCloseTo(Math.sqrt(1 - 1 / Math.PI), within(1e-15)); // Var relu(√2 z) = 1 − 1/π
        }
        // Backward: Var[dx_{l−1}] = n_l·(2/n_{l−1})·½·Var[dx_l] = (n_l/n_{l−1})·Var[dx_l].
        assertThat(p.layer(5).inputGradient()).isCloseTo(128.0 / 128, within(1e-15));
        assertThat(p.layer(1).inputGradient()).isCloseTo(128.0 / 128, within(1e-14)); // telescopes to n_L/n_0
        assertThat(p.layer(4).inputGradient()).isCloseTo(128.0 / 512, within(1e-15));
        assertThat(p.layer(5).preActivationGradient()).isEqualTo(0.5);
    }

    @Test
    void firstLayerIsExactAndLaterLayersFollowTheRecursion() {
        int[] widths = {100, 50, 50};
        double[] v = {0.02, 0.03};
        MeanField.Prediction p = MeanField.predict(Activation.TANH, widths, v, 1.7);
        assertThat(p.layer(1).q()).isCloseTo(100 * 0.02 * 1.7, within(1e-15));
        double g = ActivationMoments.of(Activation.TANH, p.layer(1).q()).secondMoment();
        assertThat(p.layer(2).q()).isCloseTo(50 * 0.03 * g, within(1e-15));
        assertThat(p.layer(2).std()).isEqualTo(ActivationMoments.of(Activation.TANH, p.layer(2).q()).std());
        // backward: Var dy_2 = E f'²(q_2), Var dx_1 = 50·0.03·Var dy_2, Var dy_1 = Var dx_1·E f'²(q_1)
        double s2 = ActivationMoments.of(Activation.TANH, p.layer(2).q()).slopeSecondMoment();
        double s1 = ActivationMoments.of(Activation.TANH, p.layer(1).q()).slopeSecondMoment();
        assertThat(p.layer(2).preActivationGradient()).isEqualTo(s2);
        assertThat(p.layer(1).preActivationGradient()).isCloseTo(50 * 0.03 * s2 * s1, within(1e-15));
    }

    @Test
    void predictedSaturationIsTheGaussianTailBeyondTheThreshold() {
        double t = Activation.TANH.saturationThreshold();
        assertThat(MeanField.saturatedFraction(Activation.TANH, t * t)).isCloseTo(0.31731050786291415, within(1e-15)); // 2Φ(−1)
        assertThat(MeanField.saturatedFraction(Activation.RELU, 100)).isEqualTo(0);
        assertThat(MeanField.saturatedFraction(Activation.TANH, 0)).isEqualTo(0);
    }

    @Test
    void kerasAndPytorchLayoutsGiveTheSameVariancesForDenseLayers() {
        int[] widths = {30, 70, 20};
        for (String s : new String[] {"glorot_uniform", "he_normal", "lecun_uniform"}) {
            assertThat(MeanField.weightVariances(Scheme.parse(s), Layout.KERAS, widths))
                    .containsExactly(MeanField.weightVariances(Scheme.parse(s), Layout.PYTORCH, widths));
        }
    }

    @Test
    void refusesNonZeroMeanWeightsAndMalformedInput() {
        Scheme constant = Scheme.parse("constant(value=0.1)");
        int[] widths = {10, 10};
        assertThat(MeanField.applies(constant, Layout.PYTORCH, widths)).isFalse();
        assertThat(MeanField.applies(Scheme.parse("zeros"), Layout.PYTORCH, widths)).isTrue();
        assertThatThrownBy(() -> MeanField.predict(constant, Layout.PYTORCH, widths, Activation.TANH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero-mean");
        assertThatThrownBy(() -> MeanField.predict(Activation.TANH, widths, new double[] {1, 2}, 1))
                .hasMessageContaining("one weight variance per layer");
        assertThatThrownBy(() -> MeanField.predict(Activation.TANH, new int[] {10}, new double[0], 1))
                .hasMessageContaining("at least one layer");
        assertThatThrownBy(() -> MeanField.predict(Activation.TANH, widths, new double[] {Double.NaN}, 1))
                .hasMessageContaining("finite");
    }
}
