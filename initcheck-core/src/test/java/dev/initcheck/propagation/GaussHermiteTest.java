package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussHermiteTest {
    /** Summing 128 positive terms rounds each once: relative error ≤ 128·2⁻⁵³ ≈ 1.4·10⁻¹⁴. */
    private static final double SUM_ROUNDING = 128 * Math.ulp(1.0);
    /** E[tanh(z)²] from scripts/reference/gaussian_moments.py (mpmath, 40 digits). */
    private static final double E_TANH_SQUARED = 0.39429449039784117442;

    private final GaussHermite rule = GaussHermite.standard();

    @Test
    void hasAtLeast64PointsSymmetricNodesAndWeightsSummingToOne() {
        assertThat(rule.points()).isEqualTo(128);
        double[] x = rule.nodes();
        double[] w = rule.weights();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            assertThat(x[x.length - 1 - i]).isEqualTo(-x[i]);
            assertThat(w[x.length - 1 - i]).isEqualTo(w[i]);
            sum += w[i];
        }
        assertThat(sum).isCloseTo(1, within(SUM_ROUNDING));
    }

    @Test
    void isExactForEvenMomentsUpToDegree2nMinus1() {
        double doubleFactorial = 1; // E[z^{2k}] = (2k−1)!!
        for (int k = 1; k <= 10; k++) {
            doubleFactorial *= 2 * k - 1;
            int power = 2 * k;
            double got = rule.expect(z -> Math.pow(z, power));
            assertThat(got / doubleFactorial).as("E[z^%d]", power).isCloseTo(1, within(10 * SUM_ROUNDING));
        }
        assertThat(rule.expect(z -> z * z)).isCloseTo(1, within(SUM_ROUNDING));
        assertThat(rule.expect(z -> z * z * z)).isCloseTo(0, within(1e-15)); // odd: cancels pairwise
    }

    @Test
    void reluSquaredIsExactlyHalfBySymmetry() {
        assertThat(rule.expect(z -> z > 0 ? z * z : 0)).isCloseTo(0.5, within(SUM_ROUNDING));
    }

    @Test
    void tanhSquaredMatchesHighPrecisionReference() {
        // Geometric convergence, rate set by tanh's poles at ±iπ/2: ~10⁻¹³ at 128 points, ~3·10⁻⁹ at 64.
        assertThat(rule.expect(z -> Math.tanh(z) * Math.tanh(z))).isCloseTo(E_TANH_SQUARED, within(5e-13));
        assertThat(GaussHermite.of(64).expect(z -> Math.tanh(z) * Math.tanh(z))).isCloseTo(E_TANH_SQUARED, within(1e-8));
    }

    @Test
    void smallRulesAreExactForLowDegrees() {
        assertThat(GaussHermite.of(1).expect(z -> 1)).isCloseTo(1, within(1e-15));
        assertThat(GaussHermite.of(2).expect(z -> z * z)).isCloseTo(1, within(1e-15));
        assertThat(GaussHermite.of(3).expect(z -> z * z * z * z)).isCloseTo(3, within(1e-14));
        assertThatThrownBy(() -> GaussHermite.of(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    }

    /** The two traps that make {@link ActivationMoments} switch to the panel rule: a kink and a steep integrand. */
    @Test
    void plainGaussHermiteIsInaccurateAtAKinkAndForLargeScales() {
        double reluMean = 1 / Math.sqrt(2 * Math.PI);
        assertThat(Math.abs(rule.expect(z -> Math.max(z, 0)) - reluMean)).isGreaterThan(1e-4);
        double tanh2At100 = 0.92053686343051667121; // E[tanh(10 z)²], reference CSV
        assertThat(Math.abs(rule.expect(z -> Math.pow(Math.tanh(10 * z), 2)) - tanh2At100)).isGreaterThan(1e-2);
        assertThat(ActivationMoments.of(Activation.TANH, 100).secondMoment()).isCloseTo(tanh2At100, within(1e-12));
        assertThat(ActivationMoments.of(Activation.RELU, 1).mean()).isEqualTo(reluMean);
    }
}
