package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Properties of greedy layer-wise pretraining ({@link Pretraining}) over generated networks (input 20, 1 to 4 hidden
 * layers of 4 to 24 units), activations and seeds, on the teacher task's inputs: (1) every hidden layer's
 * reconstruction error after its autoencoder was trained is below the error of its starting weights; (2) no two
 * hidden units of a layer have identical incoming weights. Both are exact comparisons of numbers computed with a
 * fixed seed: no false alarm is possible, the run is deterministic.
 *
 * <p>Negative controls: with 0 pretraining steps property (1) fails (after = before); started from zero weights
 * (every unit alike, and tied-weight gradient descent keeps them alike) property (2) fails.
 */
class PretrainingProperties {
    private static final long SEED = 0x9e7aL;
    private static final TrainingTask TASK = TrainingTask.of(TrainingTask.Kind.TEACHER, 256, SeededRandom.of(3));

    @Test
    void pretrainingLowersEveryLayersReconstructionErrorAndBreaksSymmetry() {
        qt().withFixedSeed(SEED).withExamples(12)
                .forAll(Networks.widths(4, 24, 1, 4), arbitrary().pick(Activation.TANH, Activation.RELU,
                        Activation.SIGMOID), longs().all())
                .checkAssert((hidden, act, seed) -> {
                    int[] widths = network(hidden);
                    Pretraining.Result r = Pretraining.pretrain(widths, act, TASK.inputs(),
                            Pretraining.Config.defaults(TrainingStudy.learningRate(act)), SeededRandom.of(seed));
                    String where = Arrays.toString(widths) + " " + act + " seed " + seed;
                    assertThat(lowersEveryLayer(r)).as("reconstruction error before %s after %s, %s",
                            Arrays.toString(r.errorBefore()), Arrays.toString(r.errorAfter()), where).isTrue();
                    assertThat(distinctRows(r.network())).as("identical hidden units, %s", where).isTrue();
                });
    }

    @Test
    void zeroStepsDoNotLowerTheError() {
        int[] widths = {20, 16, 16, 1};
        Pretraining.Result r = Pretraining.pretrain(widths, Activation.TANH, TASK.inputs(),
                Pretraining.Config.defaults(0.01).withSteps(0), SeededRandom.of(5));
        assertThat(r.errorAfter()).containsExactly(r.errorBefore());
        assertThat(lowersEveryLayer(r)).isFalse();
    }

    @Test
    void aZeroStartStaysSymmetric() {
        int[] widths = {20, 16, 16, 1};
        Pretraining.Config zeros = new Pretraining.Config(200, 0.01, 0.9, 32,
                ReferenceInitializer.of("zeros", Layout.PYTORCH));
        Pretraining.Result r = Pretraining.pretrain(widths, Activation.TANH, TASK.inputs(), zeros, SeededRandom.of(5));
        assertThat(distinctRows(r.network())).isFalse();
    }

    static boolean lowersEveryLayer(Pretraining.Result r) {
        for (int h = 0; h < r.errorBefore().length; h++) {
            if (!(r.errorAfter()[h] < r.errorBefore()[h])) {
                return false;
            }
        }
        return true;
    }

    static boolean distinctRows(Mlp net) {
        int[] w = net.widths();
        for (int l = 1; l < net.depth(); l++) {
            if (!SymmetryBreaking.identicalRowGroups(net.weights(l), w[l], w[l - 1]).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Input 20 (the teacher task's), the generated hidden widths, one output. */
    static int[] network(int[] generated) {
        int[] hidden = Arrays.copyOfRange(generated, 1, generated.length);
        int[] w = new int[hidden.length + 2];
        w[0] = 20;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = 1;
        return w;
    }
}
