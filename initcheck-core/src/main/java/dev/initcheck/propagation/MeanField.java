package dev.initcheck.propagation;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The mean-field theory of signal propagation through a deep dense network with i.i.d. zero-mean weights and
 * zero biases (Poole et al., "Exponential expressivity in deep neural networks through transient chaos", 2016;
 * Schoenholz et al., "Deep Information Propagation", ICLR 2017), which for ReLU is He et al. (ICCV 2015, eq. 7):
 * <pre>
 *   q_1 = n_0·Var[w_1]·E[x²]                                   (exact: the input is not an activation)
 *   q_l = σ_w²·E_{z~N(0,1)}[f(√q_{l−1}·z)²] + σ_b²,  σ_w² = n_{l−1}·Var[w_l],  σ_b² = 0
 * </pre>
 * q_l is the pre-activation variance of layer l. For ReLU E[f²] = q/2, so the per-layer ratio is n·Var[w]/2,
 * exactly 1 for He's Var[w] = 2/n_in. Backward (Glorot and Bengio, AISTATS 2010; He et al. 2015), with a unit
 * upstream gradient at the last layer and the gradient-independence assumption (Schoenholz et al. 2017):
 * <pre>
 *   Var[dy_l] = Var[dx_l]·E[f'(√q_l·z)²],    Var[dx_{l−1}] = n_l·Var[w_l]·Var[dy_l]
 * </pre>
 * It is the infinite-width limit; a finite network fluctuates around it ({@link MeanFieldBand}). Weight laws with
 * non-zero mean (constant, ones, shifted uniform) break its premise and are refused.
 */
public final class MeanField {
    /** E[x²] of the standard normal input the measurements use. */
    static final double STANDARD_NORMAL_INPUT = 1;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private MeanField() {
    }

    /**
     * The prediction for widths {@code [n_0, n_1, …, n_L]}, per-layer weight variances {@code [Var w_1 … Var w_L]}
     * and input second moment E[x²].
     */
    public static Prediction predict(Activation activation, int[] widths, double[] weightVariances,
                                     double inputSecondMoment) {
        Propagation.checkWidths(widths);
        int depth = widths.length - 1;
        if (weightVariances.length != depth) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need one weight variance per layer: %d layers, got %d", depth, weightVariances.length));
        }
        for (double v : weightVariances) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("weight variances must be finite and >= 0, got " + v);
            }
        }
        if (!(inputSecondMoment >= 0) || Double.isInfinite(inputSecondMoment)) {
            throw new IllegalArgumentException("input second moment must be finite and >= 0, got " + inputSecondMoment);
        }
        double[] q = new double[depth + 1];
        ActivationMoments[] m = new ActivationMoments[depth + 1];
        for (int l = 1; l <= depth; l++) {
            double incoming = l == 1 ? inputSecondMoment : m[l - 1].secondMoment();
            q[l] = widths[l - 1] * weightVariances[l - 1] * incoming;
            if (Double.isInfinite(q[l])) {
                throw new IllegalArgumentException("mean-field variance overflows a double at layer " + l
                        + ": the activations explode");
            }
            m[l] = ActivationMoments.of(activation, q[l]);
        }
        double[] dy = new double[depth + 1];
        double[] dx = new double[depth + 1];
        double upstream = 1;
        for (int l = depth; l >= 1; l--) {
            dy[l] = upstream * m[l].slopeSecondMoment();
            dx[l] = widths[l] * weightVariances[l - 1] * dy[l];
            upstream = dx[l];
        }
        List<LayerPrediction> layers = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            layers.add(new LayerPrediction(l, widths[l], weightVariances[l - 1], q[l], m[l],
                    saturatedFraction(activation, q[l]), dy[l], dx[l]));
        }
        return new Prediction(activation, widths, inputSecondMoment, layers);
    }

    /** The prediction for a catalogue scheme, a standard normal input and the given layout's weight shapes. */
    public static Prediction predict(Scheme scheme, Layout layout, int[] widths, Activation activation) {
        return predict(activation, widths, weightVariances(scheme, layout, widths), STANDARD_NORMAL_INPUT);
    }

    /**
     * Var[w_l] of each layer's weight law for {@link #weightShape}.
     *
     * @throws IllegalArgumentException when a layer's law has a non-zero mean (the theory assumes zero-mean weights)
     */
    public static double[] weightVariances(Scheme scheme, Layout layout, int[] widths) {
        Propagation.checkWidths(widths);
        double[] v = new double[widths.length - 1];
        for (int l = 1; l < widths.length; l++) {
            Distribution d = scheme.resolve(weightShape(layout, widths[l - 1], widths[l]), layout).distribution();
            if (d.mean() != 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "mean-field theory needs zero-mean weights; %s has mean %s in layer %d", scheme, d.mean(), l));
            }
            v[l - 1] = d.variance();
        }
        return v;
    }

    /** Whether every layer's law of {@code scheme} has zero mean, so that {@link #predict} applies. */
    public static boolean applies(Scheme scheme, Layout layout, int[] widths) {
        Propagation.checkWidths(widths);
        for (int l = 1; l < widths.length; l++) {
            if (scheme.resolve(weightShape(layout, widths[l - 1], widths[l]), layout).distribution().mean() != 0) {
                return false;
            }
        }
        return true;
    }

    /** A dense layer's weight shape: PyTorch {@code [out, in]}, Keras {@code [in, out]}. */
    public static Shape weightShape(Layout layout, int in, int out) {
        return layout == Layout.PYTORCH ? Shape.of(out, in) : Shape.of(in, out);
    }

    /** He et al. (2015) eq. 7 for ReLU: Var[y_l]/Var[y_{l−1}] = n_{l−1}·Var[w_l]/2. */
    static double heReluRatio(long fanIn, double weightVariance) {
        return fanIn * weightVariance / 2;
    }

    /**
     * P(unit saturated) when y ~ N(0, q): 2·Φ(−t/√q) with t the activation's {@link Activation#saturationThreshold()};
     * 0 for activations that do not saturate and for q = 0.
     */
    static double saturatedFraction(Activation a, double q) {
        if (!a.saturates() || q == 0) {
            return 0;
        }
        return 2 * STANDARD_NORMAL.survivalProbability(a.saturationThreshold() / Math.sqrt(q));
    }

    /** The theory for one network: one {@link LayerPrediction} per layer, layer 1 first. */
    public record Prediction(Activation activation, int[] widths, double inputSecondMoment,
                             List<LayerPrediction> layers) {
        public Prediction {
            widths = widths.clone();
            layers = List.copyOf(layers);
        }

        @Override
        public int[] widths() {
            return widths.clone();
        }

        public LayerPrediction layer(int l) {
            return layers.get(l - 1);
        }

        int depth() {
            return layers.size();
        }
    }

    /**
     * Layer l's predicted pre-activation variance {@code q}, activation moments at that q, saturated fraction,
     * and backward second moments: {@code preActivationGradient} = Var[dy_l], {@code inputGradient} = Var[dx_{l−1}].
     */
    public record LayerPrediction(int layer, int width, double weightVariance, double q, ActivationMoments moments,
                                  double saturated, double preActivationGradient, double inputGradient) {
        double mean() {
            return moments.mean();
        }

        public double std() {
            return moments.std();
        }

        double secondMoment() {
            return moments.secondMoment();
        }
    }
}
