package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class ActivationMomentsTest {
    /**
     * Agreement with the 40-digit mpmath references, relative to max(1, |value|): the panel rule and 128-point
     * Gauss–Hermite (q ≤ 1) are accurate to ~10⁻¹³ on these integrands; 10⁻¹¹ leaves room for rounding in sums.
     */
    private static final double REFERENCE_TOLERANCE = 1e-11;

    record Ref(Activation activation, double q, double mean, double secondMoment, double slope) {
    }

    static List<Ref> references() throws Exception {
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ActivationMomentsTest.class.getResourceAsStream("/reference/gaussian_moments.csv")),
                StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.startsWith("#") && !l.startsWith("activation")).map(l -> l.split(","))
                    .map(f -> new Ref(Activation.parse(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]))).toList();
        }
    }

    @Test
    void matchesHighPrecisionReferences() throws Exception {
        List<Ref> refs = references();
        assertThat(refs).hasSize(15);
        for (Ref r : refs) {
            ActivationMoments m = ActivationMoments.of(r.activation(), r.q());
            String what = r.activation() + " at q=" + r.q();
            assertThat(m.mean()).as("mean, " + what).isCloseTo(r.mean(), within(tol(r.mean())));
            assertThat(m.secondMoment()).as("E f², " + what).isCloseTo(r.secondMoment(), within(tol(r.secondMoment())));
            assertThat(m.slopeSecondMoment()).as("E f'², " + what).isCloseTo(r.slope(), within(tol(r.slope())));
        }
    }

    /** Klambauer et al. (2017): SELU maps N(0, 1) to mean 0, variance 1. */
    @Test
    void seluHasItsSelfNormalisingFixedPoint() {
        ActivationMoments m = ActivationMoments.of(Activation.SELU, 1);
        assertThat(m.mean()).isCloseTo(0, within(1e-13));
        assertThat(m.secondMoment()).isCloseTo(1, within(1e-13));
    }

    /** SELU closed forms via E[e^{a z}·1{z<0}] = e^{a²/2}·Φ(−a), independent of the quadrature. */
    @Test
    void seluMatchesClosedForms() {
        NormalDistribution n = NormalDistribution.of(0, 1);
        double a = Activation.SELU_ALPHA;
        double l = Activation.SELU_LAMBDA;
        for (double q : new double[] {0.001, 0.3, 2, 9, 50}) {
            double s = Math.sqrt(q);
            double e1 = Math.exp(q / 2) * n.cumulativeProbability(-s);
            double e2 = Math.exp(2 * q) * n.cumulativeProbability(-2 * s);
            ActivationMoments m = ActivationMoments.of(Activation.SELU, q);
            assertThat(m.mean()).isCloseTo(l * (s / Math.sqrt(2 * Math.PI) + a * (e1 - 0.5)), within(tol(m.mean())));
            assertThat(m.secondMoment()).isCloseTo(l * l * (q / 2 + a * a * (e2 - 2 * e1 + 0.5)), within(tol(m.secondMoment())));
            assertThat(m.slopeSecondMoment()).isCloseTo(l * l * (0.5 + a * a * e2), within(tol(m.slopeSecondMoment())));
        }
    }

    @Test
    void piecewiseLinearClosedFormsAgreeWithThePanelRule() {
        for (Activation act : new Activation[] {Activation.LINEAR, Activation.RELU, Activation.LEAKY_RELU}) {
            for (double q : new double[] {1e-6, 0.5, 3, 400}) {
                double[] acc = new double[3];
                PanelRule.forEachNode(q, (z, w) -> {
                    double u = Math.sqrt(q) * z;
                    acc[0] += w * act.apply(u);
                    acc[1] += w * act.apply(u) * act.apply(u);
                    acc[2] += w * act.derivative(u) * act.derivative(u);
                });
                ActivationMoments m = ActivationMoments.of(act, q);
                assertThat(acc[0]).as("%s mean at %s", act, q).isCloseTo(m.mean(), within(tol(m.mean()) * Math.max(1, Math.sqrt(q))));
                assertThat(acc[1] / m.secondMoment()).as("%s E f² at %s", act, q).isCloseTo(1, within(REFERENCE_TOLERANCE));
                assertThat(acc[2]).as("%s E f'² at %s", act, q).isCloseTo(m.slopeSecondMoment(), within(REFERENCE_TOLERANCE));
            }
        }
    }

    /** Where {@link ActivationMoments} uses Gauss–Hermite (q ≤ 1/4), both rules must agree. */
    @Test
    void gaussHermiteAndPanelRuleAgreeWhereGaussHermiteIsUsed() {
        for (Activation act : new Activation[] {Activation.TANH, Activation.SIGMOID}) {
            for (double q : new double[] {1e-4, 0.05, 0.2, 0.25}) {
                assertThat(ActivationMoments.usesGaussHermite(act, q)).isTrue();
                double[] acc = new double[2];
                PanelRule.forEachNode(q, (z, w) -> {
                    double f = act.apply(Math.sqrt(q) * z);
                    acc[0] += w * f * f;
                    acc[1] += w * Math.pow(act.derivative(Math.sqrt(q) * z), 2);
                });
                ActivationMoments m = ActivationMoments.of(act, q);
                assertThat(m.secondMoment() / acc[0]).as("%s at %s", act, q).isCloseTo(1, within(1e-12));
                assertThat(m.slopeSecondMoment() / acc[1]).as("%s at %s", act, q).isCloseTo(1, within(1e-12));
            }
        }
    }

    /**
     * χ = d ln g/d ln q and c = 4q²g''/g (Stein identities) against central differences of g: with a relative
     * step 10⁻³ the truncation error is ~10⁻⁶·|g'''/g| and rounding ~10⁻¹³/10⁻⁶; tolerance 10⁻⁵.
     */
    @Test
    void logSlopeAndCurvatureMatchFiniteDifferences() {
        for (Activation act : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.SELU}) {
            for (double q : new double[] {0.3, 2.5, 12}) {
                double d = 1e-3 * q;
                double g = g(act, q);
                double gp = g(act, q + d);
                double gm = g(act, q - d);
                ActivationMoments m = ActivationMoments.of(act, q);
                assertThat(m.logSlope()).as("χ %s %s", act, q).isCloseTo(q * (gp - gm) / (2 * d) / g, within(1e-5));
                assertThat(m.curvature()).as("c %s %s", act, q)
                        .isCloseTo(4 * q * q * (gp - 2 * g + gm) / (d * d) / g, within(1e-5 * Math.max(1, Math.abs(m.curvature()))));
            }
        }
        assertThat(ActivationMoments.of(Activation.RELU, 3).logSlope()).isEqualTo(1);
        assertThat(ActivationMoments.of(Activation.RELU, 3).curvature()).isEqualTo(0);
    }

    @Test
    void zeroVarianceIsAPointMassAndBadVariancesAreRefused() {
        ActivationMoments s = ActivationMoments.of(Activation.SIGMOID, 0);
        assertThat(s.mean()).isEqualTo(0.5);
        assertThat(s.secondMoment()).isEqualTo(0.25);
        assertThat(s.std()).isEqualTo(0);
        assertThat(ActivationMoments.of(Activation.TANH, 0).secondMoment()).isEqualTo(0);
        assertThatThrownBy(() -> ActivationMoments.of(Activation.TANH, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActivationMoments.of(Activation.TANH, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double g(Activation a, double q) {
        return ActivationMoments.of(a, q).secondMoment();
    }

    private static double tol(double value) {
        return REFERENCE_TOLERANCE * Math.max(1, Math.abs(value));
    }
}
