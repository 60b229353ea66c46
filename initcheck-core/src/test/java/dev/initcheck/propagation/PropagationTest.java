package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import org.junit.jupiter.api.Test;

/**
 * Forward and backward measurements against the mean-field theory, fixed seeds. The bands are
 * {@link MeanFieldBand}'s: at layer 1 the log-ratio's sd is √(Var(q̂_1 | X) + Var(mean x²)) with the exact
 * conditional variance [2ρ + (κ_w − 3)/n_0]/n_1, ρ ≈ 1/n_0 + 1/batch, plus 2/(n_0·batch): O(1/√(n·batch)) from the
 * inputs and O(1/n) from the weights; deeper layers accumulate per-layer terms of the same kind. z = 6.
 */
class PropagationTest {
    private static final int WIDTH = 256;
    private static final int BATCH = 500;
    private static final int[] WIDTHS = {WIDTH, WIDTH, WIDTH, WIDTH, WIDTH, WIDTH};
    private static final SeededRandom SEED = SeededRandom.of(20240501L);

    @Test
    void heWithReluAgreesWithTheoryForwardAndBackward() {
        assertAgrees("he_normal", Activation.RELU);
        assertAgrees("he_uniform", Activation.RELU);
    }

    @Test
    void glorotWithTanhAgreesWithTheoryForwardAndBackward() {
        assertAgrees("glorot_uniform", Activation.TANH);
        assertAgrees("glorot_normal", Activation.TANH);
    }

    private static void assertAgrees(String scheme, Activation act) {
        Scheme s = Scheme.parse(scheme);
        MeanField.Prediction p = MeanField.predict(s, Layout.PYTORCH, WIDTHS, act);
        ForwardMeasurement fwd = Propagation.forward(s, WIDTHS, act, BATCH, SEED);
        MeanFieldBand band = MeanFieldBand.forward(p, fwd);
        assertThat(band.passed()).as("%s + %s forward: %s", scheme, act, band.describe()).isTrue();
        // Not vacuous: layer 1's band is 6·√(2(1/n + 1/B)/n + 2/(n·B)) ≈ 0.046 wide (κ_w ≤ 3 only narrows it).
        assertThat(band.checks().get(0).halfWidth()).as("band at layer 1").isLessThan(0.06);
        MeanFieldBand back = MeanFieldBand.backward(p, Propagation.backward(s, Layout.PYTORCH, WIDTHS, act, BATCH, SEED));
        assertThat(back.passed()).as("%s + %s backward: %s", scheme, act, back.describe()).isTrue();
    }

    @Test
    void layerOneFluctuationEstimateMatchesItsExactExpectation() {
        Scheme s = Scheme.parse("he_normal");
        ForwardMeasurement m = Propagation.forward(s, WIDTHS, Activation.RELU, BATCH, SEED);
        double kappa = s.resolve(MeanField.weightShape(Layout.PYTORCH, WIDTH, WIDTH), Layout.PYTORCH).distribution().kurtosis();
        double rho = (WIDTH + BATCH + 1.0) / ((double) WIDTH * BATCH); // E tr(C²)/(tr C)² for Wishart C = XᵀX/B
        double expected = (2 * rho + (kappa - 3) / WIDTH) / WIDTH;
        // The estimate is a sample variance over 256 units: relative sd ≈ √(2/255) ≈ 9%; 30% is > 3 sd.
        assertThat(m.layer(1).fluctuation().qRelativeVariance() / expected).isCloseTo(1, within(0.3));
        assertThat(m.inputNoise() * WIDTH * BATCH).isCloseTo(2, within(0.1)); // Var(x²) = 2, sd of estimate ~0.6%
    }

    /**
     * Negative controls: weights 10% or 50% more variable than declared are caught forward (at layer 1 already,
     * whose band is ±0.046 against ln 1.1 = 0.095); backward the band starts from the upstream gradient and is
     * wider (±0.27 at the last layer here, the fraction of active units being a shared fluctuation), so only the
     * 50% mutant is asserted there.
     */
    @Test
    void bandRejectsAMutantWhoseVarianceIsNotTheDeclaredOne() {
        for (Activation act : new Activation[] {Activation.RELU, Activation.TANH}) {
            String declared = act == Activation.RELU ? "he_normal" : "glorot_uniform";
            MeanField.Prediction p = MeanField.predict(Scheme.parse(declared), Layout.PYTORCH, WIDTHS, act);
            for (double factor : new double[] {1.1, 1.5}) {
                Initializer mutant = scaled(Propagation.initializer(Scheme.parse(declared), Layout.PYTORCH), Math.sqrt(factor));
                MeanFieldBand fwd = MeanFieldBand.forward(p, Propagation.forward(mutant, WIDTHS, act, BATCH, SEED));
                assertThat(fwd.passed()).as("%s x%s forward: %s", declared, factor, fwd.describe()).isFalse();
                if (factor == 1.5) {
                    MeanFieldBand back = MeanFieldBand.backward(p, Propagation.backward(mutant, WIDTHS, act, BATCH, SEED));
                    assertThat(back.passed()).as("%s x%s backward: %s", declared, factor, back.describe()).isFalse();
                }
            }
        }
    }

    @Test
    void kerasLayoutMeasuresTheSameLaw() {
        Scheme s = Scheme.parse("glorot_uniform");
        int[] widths = {200, 100, 300, 100};
        MeanField.Prediction p = MeanField.predict(s, Layout.KERAS, widths, Activation.TANH);
        ForwardMeasurement m = Propagation.forward(s, Layout.KERAS, widths, Activation.TANH, BATCH, SEED);
        assertThat(MeanFieldBand.forward(p, m).passed()).isTrue();
    }

    @Test
    void sameSeedSameFiguresDifferentSeedDifferentFigures() {
        Scheme s = Scheme.parse("lecun_normal");
        int[] widths = {40, 30, 20};
        ForwardMeasurement a = Propagation.forward(s, widths, Activation.SELU, 64, SeededRandom.of(7));
        ForwardMeasurement b = Propagation.forward(s, widths, Activation.SELU, 64, SeededRandom.of(7));
        ForwardMeasurement c = Propagation.forward(s, widths, Activation.SELU, 64, SeededRandom.of(8));
        assertThat(a.layers()).isEqualTo(b.layers());
        assertThat(a.layers()).isNotEqualTo(c.layers());
        assertThat(a.random()).isEqualTo(SeededRandom.of(7));
    }

    @Test
    void measuresWhatItDocuments() {
        ForwardMeasurement m = Propagation.forward(Scheme.parse("large_random"), new int[] {100, 50}, Activation.TANH,
                1000, SeededRandom.of(3));
        ForwardMeasurement.LayerStats l = m.layer(1);
        assertThat(l.width()).isEqualTo(50);
        assertThat(l.q()).isCloseTo(100, within(100 * 6 * 0.03)); // q_1 = n_0·1·1; rows: rel. sd ≈ √(2/50)/√… ≤ 3%
        assertThat(l.secondMoment()).isCloseTo(l.std() * l.std() + l.mean() * l.mean(), within(1e-12));
        assertThat(l.saturated()).isBetween(0.7, 0.9); // theory 2Φ(−2.6467/10) = 0.791
        ForwardMeasurement relu = Propagation.forward(Scheme.parse("large_random"), new int[] {100, 50}, Activation.RELU,
                100, SeededRandom.of(3));
        assertThat(relu.layer(1).saturated()).isEqualTo(0);
    }

    @Test
    void rejectsBadInput() {
        Scheme s = Scheme.parse("he_normal");
        assertThatThrownBy(() -> Propagation.forward(s, new int[] {10}, Activation.RELU, 10, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one layer");
        assertThatThrownBy(() -> Propagation.forward(s, new int[] {10, 0}, Activation.RELU, 10, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 1, got 0");
        assertThatThrownBy(() -> Propagation.forward(s, new int[] {10, 5}, Activation.RELU, 0, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch");
        Initializer short1 = (shape, rng) -> new double[3];
        assertThatThrownBy(() -> Propagation.forward(short1, new int[] {10, 5}, Activation.RELU, 4, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 50");
        Initializer nan = (shape, rng) -> new double[] {Double.NaN, 0, 0, 0};
        assertThatThrownBy(() -> Propagation.forward(nan, new int[] {2, 2}, Activation.RELU, 4, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
    }

    static Initializer scaled(Initializer base, double factor) {
        return (shape, rng) -> {
            double[] w = base.initialize(shape, rng);
            for (int i = 0; i < w.length; i++) {
                w[i] *= factor;
            }
            return w;
        };
    }
}
