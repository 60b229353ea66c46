package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PowerTest {
    private static final double ALPHA = 1e-6;
    private static final double BETA = 1e-3;

    @Test
    void ksDistanceMatchesClosedForms() {
        // uniform scaled up by s: sup at the old bound, (1 - 1/s)/2; down: (1 - s)/2
        assertThat(Power.ksDistance(Uniform.symmetric(0.3), 1.1)).isCloseTo((1 - 1 / 1.1) / 2, within(1e-15));
        assertThat(Power.ksDistance(Uniform.of(1, 2), 0.9)).isCloseTo(0.05, within(1e-15));
        // normal: sup at x² = 2 s² ln s / (s² - 1) (set the derivative to zero)
        double s = 1.05;
        double x = Math.sqrt(2 * s * s * Math.log(s) / (s * s - 1));
        NormalDistribution z = NormalDistribution.of(0, 1);
        double expected = z.cumulativeProbability(x) - z.cumulativeProbability(x / s);
        assertThat(Power.ksDistance(Normal.of(3, 2), s)).isCloseTo(expected, within(1e-14));
    }

    /** ANCHORS §3 table (KS columns, rounded to the digits given there). */
    @ParameterizedTest
    @CsvSource({"10000, 10.0, 19.7, 20.8", "100000, 2.96, 5.84, 6.13", "1000000, 0.92, 1.81, 1.90",
            "10000000, 0.29, 0.57, 0.60"})
    void ksFiguresReproduceTheAnchorTable(long n, double u, double tn, double normal) {
        assertThat(100 * Power.detectableScaleError(CheckKind.KS, Family.UNIFORM, n, ALPHA, BETA))
                .isCloseTo(u, within(halfLastDigit(u)));
        assertThat(100 * Power.detectableScaleError(CheckKind.KS, Family.TRUNCATED_NORMAL, n, ALPHA, BETA))
                .isCloseTo(tn, within(halfLastDigit(tn)));
        assertThat(100 * Power.detectableScaleError(CheckKind.KS, Family.NORMAL, n, ALPHA, BETA))
                .isCloseTo(normal, within(halfLastDigit(normal)));
    }

    private static double halfLastDigit(double v) {
        return v >= 10 ? 0.05 : v >= 1 ? 0.005 : 0.005 + 1e-12;
    }

    @Test
    void secondMomentFiguresAreNearTheAnchorsNormalApproximation() {
        // The table used a normal approximation; the exact chi-square figure differs in the third digit.
        assertThat(Power.detectableScaleError(CheckKind.SECOND_MOMENT, Family.NORMAL, 1_000_000, ALPHA, BETA))
                .isCloseTo(0.00565, within(0.00005));
        // Bernstein is rigorous and therefore larger than the normal approximation for bounded laws.
        assertThat(Power.detectableScaleError(CheckKind.SECOND_MOMENT, Family.UNIFORM, 1_000_000, ALPHA, BETA))
                .isBetween(0.00357, 0.00357 * 1.2);
        assertThat(Power.detectableScaleError(CheckKind.SECOND_MOMENT, Family.TRUNCATED_NORMAL, 1_000_000, ALPHA,
                BETA)).isBetween(0.00467, 0.00467 * 1.2);
    }

    @Test
    void scaleFreeFiguresAgreeForAnyMemberOfAFamily() {
        assertThat(Power.detectableScaleError(CheckKind.KS, TruncatedNormal.keras(0, 0.0625), 50_000, ALPHA, BETA))
                .isEqualTo(Power.detectableScaleError(CheckKind.KS, Family.TRUNCATED_NORMAL, 50_000, ALPHA, BETA));
    }

    @ParameterizedTest
    @CsvSource({"KS, UNIFORM, 0.01", "KS, NORMAL, 0.01", "KS, TRUNCATED_NORMAL, 0.05",
            "SECOND_MOMENT, UNIFORM, 0.01", "SECOND_MOMENT, NORMAL, 0.01", "SECOND_MOMENT, NORMAL, 0.002",
            "SECOND_MOMENT, TRUNCATED_NORMAL, 0.003"})
    void requiredSamplesInvertsDetectableScaleError(CheckKind kind, Family family, double target) {
        long n = Power.requiredSamples(kind, family, target, ALPHA, BETA);
        // bisection tolerance of the detectable figure: 1e-9 relative
        assertThat(Power.detectableScaleError(kind, family, n, ALPHA, BETA)).isLessThanOrEqualTo(target * (1 + 1e-9));
        assertThat(Power.detectableScaleError(kind, family, n - 1, ALPHA, BETA)).isGreaterThan(target * (1 - 1e-9));
    }

    @Test
    void detectableShrinksLikeOneOverRootN() {
        double a = Power.detectableScaleError(CheckKind.SECOND_MOMENT, Family.NORMAL, 100_000, ALPHA, BETA);
        double b = Power.detectableScaleError(CheckKind.SECOND_MOMENT, Family.NORMAL, 10_000_000, ALPHA, BETA);
        assertThat(a / b).isCloseTo(10, within(0.2));
        assertThat(Power.detectable(CheckKind.SECOND_MOMENT, Normal.of(0, 1), 1000, ALPHA, BETA).down())
                .isGreaterThan(0).isLessThan(1);
    }
}
