package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** {@link DenseNet}'s gradient against {@link Mlp}'s and finite differences; {@link Trainer}'s bookkeeping. */
class TrainerTest {
    private static final TrainingTask TEACHER = TrainingTask.of(TrainingTask.Kind.TEACHER, 64, SeededRandom.of(1));
    private static final TrainingTask SPIRAL = TrainingTask.of(TrainingTask.Kind.SPIRAL, 60, SeededRandom.of(2));

    /**
     * Same parameters, same batch: the matrix gradient equals {@link Mlp#gradient} (plain loops, checked by finite
     * differences in {@code MlpGradientCheckTest}) to 1e-12 relative to the largest entry (two summation orders).
     */
    @Test
    void squaredErrorGradientEqualsTheLoopImplementation() {
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.SELU}) {
            Mlp net = Mlp.initialize(new int[] {20, 12, 9, 1}, a, ReferenceInitializer.of("glorot_uniform",
                    Layout.PYTORCH), 0.1, SeededRandom.of(3));
            DenseNet d = new DenseNet(net);
            double loss = d.lossAndGradient(new DMatrixRMaj(TEACHER.inputs()), new DMatrixRMaj(TEACHER.targets()),
                    TrainingTask.Loss.SQUARED_ERROR);
            assertThat(loss).as(a.id()).isCloseTo(net.loss(TEACHER.inputs(), TEACHER.targets()), within(1e-12));
            double[] expected = net.gradient(TEACHER.inputs(), TEACHER.targets());
            double[] actual = flatGradient(d, net);
            double scale = java.util.Arrays.stream(expected).map(Math::abs).max().orElseThrow();
            for (int k = 0; k < expected.length; k++) {
                assertThat(actual[k]).as("%s parameter %d", a.id(), k).isCloseTo(expected[k], within(1e-12 * scale));
            }
        }
    }

    /** Softmax cross-entropy: central differences, step 1e-6, agree to 1e-6 relative (O(h²) truncation). */
    @Test
    void crossEntropyGradientMatchesFiniteDifferences() {
        Mlp net = Mlp.initialize(new int[] {2, 6, 3}, Activation.TANH, ReferenceInitializer.of("he_normal",
                Layout.PYTORCH), 0, SeededRandom.of(4));
        DMatrixRMaj x = new DMatrixRMaj(SPIRAL.inputs());
        DMatrixRMaj t = new DMatrixRMaj(SPIRAL.targets());
        DenseNet d = new DenseNet(net);
        d.lossAndGradient(x, t, TrainingTask.Loss.SOFTMAX_CROSS_ENTROPY);
        double[] g = flatGradient(d, net);
        double[] p = net.parameters();
        double h = 1e-6;
        for (int k = 0; k < p.length; k++) {
            double[] up = p.clone();
            double[] down = p.clone();
            up[k] += h;
            down[k] -= h;
            double numeric = (new DenseNet(Mlp.of(net.widths(), net.activation(), up)).loss(x, t,
                    TrainingTask.Loss.SOFTMAX_CROSS_ENTROPY) - new DenseNet(Mlp.of(net.widths(), net.activation(),
                    down)).loss(x, t, TrainingTask.Loss.SOFTMAX_CROSS_ENTROPY)) / (2 * h);
            assertThat(g[k]).as("parameter %d", k).isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void sameSeedSameRunAndLoggedStepsIncludeTheLast() {
        Mlp net = Mlp.initialize(new int[] {20, 16, 1}, Activation.TANH, ReferenceInitializer.of("glorot_uniform",
                Layout.PYTORCH), 0, SeededRandom.of(5));
        Trainer.Config c = new Trainer.Config(25, 0.01, 0.9, 16, 10);
        assertThat(c.loggedSteps()).containsExactly(0, 10, 20, 25);
        Trainer.Run a = Trainer.train(net, TEACHER, c, SeededRandom.of(6));
        Trainer.Run b = Trainer.train(net, TEACHER, c, SeededRandom.of(6));
        Trainer.Run other = Trainer.train(net, TEACHER, c, SeededRandom.of(7));
        assertThat(a.loss()).containsExactly(b.loss());
        assertThat(a.loss()).isNotEqualTo(other.loss()); // other mini-batches
        assertThat(a.loss()[3]).isLessThan(a.loss()[0]);
        assertThat(a.gradientNorms()).hasSize(2);
        assertThat(java.util.Arrays.stream(a.gradientNorms()).allMatch(v -> v > 0)).isTrue();
    }

    /** N(0,1) weights with ReLU at depth 5 and width 50 blow the loss up (activations grow ~ √(n/2) per layer). */
    @Test
    void aDivergedRunIsMarkedAndNeverReachesTheTarget() {
        Mlp net = Mlp.initialize(new int[] {20, 50, 50, 50, 50, 50, 1}, Activation.RELU,
                ReferenceInitializer.of("large_random", Layout.PYTORCH), 0, SeededRandom.of(8));
        Trainer.Run r = Trainer.train(net, TEACHER, new Trainer.Config(40, 0.01, 0.9, 32, 10), SeededRandom.of(8));
        assertThat(r.diverged()).isTrue();
        assertThat(r.stepsToTarget()).isNull();
        assertThat(r.finalLoss()).isInfinite();
    }

    @Test
    void tasksAreStandardizedAndBalancedAndBadInputIsNamed() {
        double[] t = java.util.Arrays.stream(TEACHER.targets()).mapToDouble(r -> r[0]).toArray();
        assertThat(java.util.Arrays.stream(t).average().orElseThrow()).isCloseTo(0, within(1e-12));
        assertThat(Lsuv.variance(t)).isCloseTo(1, within(1e-12));
        int[] counts = new int[3];
        for (double[] row : SPIRAL.targets()) {
            for (int c = 0; c < 3; c++) {
                counts[c] += (int) row[c];
            }
        }
        assertThat(counts).containsExactly(20, 20, 20);
        assertThatThrownBy(() -> TrainingTask.Kind.parse("mnist")).hasMessage(
                "unknown task 'mnist' (valid: teacher, spiral)");
        assertThatThrownBy(() -> Trainer.train(Mlp.initialize(new int[] {3, 4, 1}, Activation.TANH,
                ReferenceInitializer.of("he_normal", Layout.PYTORCH), 0, SeededRandom.of(1)), TEACHER,
                new Trainer.Config(1, 0.1, 0, 8, 1), SeededRandom.of(1))).hasMessageContaining("do not fit the task");
    }

    /** Zeros stay exactly symmetric under the matrix trainer too (see {@link Mlp}); random weights do not. */
    @Test
    void symmetryIsDetectedAfterTraining() {
        TrainingStudy.Config c = TrainingStudy.Config.defaults().with(3, 8, 1, 30);
        for (Activation a : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.RELU}) {
            assertThat(SeedTraining.run(c, "zeros", a, 0).symmetric()).as(a.id()).isTrue();
            assertThat(SeedTraining.run(c, "constant(value=0.1)", a, 0).symmetric()).as(a.id()).isTrue();
            assertThat(SeedTraining.run(c, "he_normal", a, 0).symmetric()).as(a.id()).isFalse();
        }
    }

    private static double[] flatGradient(DenseNet d, Mlp net) {
        return d.gradientVector(net.parameterCount());
    }
}
