package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * After {@link Lsuv}, every layer's pre-activation variance on the calibration batch is within the tolerance of 1,
 * over generated networks (input 20, 1 to 6 hidden layers of 4 to 64 units, one output), activations and seeds.
 * The variances are recomputed here by plain loops over {@link Mlp#weights}, independently of the code under test.
 * Exact comparisons of deterministic numbers: no false alarm.
 *
 * <p>Negative control: LSUV without its rescaling step is its orthogonal start, which fails the property
 * (with ReLU, a layer of 50 fed 20 orthonormal columns has Var(Y_1) ≈ 20/50 already).
 */
class LsuvProperties {
    private static final long SEED = 0x15b7L;
    private static final double[][] BATCH = Arrays.copyOf(
            TrainingTask.of(TrainingTask.Kind.TEACHER, 256, SeededRandom.of(4)).inputs(), 128);

    @Test
    void everyLayersOutputVarianceIsWithinTheTolerance() {
        qt().withFixedSeed(SEED).withExamples(40)
                .forAll(Networks.widths(4, 64, 1, 6), arbitrary().pick(Activation.TANH, Activation.RELU,
                        Activation.SIGMOID, Activation.SELU), longs().all())
                .checkAssert((hidden, act, seed) -> {
                    int[] widths = PretrainingProperties.network(hidden);
                    Lsuv.Result r = Lsuv.initialize(widths, act, BATCH, SeededRandom.of(seed));
                    double[] v = variances(r.network(), BATCH);
                    assertThat(withinTolerance(v, Lsuv.DEFAULT_TOLERANCE)).as("variances %s, %s %s seed %d",
                            Arrays.toString(v), Arrays.toString(widths), act, seed).isTrue();
                    // the same figure summed in another order: rounding ~ n·u ≈ 1e-12 relative for n ≤ 128·64
                    for (int l = 0; l < v.length; l++) {
                        assertThat(v[l]).isCloseTo(r.variances()[l], org.assertj.core.api.Assertions.withinPercentage(1e-7));
                    }
                });
    }

    @Test
    void withoutTheRescaleTheOrthogonalStartFails() {
        int[] widths = {20, 50, 50, 50, 1};
        Mlp start = Mlp.initialize(widths, Activation.RELU, ReferenceInitializer.of("orthogonal", Layout.PYTORCH), 0,
                SeededRandom.of(9));
        double[] v = variances(start, BATCH);
        assertThat(withinTolerance(v, Lsuv.DEFAULT_TOLERANCE)).as(Arrays.toString(v)).isFalse();
        Lsuv.Result r = Lsuv.initialize(widths, Activation.RELU, BATCH, SeededRandom.of(9));
        assertThat(withinTolerance(variances(r.network(), BATCH), Lsuv.DEFAULT_TOLERANCE)).isTrue();
    }

    @Test
    void aBatchThatGivesNoVarianceIsAClearError() {
        double[][] zeros = new double[16][20];
        assertThatThrownBy(() -> Lsuv.initialize(new int[] {20, 8, 1}, Activation.TANH, zeros, SeededRandom.of(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("LSUV cannot rescale layer 1: its output variance on the batch is 0.0");
        assertThatThrownBy(() -> Lsuv.initialize(new int[] {20, 8, 1}, Activation.TANH, new double[1][20],
                SeededRandom.of(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }

    static boolean withinTolerance(double[] variances, double tolerance) {
        return Arrays.stream(variances).allMatch(v -> Math.abs(v - 1) < tolerance);
    }

    /** Var of all B·n_l pre-activations of each layer, by plain loops. */
    static double[] variances(Mlp net, double[][] batch) {
        int[] w = net.widths();
        double[][] x = batch;
        double[] out = new double[net.depth()];
        for (int l = 1; l <= net.depth(); l++) {
            double[] wl = net.weights(l);
            double[] bl = net.biases(l);
            double[][] y = new double[x.length][w[l]];
            double sum = 0;
            for (int b = 0; b < x.length; b++) {
                for (int j = 0; j < w[l]; j++) {
                    double s = bl[j];
                    for (int i = 0; i < w[l - 1]; i++) {
                        s += wl[j * w[l - 1] + i] * x[b][i];
                    }
                    y[b][j] = s;
                    sum += s;
                }
            }
            double n = (double) x.length * w[l];
            double mean = sum / n;
            double sq = 0;
            for (double[] row : y) {
                for (double e : row) {
                    sq += (e - mean) * (e - mean);
                }
            }
            out[l - 1] = sq / n;
            for (double[] row : y) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = net.activation().apply(row[j]);
                }
            }
            x = y;
        }
        return out;
    }
}
