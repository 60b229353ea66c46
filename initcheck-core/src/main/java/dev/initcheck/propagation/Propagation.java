package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Measures how activations and gradients propagate through a dense network whose weights an initializer drew.
 *
 * <p>Set-up (seed document 000, with a batch instead of one vector): the input X is a [batch, n_0] matrix of
 * independent N(0, 1) entries; layer l has weights W_l of shape [n_l, n_{l−1}] (PyTorch layout, C order), zero
 * biases, pre-activations Y_l = X_{l−1}·W_lᵀ ({@link CommonOps_DDRM#multTransB}) and activations X_l = f(Y_l).
 * A batch makes the per-layer figures averages over n_l·batch values; their remaining fluctuation is modelled
 * by {@link MeanFieldBand}.
 *
 * <p>Randomness: the input comes from {@code random.derive("propagation/input")}, layer l's weights from
 * {@code random.derive("propagation/weights/" + l)}, the upstream gradient from
 * {@code random.derive("propagation/upstream")}: two initializers measured with one {@link SeededRandom} see the
 * same inputs, and forward and backward measurements of one configuration see the same network.
 */
public final class Propagation {
    /** The batch the command line and the experiment table use: per-layer means over 50·1000 values. */
    public static final int DEFAULT_BATCH = 1000;

    private Propagation() {
    }

    /** Forward pass with weights from {@code init}, which receives PyTorch-layout shapes [n_l, n_{l−1}]. */
    public static ForwardMeasurement forward(Initializer init, int[] widths, Activation activation, int batch,
                                             SeededRandom random) {
        return run(init, widths, activation, batch, random, false).forward;
    }

    /** Forward pass with a catalogue scheme's reference sampler in PyTorch layout. */
    public static ForwardMeasurement forward(Scheme scheme, int[] widths, Activation activation, int batch,
                                             SeededRandom random) {
        return forward(initializer(scheme, Layout.PYTORCH), widths, activation, batch, random);
    }

    /** Forward pass with a catalogue scheme resolved in {@code layout} (fans follow the layout). */
    public static ForwardMeasurement forward(Scheme scheme, Layout layout, int[] widths, Activation activation,
                                             int batch, SeededRandom random) {
        return forward(initializer(scheme, layout), widths, activation, batch, random);
    }

    /** Backward pass (after the forward pass it needs) with weights from {@code init} (PyTorch layout). */
    public static BackwardMeasurement backward(Initializer init, int[] widths, Activation activation, int batch,
                                               SeededRandom random) {
        return run(init, widths, activation, batch, random, true).backward;
    }

    /** Backward pass with a catalogue scheme's reference sampler in PyTorch layout. */
    public static BackwardMeasurement backward(Scheme scheme, int[] widths, Activation activation, int batch,
                                               SeededRandom random) {
        return backward(initializer(scheme, Layout.PYTORCH), widths, activation, batch, random);
    }

    /** Backward pass with a catalogue scheme resolved in {@code layout}. */
    public static BackwardMeasurement backward(Scheme scheme, Layout layout, int[] widths, Activation activation,
                                               int batch, SeededRandom random) {
        return backward(initializer(scheme, layout), widths, activation, batch, random);
    }

    /**
     * An initializer that always returns PyTorch-layout [out, in] matrices: the scheme is resolved and sampled in
     * {@code layout} ({@code [in, out]} for Keras) and transposed when needed.
     */
    static Initializer initializer(Scheme scheme, Layout layout) {
        ReferenceInitializer ref = ReferenceInitializer.of(scheme, layout);
        if (layout == Layout.PYTORCH) {
            return ref;
        }
        return (shape, rng) -> {
            int out = Math.toIntExact(shape.dim(0));
            int in = Math.toIntExact(shape.dim(1));
            double[] keras = ref.initialize(Shape.of(in, out), rng);
            double[] torch = new double[keras.length];
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) {
                    torch[o * in + i] = keras[i * out + o];
                }
            }
            return torch;
        };
    }

    /** Widths {@code [n_0, …, n_L]}: at least an input and one layer, every width ≥ 1. */
    static void checkWidths(int[] widths) {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("widths need an input width and at least one layer width, got "
                    + Arrays.toString(widths));
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("every width must be >= 1, got " + w + " in " + Arrays.toString(widths));
            }
        }
    }

    private static void checkBatch(int batch, int[] widths) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        for (int w : widths) {
            if ((long) w * batch > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "batch %d x width %d does not fit one matrix", batch, w));
            }
        }
    }

    private static Result run(Initializer init, int[] widths, Activation activation, int batch, SeededRandom random,
                              boolean backward) {
        checkWidths(widths);
        checkBatch(batch, widths);
        int depth = widths.length - 1;
        DMatrixRMaj x = gaussian(batch, widths[0], random.derive("propagation/input").create());
        double[] inMoments = LayerMeasure.squareMoments(x.data);
        List<ForwardMeasurement.LayerStats> stats = new ArrayList<>();
        List<DMatrixRMaj> weights = new ArrayList<>();
        List<DMatrixRMaj> pre = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj w = sampleWeights(init, widths[l - 1], widths[l], random.derive("propagation/weights/" + l), l);
            DMatrixRMaj y = new DMatrixRMaj(batch, widths[l]);
            CommonOps_DDRM.multTransB(x, w, y);
            LayerMeasure m = LayerMeasure.of(l, x, w, y, activation);
            stats.add(m.stats());
            if (backward) {
                weights.add(w);
                pre.add(y);
            }
            x = m.activations();
        }
        ForwardMeasurement fwd = new ForwardMeasurement(activation, widths, batch, random, inMoments[0],
                inMoments[1] / (inMoments[2] * inMoments[0] * inMoments[0]), stats);
        BackwardMeasurement bwd = backward ? backwardPass(activation, widths, batch, random, weights, pre) : null;
        return new Result(fwd, bwd);
    }

    private static BackwardMeasurement backwardPass(Activation activation, int[] widths, int batch,
                                                    SeededRandom random, List<DMatrixRMaj> weights,
                                                    List<DMatrixRMaj> pre) {
        int depth = widths.length - 1;
        DMatrixRMaj dx = gaussian(batch, widths[depth], random.derive("propagation/upstream").create());
        double[] up = LayerMeasure.squareMoments(dx.data);
        BackwardMeasurement.GradientStats[] out = new BackwardMeasurement.GradientStats[depth];
        for (int l = depth; l >= 1; l--) {
            DMatrixRMaj y = pre.get(l - 1);
            DMatrixRMaj dy = new DMatrixRMaj(batch, widths[l]);
            for (int k = 0; k < dy.data.length; k++) {
                dy.data[k] = dx.data[k] * activation.derivative(y.data[k]);
            }
            DMatrixRMaj dxPrev = new DMatrixRMaj(batch, widths[l - 1]);
            CommonOps_DDRM.mult(dy, weights.get(l - 1), dxPrev);
            double[] dyCols = LayerMeasure.columnMeanSquares(dy);
            double[] dxCols = LayerMeasure.columnMeanSquares(dxPrev);
            out[l - 1] = new BackwardMeasurement.GradientStats(l, LayerMeasure.mean(dyCols), LayerMeasure.mean(dxCols),
                    LayerMeasure.relativeVarianceOfMean(dyCols), LayerMeasure.relativeVarianceOfMean(dxCols));
            dx = dxPrev;
        }
        return new BackwardMeasurement(activation, widths, batch, random, up[0], up[1] / (up[2] * up[0] * up[0]),
                List.of(out));
    }

    private static DMatrixRMaj gaussian(int rows, int cols, UniformRandomProvider rng) {
        ContinuousSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int k = 0; k < m.data.length; k++) {
            m.data[k] = z.sample();
        }
        return m;
    }

    private static DMatrixRMaj sampleWeights(Initializer init, int in, int out, SeededRandom stream, int layer) {
        double[] w = init.initialize(Shape.of(out, in), stream.create());
        if (w == null || w.length != out * in) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "initializer returned %s values for layer %d of shape [%d, %d]; expected %d",
                    w == null ? "no" : String.valueOf(w.length), layer, out, in, out * in));
        }
        for (double v : w) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("initializer returned a non-finite weight (" + v + ") in layer " + layer);
            }
        }
        return DMatrixRMaj.wrap(out, in, w);
    }

    private record Result(ForwardMeasurement forward, BackwardMeasurement backward) {
    }
}
