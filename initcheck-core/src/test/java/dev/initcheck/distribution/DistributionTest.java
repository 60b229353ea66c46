package dev.initcheck.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Moments against the constants of ANCHORS §3 (computed there with scipy/mpmath). */
class DistributionTest {
    /** Relative tolerance for closed-form moments: a few ulps of accumulated rounding in the recursion. */
    private static final double MOMENT_TOL = 1e-13;

    @Test
    void uniformMoments() {
        Uniform u = Uniform.symmetric(0.5);
        assertThat(u.variance()).isCloseTo(0.25 / 3, within(MOMENT_TOL));
        assertThat(u.kurtosis()).isCloseTo(1.8, within(MOMENT_TOL));
        assertThat(u.cdf(0.25)).isEqualTo(0.75);
        assertThat(u.inverseCdf(0.75)).isEqualTo(0.25);
    }

    @Test
    void standardNormalTruncatedAtTwo() {
        TruncatedNormal t = TruncatedNormal.keras(0, 1);
        assertThat(t.variance()).isCloseTo(0.7737413035499232, within(MOMENT_TOL));
        assertThat(t.standardDeviation()).isCloseTo(TruncatedNormal.KERAS_CORRECTION, within(MOMENT_TOL));
        assertThat(t.fourthCentralMoment()).isCloseTo(1.4161891248494627, within(MOMENT_TOL));
        assertThat(t.kurtosis()).isCloseTo(2.36553671712964951, within(1e-12));
        assertThat(t.mean()).isCloseTo(0, within(1e-16));
        assertThat(t.cdf(2)).isEqualTo(1.0);
    }

    @Test
    void asymmetricTruncationMovesTheMean() {
        // N(0.1, 0.5) on [-0.3, 0.8]: standardised a = -0.8, b = 1.4; mean = mu + sd (phi(a) - phi(b)) / Z.
        TruncatedNormal t = TruncatedNormal.of(0.1, 0.5, -0.3, 0.8);
        double phiA = Math.exp(-0.32) / Math.sqrt(2 * Math.PI);
        double phiB = Math.exp(-0.98) / Math.sqrt(2 * Math.PI);
        double z = 0.9192433407662289 - 0.2118553985833967; // Phi(1.4) - Phi(-0.8), scipy.stats.norm.cdf
        assertThat(t.mean()).isCloseTo(0.1 + 0.5 * (phiA - phiB) / z, within(1e-12));
    }

    @Test
    void normalAndScaling() {
        Normal n = Normal.of(0, 2);
        assertThat(n.kurtosis()).isEqualTo(3.0);
        assertThat(n.scaled(1.5).variance()).isCloseTo(9.0, within(1e-12));
        assertThat(TruncatedNormal.keras(0, 1).scaled(2).upperBound()).isEqualTo(4.0);
    }

    @Test
    void orthogonalEntryIsAScaledSphereCoordinate() {
        OrthogonalEntry e = OrthogonalEntry.of(2, 10);
        assertThat(e.variance()).isCloseTo(0.4, within(1e-15));
        assertThat(e.fourthCentralMoment()).isCloseTo(3 * 16.0 / 120, within(1e-15));
        assertThat(e.cdf(0)).isCloseTo(0.5, within(1e-15));
        // the density integrates to the CDF (trapezoid, 20000 panels; error O(h^2) ~ 1e-8)
        int k = 20000;
        double h = 1.0 / k;
        double integral = 0;
        for (int i = 0; i < k; i++) {
            integral += 0.5 * h * (e.density(i * h) + e.density((i + 1) * h));
        }
        assertThat(e.cdf(1) - e.cdf(0)).isCloseTo(integral, within(1e-7));
        assertThat(e.inverseCdf(e.cdf(0.3))).isCloseTo(0.3, within(1e-10));
    }

    @Test
    void invalidParametersAreRejected() {
        assertThatThrownBy(() -> Normal.of(0, -1)).hasMessageContaining("stddev must be a finite number > 0");
        assertThatThrownBy(() -> Normal.of(0, Double.NaN)).hasMessageContaining("stddev");
        assertThatThrownBy(() -> Uniform.of(1, 1)).hasMessageContaining("smaller than");
        assertThatThrownBy(() -> TruncatedNormal.of(0, 1, 2, -2)).hasMessageContaining("smaller than");
    }

    /**
     * Cut-offs where the parent holds no representable probability are refused when the law is made, not when a
     * CDF or a moment is asked for (which gave NaN, a mean outside the cut-offs, or a Commons exception).
     */
    @Test
    void cutOffsWithoutRepresentableMassAreRejected() {
        assertThatThrownBy(() -> TruncatedNormal.of(0, 1, 40, 41)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("N(0.0, 1.0) cut at [40.0, 41.0]: the cut-offs hold probability 0.0 of the parent "
                        + "normal, too little to define the truncated law in double precision (at least "
                        + Double.MIN_NORMAL + " is needed)");
        assertThatThrownBy(() -> TruncatedNormal.of(0, 1, -41, -40)).hasMessageContaining("too little");
        assertThatThrownBy(() -> TruncatedNormal.of(3, 2, 3 + 2 * 38.4, 3 + 2 * 38.5)) // mass 7e-323: subnormal
                .hasMessageContaining("too little");
        assertThatThrownBy(() -> TruncatedNormal.of(0, 1, 1, Math.nextUp(Math.nextUp(1.0))))
                .hasMessageContaining("moments cannot be computed");
        // far in a tail but representable: accepted, with moments inside the cut-offs
        TruncatedNormal far = TruncatedNormal.of(0, 1, 8, 9);
        assertThat(far.mean()).isBetween(8.0, 9.0);
        assertThat(far.cdf(8.5)).isBetween(0.0, 1.0);
        assertThat(TruncatedNormal.of(0, 1, 30, Double.POSITIVE_INFINITY).variance()).isPositive();
    }
}
