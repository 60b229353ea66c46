package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import org.junit.jupiter.api.Test;

/**
 * Invariant 3: 0.01·N(0,1) weights make tanh activations vanish geometrically, the variance ratio per layer being
 * q_l/q_{l−1} ≈ n_{l−1}·10⁻⁴ (tanh is linear near 0).
 *
 * <p>Exactly, given layer l's input, E[q̂_l] = n_{l−1}·10⁻⁴·m̂_{l−1} with m̂ = mean tanh(y)² (He et al. eq. 7), so
 * ln(q̂_l/q̂_{l−1}) − ln(n_{l−1}·10⁻⁴) = ε_l + ln(m̂_{l−1}/q̂_{l−1}): the weight fluctuation ε_l (sd √v̂_l, estimated
 * from the spread over units; z = 6) plus tanh's curvature, which is ≤ 0 and of order 2q̂ (tanh²y ≥ y² − (2/3)y⁴;
 * q̂ ≤ 160·10⁻⁴ = 0.016 here). The check: |deviation| ≤ 6·√v̂_l + |ln(m̂/q̂)|, with the curvature itself in
 * [0, 3·q̂] up to rounding.
 * Widths 64–160, depths 2–20 (q reaches 10⁻⁴⁶, far above underflow). False alarms as for {@link MeanFieldBand}
 * per comparison; ≤ 40 × 19 comparisons. Negative control: weights √2 times larger (variance ratio 2n·10⁻⁴) are
 * rejected on every network: ln 2 = 0.69 against a layer-2 band ≤ 6·√(2(1/64 + 1/128)/64) ≈ 0.17.
 */
class SmallRandomProperties {
    private static final long SEED = 0x5a11L;
    private static final int EXAMPLES = 40;
    private static final double VARIANCE = 1e-4;
    /**
     * Where q̂ ~ 10⁻¹⁸, tanh(y) is y to the last bit or two, so ln(m̂/q̂) is rounding: two means of ≤ 160·128 terms
     * each rounded, relative error ≤ 2·20480·2⁻⁵³ ≈ 5·10⁻¹²; 10⁻¹¹ bounds it.
     */
    private static final double ROUNDING = 1e-11;

    @Test
    void smallRandomVanishesWithRatioNTimes1e4() {
        Initializer small = Propagation.initializer(Scheme.parse("small_random"), Layout.PYTORCH);
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(Networks.widths(64, 160, 2, 20), longs().all())
                .checkAssert((widths, seed) -> {
                    ForwardMeasurement m = measure(small, widths, seed);
                    for (int l = 2; l <= m.depth(); l++) {
                        ForwardMeasurement.LayerStats prev = m.layer(l - 1);
                        double curvature = Math.log(prev.secondMoment() / prev.q());
                        assertThat(-curvature).as("tanh curvature at layer %d", l - 1)
                                .isBetween(-ROUNDING, 3 * prev.q() + ROUNDING);
                        assertThat(withinRatio(m, l)).as("layer %d of %s, seed %d", l, m.layers(), seed).isTrue();
                    }
                    assertThat(Regime.of(m)).isEqualTo(Regime.VANISHING);
                });
    }

    @Test
    void negativeControlTwiceTheVarianceIsRejectedOnEveryNetwork() {
        Initializer twice = Networks.scaled(Propagation.initializer(Scheme.parse("small_random"), Layout.PYTORCH), Math.sqrt(2));
        qt().withFixedSeed(SEED).withExamples(EXAMPLES / 2).forAll(Networks.widths(64, 160, 2, 20), longs().all())
                .checkAssert((widths, seed) -> {
                    ForwardMeasurement m = measure(twice, widths, seed);
                    boolean allWithin = true;
                    for (int l = 2; l <= m.depth(); l++) {
                        allWithin &= withinRatio(m, l);
                    }
                    assertThat(allWithin).as("seed %d", seed).isFalse();
                    assertThat(withinRatio(m, 2)).isFalse();
                });
    }

    /** Whether layer l's variance ratio is n_{l−1}·10⁻⁴ within its band. */
    static boolean withinRatio(ForwardMeasurement m, int l) {
        ForwardMeasurement.LayerStats prev = m.layer(l - 1);
        ForwardMeasurement.LayerStats cur = m.layer(l);
        int fanIn = m.widths()[l - 1];
        double deviation = Math.log(cur.q() / prev.q()) - Math.log(fanIn * VARIANCE);
        double band = 6 * Math.sqrt(cur.fluctuation().qRelativeVariance()) + Math.abs(Math.log(prev.secondMoment() / prev.q()));
        return Math.abs(deviation) <= band;
    }

    private static ForwardMeasurement measure(Initializer init, int[] widths, long seed) {
        return Propagation.forward(init, widths, Activation.TANH, Networks.BATCH, SeededRandom.of(seed));
    }
}
