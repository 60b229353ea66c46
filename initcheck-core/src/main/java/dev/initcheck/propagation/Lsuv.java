package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Layer-sequential unit-variance initialization (Mishkin and Matas, "All you need is a good init", ICLR 2016,
 * Algorithm 1): orthogonal weights (gain 1, {@code orthogonal}), zero biases, then for each layer l = 1..L in turn,
 * while |Var(Y_l) − 1| ≥ tolerance and fewer than {@code maxIterations} rescalings were made: forward the
 * calibration batch, W_l ← W_l / sqrt(Var(Y_l)). Var(Y_l) is the variance of all B·n_l pre-activations of layer l
 * (the layer's output before its activation, the paper's "output blob") about their mean. Every layer, the
 * linear output layer included, is rescaled; rescaling a layer changes only the layers above it, so once the loop
 * is done every layer's variance on the batch is within the tolerance.
 *
 * <p>What a user must give: a <b>calibration batch of inputs</b> (no targets). Defaults (the paper's): tolerance
 * 0.1, at most 10 rescalings per layer. A layer whose variance is 0 or not finite (e.g. every ReLU unit below it
 * dead) cannot be rescaled; a layer still outside the tolerance after the cap fails: both throw
 * {@link IllegalStateException} naming the layer and its variance.
 */
final class Lsuv {
    /** The paper's tolerance on |Var − 1|. */
    public static final double DEFAULT_TOLERANCE = 0.1;
    /** The paper's cap on rescalings per layer. */
    public static final int DEFAULT_MAX_ITERATIONS = 10;

    private Lsuv() {
    }

    /**
     * The initialized network, each layer's variance on the batch when the loop ended, and how many rescalings
     * each layer took.
     */
    record Result(Mlp network, double[] variances, int[] iterations, double tolerance) {
    }

    /** {@link #initialize(int[], Activation, double[][], double, int, SeededRandom)} with the paper's defaults. */
    public static Result initialize(int[] widths, Activation activation, double[][] batch, SeededRandom random) {
        return initialize(widths, activation, batch, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, random);
    }

    /**
     * LSUV on {@code batch} ([B][widths[0]], B ≥ 2); the orthogonal weights are those of {@link Mlp#initialize}
     * with {@code random}.
     */
    public static Result initialize(int[] widths, Activation activation, double[][] batch, double tolerance,
                                    int maxIterations, SeededRandom random) {
        if (!(tolerance > 0 && tolerance < 1) || maxIterations < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "LSUV needs a tolerance in (0, 1) and at least 1 iteration, got %s and %d", tolerance,
                    maxIterations));
        }
        if (batch.length < 2 || batch[0].length != widths[0]) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "LSUV needs a calibration batch of at "
                    + "least 2 inputs of width %d, got %d", widths[0], batch.length));
        }
        Mlp start = Mlp.initialize(widths, activation, ReferenceInitializer.of("orthogonal", Layout.PYTORCH), 0,
                random);
        int depth = start.depth();
        double[][] w = new double[depth][];
        double[][] b = new double[depth][];
        double[] variances = new double[depth];
        int[] iterations = new int[depth];
        DMatrixRMaj x = new DMatrixRMaj(batch);
        for (int l = 0; l < depth; l++) {
            w[l] = start.weights(l + 1);
            b[l] = start.biases(l + 1);
            DMatrixRMaj wl = DMatrixRMaj.wrap(widths[l + 1], widths[l], w[l]);
            DMatrixRMaj y = layer(x, wl, b[l]);
            double var = variance(y.data);
            while (!(Math.abs(var - 1) < tolerance)) {
                if (!(var > 0) || Double.isInfinite(var)) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "LSUV cannot rescale layer %d: its output variance on the batch is %s", l + 1, var));
                }
                if (iterations[l] == maxIterations) {
                    throw new IllegalStateException(String.format(Locale.ROOT, "LSUV did not bring layer %d's "
                            + "output variance within 1 ± %s in %d iterations (variance %s)", l + 1, tolerance,
                            maxIterations, var));
                }
                CommonOps_DDRM.divide(wl, Math.sqrt(var));
                iterations[l]++;
                y = layer(x, wl, b[l]);
                var = variance(y.data);
            }
            variances[l] = var;
            x = y;
            if (l < depth - 1) {
                for (int k = 0; k < x.data.length; k++) {
                    x.data[k] = activation.apply(x.data[k]);
                }
            }
        }
        return new Result(Pretraining.assemble(widths, activation, w, b), variances, iterations, tolerance);
    }

    /** Each layer's pre-activation variance (about the mean of all its B·n_l values) on {@code batch}. */
    public static double[] layerVariances(Mlp net, double[][] batch) {
        DenseNet d = new DenseNet(net);
        DMatrixRMaj[] pre = d.forward(new DMatrixRMaj(batch));
        double[] v = new double[pre.length];
        for (int l = 0; l < pre.length; l++) {
            v[l] = variance(pre[l].data);
        }
        return v;
    }

    private static DMatrixRMaj layer(DMatrixRMaj x, DMatrixRMaj w, double[] b) {
        DMatrixRMaj y = new DMatrixRMaj(x.numRows, w.numRows);
        CommonOps_DDRM.multTransB(x, w, y);
        DenseNet.addBias(y, b);
        return y;
    }

    static double variance(double[] v) {
        double mean = 0;
        for (double e : v) {
            mean += e;
        }
        mean /= v.length;
        double s = 0;
        for (double e : v) {
            s += (e - mean) * (e - mean);
        }
        return s / v.length;
    }
}
