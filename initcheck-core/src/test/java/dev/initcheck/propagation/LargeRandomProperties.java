package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import org.junit.jupiter.api.Test;

/**
 * Invariant 4: N(0,1) weights saturate tanh: in every layer, from the first, more than half of the (unit, input)
 * pairs have |tanh(y)| &gt; 0.99.
 *
 * <p>Theory: q_1 = n_0 ≥ 64, so P(|y| &gt; atanh 0.99) = 2Φ(−2.6467/√q) ≥ 0.74; deeper q_l = n·E[tanh²] ≥ 64·0.9,
 * ≥ 0.72; the test asserts ≥ 0.7 on the prediction. Measured: the fraction is a mean over n ≥ 64 independent
 * rows of per-unit fractions 2Φ(−t/√s_i) with s_i within ±20% of q (chi-square spread of row norms), plus batch
 * noise ≤ 1/(2√(n·B)) = 0.006; its sd is ≈ 0.01, so the margin 0.7 − 0.5 = 0.2 is ~20 sd: no false alarm to
 * speak of. Widths 64–256, depths 1–20. Negative control: Glorot and He weights (saturating ≤ 6%) fail it on
 * every generated network.
 */
class LargeRandomProperties {
    private static final long SEED = 0x1a26eL;
    private static final int EXAMPLES = 30;

    @Test
    void largeRandomSaturatesTanhFromLayerOne() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(Networks.widths(64, 256, 1, 20), longs().all())
                .checkAssert((widths, seed) -> {
                    MeanField.Prediction p = MeanField.predict(Scheme.parse("large_random"), Layout.PYTORCH, widths,
                            Activation.TANH);
                    p.layers().forEach(l -> assertThat(l.saturated()).isGreaterThanOrEqualTo(0.7));
                    ForwardMeasurement m = measure("large_random", widths, seed);
                    assertThat(saturatedInEveryLayer(m)).as("seed %d: %s", seed, m.layers()).isTrue();
                    assertThat(Regime.of(m)).isEqualTo(Regime.SATURATING);
                });
    }

    @Test
    void negativeControlGlorotAndHeDoNotSaturate() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES / 2)
                .forAll(Networks.widths(64, 256, 1, 20), arbitrary().pick("glorot_uniform", "he_normal"), longs().all())
                .checkAssert((widths, scheme, seed) ->
                        assertThat(saturatedInEveryLayer(measure(scheme, widths, seed))).as("%s seed %d", scheme, seed).isFalse());
    }

    static boolean saturatedInEveryLayer(ForwardMeasurement m) {
        return m.layers().stream().allMatch(l -> l.saturated() > Regime.SATURATED_MAJORITY);
    }

    private static ForwardMeasurement measure(String scheme, int[] widths, long seed) {
        return Propagation.forward(Scheme.parse(scheme), widths, Activation.TANH, Networks.BATCH, SeededRandom.of(seed));
    }
}
