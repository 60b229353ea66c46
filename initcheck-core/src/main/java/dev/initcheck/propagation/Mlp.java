package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A small dense network for the symmetry experiments: hidden layers with an {@link Activation}, a linear output
 * layer, biases, mean squared error L = (1/(2B))·Σ_b |ŷ_b − t_b|², and plain gradient descent. Immutable: a
 * training step returns a new network.
 *
 * <p>Forward and backward are written as plain loops over arrays, in one fixed order for every unit: each
 * pre-activation sums its inputs in ascending index order, each back-propagated gradient sums over the next
 * layer's units in ascending order, each weight gradient sums over the batch in ascending order. Java evaluates
 * double arithmetic in IEEE 754 binary64 with round-to-nearest and no fused multiply-add unless asked
 * ({@code Math.fma}), the same on every JVM since Java 17 (JEP 306). Hence two units whose incoming weights,
 * bias and outgoing weights are bit-identical compute bit-identical values, receive bit-identical gradients and
 * stay bit-identical after the update: the symmetry of a constant initialization is exact, not approximate.
 *
 * <p>Parameters are flattened layer by layer, weights (PyTorch layout [out, in], C order) then biases.
 */
final class Mlp {
    private final int[] widths;
    private final Activation activation;
    private final double[][] weights; // [layer][out * in], layer 0 maps widths[0] -> widths[1]
    private final double[][] biases;

    private Mlp(int[] widths, Activation activation, double[][] weights, double[][] biases) {
        this.widths = widths;
        this.activation = activation;
        this.weights = weights;
        this.biases = biases;
    }

    /**
     * Weights from {@code init} (shape [n_l, n_{l−1}], stream {@code random.derive("mlp/weights/" + l)}), every bias
     * equal to {@code bias}.
     */
    public static Mlp initialize(int[] widths, Activation activation, Initializer init, double bias,
                                 SeededRandom random) {
        Propagation.checkWidths(widths);
        int depth = widths.length - 1;
        double[][] w = new double[depth][];
        double[][] b = new double[depth][];
        for (int l = 0; l < depth; l++) {
            w[l] = init.initialize(Shape.of(widths[l + 1], widths[l]), random.derive("mlp/weights/" + (l + 1)).create());
            if (w[l].length != widths[l + 1] * widths[l]) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "initializer returned %d values for layer %d; expected %d", w[l].length, l + 1,
                        widths[l + 1] * widths[l]));
            }
            b[l] = new double[widths[l + 1]];
            Arrays.fill(b[l], bias);
        }
        return new Mlp(widths.clone(), activation, w, b);
    }

    /** A network with the given flattened parameters (see {@link #parameters()}). */
    public static Mlp of(int[] widths, Activation activation, double[] parameters) {
        Propagation.checkWidths(widths);
        Mlp shape = new Mlp(widths.clone(), activation, new double[widths.length - 1][], new double[widths.length - 1][]);
        if (parameters.length != shape.parameterCount()) {
            throw new IllegalArgumentException("expected " + shape.parameterCount() + " parameters, got " + parameters.length);
        }
        int k = 0;
        for (int l = 0; l < widths.length - 1; l++) {
            int nw = widths[l + 1] * widths[l];
            shape.weights[l] = Arrays.copyOfRange(parameters, k, k + nw);
            k += nw;
            shape.biases[l] = Arrays.copyOfRange(parameters, k, k + widths[l + 1]);
            k += widths[l + 1];
        }
        return shape;
    }

    public int[] widths() {
        return widths.clone();
    }

    public Activation activation() {
        return activation;
    }

    /** Number of layers with weights (hidden layers + output). */
    public int depth() {
        return widths.length - 1;
    }

    /** Weights of layer l (1-based), [widths[l], widths[l−1]] in C order; a copy. */
    public double[] weights(int l) {
        return weights[l - 1].clone();
    }

    /** Biases of layer l (1-based); a copy. */
    public double[] biases(int l) {
        return biases[l - 1].clone();
    }

    public int parameterCount() {
        int n = 0;
        for (int l = 0; l < widths.length - 1; l++) {
            n += widths[l + 1] * widths[l] + widths[l + 1];
        }
        return n;
    }

    /** All parameters, layer by layer: weights then biases. */
    public double[] parameters() {
        double[] p = new double[parameterCount()];
        int k = 0;
        for (int l = 0; l < depth(); l++) {
            System.arraycopy(weights[l], 0, p, k, weights[l].length);
            k += weights[l].length;
            System.arraycopy(biases[l], 0, p, k, biases[l].length);
            k += biases[l].length;
        }
        return p;
    }

    /** The network's outputs for a batch x[b][i]. */
    public double[][] predict(double[][] x) {
        return new MlpPass(this, x, null).output();
    }

    /** Mean squared error (1/(2B))·Σ|ŷ − t|² without dropout. */
    public double loss(double[][] x, double[][] t) {
        return new MlpPass(this, x, null).loss(t);
    }

    /** The loss with fixed inverted-dropout scales (see {@link #gradient(double[][], double[][], double[][][])}). */
    public double loss(double[][] x, double[][] t, double[][][] scale) {
        return new MlpPass(this, x, scale).loss(t);
    }

    /** Gradient of {@link #loss} with respect to {@link #parameters()}. */
    public double[] gradient(double[][] x, double[][] t) {
        return gradient(x, t, null);
    }

    /**
     * Gradient with inverted dropout on the hidden activations: {@code scale[l][b][i]} multiplies hidden layer
     * l+1's activation i for input b (0 when dropped, 1/keep when kept; see {@link #dropoutScales}); null for none.
     */
    public double[] gradient(double[][] x, double[][] t, double[][][] scale) {
        return new MlpPass(this, x, scale).gradient(t);
    }

    /** One gradient-descent step: θ − rate·gradient. */
    public Mlp step(double[] gradient, double rate) {
        double[] p = parameters();
        if (gradient.length != p.length) {
            throw new IllegalArgumentException("gradient has " + gradient.length + " entries, need " + p.length);
        }
        for (int k = 0; k < p.length; k++) {
            p[k] -= rate * gradient[k];
        }
        return of(widths, activation, p);
    }

    /** Inverted-dropout scales for every hidden layer: each unit is kept with probability 1 − rate. */
    public double[][][] dropoutScales(int batch, double rate, UniformRandomProvider rng) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        double keep = 1 - rate;
        double[][][] s = new double[depth() - 1][batch][];
        for (int l = 0; l < depth() - 1; l++) {
            for (int b = 0; b < batch; b++) {
                s[l][b] = new double[widths[l + 1]];
                for (int i = 0; i < s[l][b].length; i++) {
                    s[l][b][i] = rng.nextDouble() < keep ? 1 / keep : 0;
                }
            }
        }
        return s;
    }

    double[][] rawWeights() {
        return weights;
    }

    double[][] rawBiases() {
        return biases;
    }
}
