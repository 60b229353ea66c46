package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed document 000's table (widths 100, 50×5, tanh, batch 1000, seed 42), qualitatively and against theory. */
class PropagationTableTest {
    private static final int[] WIDTHS = {100, 50, 50, 50, 50, 50};
    private static PropagationTable table;

    @BeforeAll
    static void measure() {
        table = PropagationTable.seedExperiment();
    }

    @Test
    void hasOneRowPerSchemeAndLayer() {
        assertThat(table.rows()).hasSize(20);
        assertThat(table.rows("small_random")).extracting(PropagationRow::layer).containsExactly(1, 2, 3, 4, 5);
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.activation()).isEqualTo("tanh"));
    }

    /**
     * 0.01·N(0,1) weights: tanh is linear near 0, so std_l/std_{l−1} ≈ √(n·10⁻⁴) = √(50·10⁻⁴) ≈ 0.0707 for l ≥ 2
     * ("shrinks by about 10×" in the document; 14× here). The deviation of ln(ratio) is half that of ln(q̂_l/q̂_{l−1}):
     * the weight fluctuation ε_l (sd √v̂_l, estimated from the layer's units) plus tanh's curvature ln(E f²/q) and
     * the activations' mean, both measured; band 6 sd + those terms.
     */
    @Test
    void smallRandomShrinksByTheFactorSqrtNTimes1e4PerLayer() {
        List<PropagationRow> rows = table.rows("small_random");
        ForwardMeasurement m = forward("small_random");
        double expected = Math.sqrt(50 * 1e-4);
        for (int l = 2; l <= 5; l++) {
            double ratio = rows.get(l - 1).std() / rows.get(l - 2).std();
            ForwardMeasurement.LayerStats cur = m.layer(l);
            ForwardMeasurement.LayerStats prev = m.layer(l - 1);
            double allowance = 0.5 * (6 * Math.sqrt(cur.fluctuation().qRelativeVariance())
                    + Math.abs(Math.log(cur.secondMoment() / cur.q()))
                    + Math.abs(Math.log(cur.std() * cur.std() / cur.secondMoment()))
                    + Math.abs(Math.log(prev.std() * prev.std() / prev.secondMoment())));
            assertThat(Math.log(ratio / expected)).as("layer %d ratio %s, allowance %s", l, ratio, allowance)
                    .isCloseTo(0, within(allowance));
            assertThat(ratio).as("about 10x per layer").isBetween(1 / 20.0, 1 / 10.0);
        }
        assertThat(table.regime("small_random")).isEqualTo(Regime.VANISHING);
    }

    /** N(0,1) weights: q_1 = 100, theory 2Φ(−2.6467/10) = 0.79 then ≈ 0.69; unit-level sd of the fraction ≤ 0.01. */
    @Test
    void largeRandomSaturatesFromLayerOne() {
        for (PropagationRow r : table.rows("large_random")) {
            assertThat(r.saturated()).as("layer %d", r.layer()).isGreaterThan(0.5);
            assertThat(r.std()).isGreaterThan(0.9); // activations pinned near ±1
        }
        assertThat(table.regime("large_random")).isEqualTo(Regime.SATURATING);
    }

    /** Glorot: std ratio 0.76–0.88 per layer in theory (≥ 1/2 with > 20 sd margin) and saturation ≤ 2.2%. */
    @Test
    void glorotNeitherVanishesNorSaturates() {
        List<PropagationRow> rows = table.rows("glorot_uniform");
        for (int l = 2; l <= 5; l++) {
            assertThat(rows.get(l - 1).std() / rows.get(l - 2).std()).as("layer %d", l).isGreaterThan(0.5);
        }
        assertThat(rows).allSatisfy(r -> assertThat(r.saturated()).isLessThan(0.05));
        assertThat(rows.get(4).std()).isGreaterThan(0.2);
        assertThat(table.regime("glorot_uniform")).isEqualTo(Regime.STABLE);
        assertThat(table.regime("he_normal")).isEqualTo(Regime.STABLE);
    }

    /** The theory column: every scheme of the table is within its mean-field band, saturated or vanishing alike. */
    @Test
    void everySchemeAgreesWithItsMeanFieldPrediction() {
        for (String s : PropagationTable.SEED_SCHEMES) {
            MeanField.Prediction p = MeanField.predict(Scheme.parse(s), Layout.PYTORCH, WIDTHS, Activation.TANH);
            MeanFieldBand band = MeanFieldBand.forward(p, forward(s));
            assertThat(band.passed()).as("%s: %s", s, band.describe()).isTrue();
            List<PropagationRow> rows = table.rows(s);
            for (PropagationRow r : rows) {
                assertThat(r.predictedStd()).isEqualTo(p.layer(r.layer()).std());
            }
        }
    }

    @Test
    void nonZeroMeanSchemesHaveNoPrediction() {
        PropagationTable t = PropagationTable.of(List.of(Scheme.parse("constant(value=0.1)")), Layout.PYTORCH,
                new int[] {10, 5, 5}, Activation.TANH, 20, SeededRandom.of(1));
        assertThat(t.rows()).allSatisfy(r -> assertThat(r.predictedStd()).isNull());
    }

    private static ForwardMeasurement forward(String scheme) {
        return Propagation.forward(Scheme.parse(scheme), WIDTHS, Activation.TANH, Propagation.DEFAULT_BATCH,
                SeededRandom.of(PropagationTable.DEFAULT_SEED));
    }
}
