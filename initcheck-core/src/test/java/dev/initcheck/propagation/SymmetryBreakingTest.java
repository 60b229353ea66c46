package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initcheck.distribution.PointMass;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Catalogue;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SymmetryBreakingTest {
    private static final RegressionTask TASK = RegressionTask.of(4, 2, 128, SeededRandom.of(11));
    private static final SymmetryBreaking.Training BASE = new SymmetryBreaking.Training(new int[] {4, 8, 6, 2},
            Activation.TANH, init("constant(value=0.1)"), 0.0, 60, 0.1, 32, 0.0, SeededRandom.of(12));

    @Test
    void constantWeightsGiveOneGroupOfIdenticalRows() {
        for (String s : new String[] {"zeros", "ones", "constant(value=0.1)", "torch.constant(val=-2)"}) {
            double[] w = ReferenceInitializer.of(s, Layout.PYTORCH).initialize(Shape.of(8, 5), SeededRandom.of(1).create());
            assertThat(SymmetryBreaking.identicalRowGroups(w, 8, 5)).as(s)
                    .containsExactly(IntStream.range(0, 8).boxed().toList());
        }
    }

    /** Continuous laws give distinct rows with probability 1 (a tie of two 32-entry rows of doubles: ~0). */
    @Test
    void everyRandomCatalogueSchemeGivesPairwiseDistinctRows() {
        int checked = 0;
        for (Scheme s : Catalogue.defaults()) {
            if (s.resolve(Shape.of(64, 32), Layout.PYTORCH).distribution() instanceof PointMass) {
                continue;
            }
            double[] w = ReferenceInitializer.of(s, Layout.PYTORCH).initialize(Shape.of(64, 32), SeededRandom.of(2).create());
            assertThat(SymmetryBreaking.identicalRowGroups(w, 64, 32)).as(s.toString()).isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
    }

    @Test
    void rowComparisonTreatsSignedZerosAsEqualAndNaNAsNeverEqual() {
        double[] w = {1, 0.0, 2, 3, 1, -0.0, Double.NaN, 1, Double.NaN, 1};
        assertThat(SymmetryBreaking.identicalRowGroups(w, 5, 2)).containsExactly(List.of(0, 2));
        assertThat(SymmetryBreaking.maxPairwiseDistance(new double[] {0, 0, 3, 4}, 2, 2)).isEqualTo(5);
        assertThatThrownBy(() -> SymmetryBreaking.identicalRowGroups(w, 3, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    /** See {@link SymmetryBreaking}: identical inputs, weights and operation order keep the units bit-identical. */
    @Test
    void constantInitStaysExactlySymmetricUnderTraining() {
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU}) {
            for (String s : new String[] {"constant(value=0.1)", "zeros"}) {
                SymmetryBreaking.SymmetryTrace t = SymmetryBreaking.train(BASE.withActivation(a).withInit(init(s)), TASK);
                assertThat(t.maxDistance()).hasNumberOfRows(61);
                for (double[] step : t.maxDistance()) {
                    assertThat(step).as("%s, %s", a, s).containsExactly(0.0, 0.0);
                }
                if (s.startsWith("constant")) { // it did train: the loss moved
                    assertThat(t.loss()[60]).as("%s loss", a).isLessThan(t.loss()[0]);
                }
            }
        }
    }

    @Test
    void randomInitIsAsymmetricAndDiverges() {
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU}) {
            SymmetryBreaking.SymmetryTrace t = SymmetryBreaking.train(BASE.withActivation(a).withInit(init("glorot_uniform")), TASK);
            for (int h = 0; h < 2; h++) {
                double[] series = t.layer(h);
                assertThat(java.util.Arrays.stream(series).min().orElseThrow()).as("%s layer %d", a, h).isPositive();
                assertThat(series[60]).as("%s layer %d changes", a, h).isNotEqualTo(series[0]);
            }
        }
    }

    /** Seed document 000's remark: dropout gives each unit its own mask, hence its own gradient, from step 1. */
    @Test
    void dropoutBreaksTheSymmetryOfAConstantInit() {
        SymmetryBreaking.SymmetryTrace t = SymmetryBreaking.train(BASE.withDropout(0.5), TASK);
        assertThat(t.maxDistance()[0]).containsExactly(0.0, 0.0);
        for (int step = 1; step <= 60; step++) {
            assertThat(t.maxDistance()[step][0]).as("step %d", step).isPositive();
            assertThat(t.maxDistance()[step][1]).as("step %d", step).isPositive();
        }
        assertThat(t.hiddenWidths()).containsExactly(8, 6);
    }

    @Test
    void trainingSpecIsValidated() {
        assertThatThrownBy(() -> new SymmetryBreaking.Training(new int[] {4, 2}, Activation.TANH, init("zeros"), 0, 1,
                0.1, 1, 0, SeededRandom.of(1))).hasMessageContaining("hidden layer");
        assertThatThrownBy(() -> BASE.withDropout(1)).hasMessageContaining("dropout");
    }

    static Initializer init(String scheme) {
        return ReferenceInitializer.of(scheme, Layout.PYTORCH);
    }
}
