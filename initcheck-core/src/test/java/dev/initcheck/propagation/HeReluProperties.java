package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import org.junit.jupiter.api.Test;

/**
 * Invariant 1: He initialization with ReLU keeps the pre-activation variance constant, q_l = 2·E[x²] = 2 for every
 * layer (He et al. 2015, eq. 7: the ratio n·Var[w]/2 is 1), for any widths ≥ 64 and depths ≤ 20.
 *
 * <p>Band: {@link MeanFieldBand} at z = 6 around the constant (bias 0: ReLU's g is linear, so the mean-field map
 * is exact in expectation). Its sd grows like √(Σ 1/n_l) (Hanin and Rolnick 2018), about 1 in ln q at width 64,
 * depth 20: the band is honest about how far a single finite network wanders, not tuned.
 * False alarms: ≤ 1.4·10⁻⁶ per comparison (see {@link MeanFieldBand}), ≤ 40 examples × 20 layers = 800
 * comparisons, so ≤ 1.1·10⁻³ per run of a fresh seed; this fixed seed passes deterministically.
 * Power (negative controls): LeCun's Var = 1/n (ratio 1/2) and He × 1.5 are rejected on every generated network,
 * at layer 1 already, whose band is ≤ 6·√(2(1/64 + 1/128)/64 + 2/(64·128)) ≈ 0.18 against ln 2 and ln 1.5.
 */
class HeReluProperties {
    private static final long SEED = 0x4e5eL;
    private static final int EXAMPLES = 40;
    private static final String[] HE = {"he_normal", "he_uniform", "torch.kaiming_normal(nonlinearity=relu)",
            "torch.kaiming_uniform(a=0)"};

    @Test
    void heWithReluKeepsTheVarianceConstant() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES)
                .forAll(Networks.widths(64, 160, 1, 20), arbitrary().pick(HE), longs().all())
                .checkAssert((widths, scheme, seed) -> {
                    MeanField.Prediction p = MeanField.predict(Scheme.parse(scheme), Layout.PYTORCH, widths, Activation.RELU);
                    for (MeanField.LayerPrediction l : p.layers()) { // theory: constant up to catalogue rounding
                        assertThat(l.q()).isCloseTo(2.0, within(1e-13));
                    }
                    MeanFieldBand band = verdict(p, Propagation.initializer(Scheme.parse(scheme), Layout.PYTORCH), widths, seed);
                    assertThat(band.passed()).as("%s seed %d: %s", scheme, seed, band.describe()).isTrue();
                });
    }

    @Test
    void negativeControlsAreRejectedOnEveryNetwork() {
        qt().withFixedSeed(SEED).withExamples(EXAMPLES / 2)
                .forAll(Networks.widths(64, 160, 1, 20), arbitrary().pick("lecun_normal", "he_normal*1.5"), longs().all())
                .checkAssert((widths, mutant, seed) -> {
                    MeanField.Prediction he = MeanField.predict(Scheme.parse("he_normal"), Layout.PYTORCH, widths,
                            Activation.RELU);
                    Initializer init = mutant.equals("lecun_normal")
                            ? Propagation.initializer(Scheme.parse("lecun_normal"), Layout.PYTORCH)
                            : Networks.scaled(Propagation.initializer(Scheme.parse("he_normal"), Layout.PYTORCH), Math.sqrt(1.5));
                    MeanFieldBand band = verdict(he, init, widths, seed);
                    assertThat(band.passed()).as("%s seed %d: %s", mutant, seed, band.describe()).isFalse();
                    assertThat(band.checks().get(0).within()).as("caught at layer 1").isFalse();
                });
    }

    private static MeanFieldBand verdict(MeanField.Prediction p, Initializer init, int[] widths, long seed) {
        ForwardMeasurement m = Propagation.forward(init, widths, Activation.RELU, Networks.BATCH, SeededRandom.of(seed));
        return MeanFieldBand.forward(p, m);
    }
}
