package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import org.junit.jupiter.api.Test;

/**
 * Invariant 5: the measured pre-activation variance q̂_l of a finite network stays within {@link MeanFieldBand} of
 * the mean-field prediction q_l, for generated widths 64–160 (varying per layer), depths 1–20, every activation and
 * the Glorot, He and LeCun families (Keras and PyTorch spellings, uniform, truncated and untruncated normal).
 *
 * <p>The band (z = 6) is derived in {@link MeanFieldBand}: per-layer fluctuations estimated from the spread over
 * units, carried through depth by d ln g/d ln q, plus the leading finite-width bias. False alarms ≤ 1.4·10⁻⁶ per
 * comparison, ≤ 50 × 20 = 1000 comparisons: ≤ 1.4·10⁻³ per run of a fresh seed.
 * Negative control: the same networks with weights whose variance is 1.5× the declared one are rejected on every
 * generated network (at layer 1, band ≤ 0.18 against ln 1.5 = 0.41).
 */
class MeanFieldProperties {
    private static final long SEED = 0x3fL;
    private static final int EXAMPLES = 50;
    private static final String[] FAMILIES = {"glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
            "lecun_uniform", "lecun_normal", "torch.xavier_normal", "torch.kaiming_uniform(a=0)",
            "torch.kaiming_normal(nonlinearity=relu)"};

    @Test
    void measuredVarianceStaysWithinTheBandOfTheMeanFieldPrediction() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(Networks.widths(64, 160, 1, 20), arbitrary().enumValues(Activation.class),
                        arbitrary().pick(FAMILIES), longs().all())
                .checkAssert((widths, act, scheme, seed) -> {
                    MeanFieldBand band = verdict(scheme, 1, widths, act, seed);
                    assertThat(band.passed()).as("%s + %s seed %d: %s", scheme, act, seed, band.describe()).isTrue();
                });
    }

    @Test
    void negativeControlMisdeclaredVarianceIsRejected() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES / 2)
                .forAll(Networks.widths(64, 160, 1, 20), arbitrary().enumValues(Activation.class),
                        arbitrary().pick(FAMILIES), longs().all())
                .checkAssert((widths, act, scheme, seed) -> {
                    MeanFieldBand band = verdict(scheme, 1.5, widths, act, seed);
                    assertThat(band.passed()).as("%s x1.5 + %s seed %d: %s", scheme, act, seed, band.describe()).isFalse();
                });
    }

    private static MeanFieldBand verdict(String scheme, double varianceFactor, int[] widths, Activation act, long seed) {
        Scheme s = Scheme.parse(scheme);
        MeanField.Prediction p = MeanField.predict(s, Layout.PYTORCH, widths, act);
        Initializer init = Networks.scaled(Propagation.initializer(s, Layout.PYTORCH), Math.sqrt(varianceFactor));
        return MeanFieldBand.forward(p, Propagation.forward(init, widths, act, Networks.BATCH, SeededRandom.of(seed)));
    }
}
