package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Greedy layer-wise unsupervised pretraining (Hinton and Salakhutdinov, "Reducing the dimensionality of data with
 * neural networks", Science 2006; with autoencoders instead of RBMs as in Bengio et al., "Greedy layer-wise
 * training of deep networks", NIPS 2006): each hidden layer is the encoder of a tied-weight autoencoder trained on
 * the codes of the layers below it, then frozen; the output layer is not pretrained.
 *
 * <p>What a user must give: the <b>unlabelled training inputs</b> (no targets). For hidden layer l with input
 * codes H (H_0 = the inputs, H_l = f(H_{l−1} W_lᵀ + b_l)), the autoencoder is Z = f(H Wᵀ + b), R = Z W + c
 * (tied weights, linear decoder), with reconstruction error E = (1/(2N)) Σ_n |R_n − H_n|², trained by mini-batch
 * SGD with momentum (v ← μv + g, θ ← θ − ηv). Gradient: ∂E/∂W = Zᵀ·D + (D Wᵀ ⊙ f'(Y))ᵀ·H with D = (R − H)/B.
 *
 * <p>Hyper-parameters ({@link Config#defaults}): 200 steps per layer, batch 32, momentum 0.9, the learning rate of
 * the fine-tuning; every weight (the autoencoders' start and the output layer) starts from {@code small_random}
 * = 0.01·N(0, 1), the practice of the time; biases start at 0. Streams: the starting weights are those of
 * {@link Mlp#initialize} with {@code random}, mini-batches of layer l come from
 * {@code random.derive("pretrain/batches/" + l)}.
 */
final class Pretraining {
    private Pretraining() {
    }

    /**
     * @param stepsPerLayer SGD steps for each autoencoder (0: no pretraining, the starting weights are returned)
     * @param learningRate  η
     * @param momentum      μ in [0, 1)
     * @param batch         inputs per step
     * @param start         the law of the starting weights (PyTorch layout [out, in])
     */
    record Config(int stepsPerLayer, double learningRate, double momentum, int batch, Initializer start) {
        public Config {
            if (stepsPerLayer < 0 || !(learningRate > 0) || !(momentum >= 0 && momentum < 1) || batch < 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "pretraining needs steps >= 0, "
                        + "learning rate > 0, momentum in [0, 1), batch >= 1; got %d, %s, %s, %d",
                        stepsPerLayer, learningRate, momentum, batch));
            }
        }

        /** 200 steps per layer, batch 32, momentum 0.9, {@code learningRate}, start {@code small_random}. */
        public static Config defaults(double learningRate) {
            return new Config(200, learningRate, 0.9, 32, ReferenceInitializer.of("small_random", Layout.PYTORCH));
        }

        public Config withSteps(int steps) {
            return new Config(steps, learningRate, momentum, batch, start);
        }
    }

    /**
     * The pretrained network and each hidden layer's reconstruction error on all the inputs, with the starting
     * weights ({@code errorBefore[h]}) and after its autoencoder was trained ({@code errorAfter[h]}).
     */
    record Result(Mlp network, double[] errorBefore, double[] errorAfter) {
    }

    /** Pretrains the hidden layers of a network of {@code widths} on {@code inputs} ([samples][widths[0]]). */
    public static Result pretrain(int[] widths, Activation activation, double[][] inputs, Config config,
                                  SeededRandom random) {
        Propagation.checkWidths(widths);
        if (inputs.length < config.batch() || inputs[0].length != widths[0]) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "pretraining needs at least %d inputs of "
                    + "width %d, got %d of width %d", config.batch(), widths[0], inputs.length,
                    inputs.length == 0 ? 0 : inputs[0].length));
        }
        Mlp start = Mlp.initialize(widths, activation, config.start(), 0, random);
        double[][] w = new double[start.depth()][];
        double[][] b = new double[start.depth()][];
        int hidden = start.depth() - 1;
        double[] before = new double[hidden];
        double[] after = new double[hidden];
        DMatrixRMaj h = new DMatrixRMaj(inputs);
        for (int l = 0; l < start.depth(); l++) {
            w[l] = start.weights(l + 1);
            b[l] = start.biases(l + 1);
            if (l < hidden) {
                Autoencoder ae = new Autoencoder(DMatrixRMaj.wrap(widths[l + 1], widths[l], w[l]), b[l], activation);
                before[l] = ae.error(h);
                ae.train(h, config, random.derive("pretrain/batches/" + (l + 1)).create());
                after[l] = ae.error(h);
                h = ae.encode(h);
            }
        }
        return new Result(assemble(widths, activation, w, b), before, after);
    }

    static Mlp assemble(int[] widths, Activation activation, double[][] w, double[][] b) {
        int n = 0;
        for (int l = 0; l < w.length; l++) {
            n += w[l].length + b[l].length;
        }
        double[] p = new double[n];
        int k = 0;
        for (int l = 0; l < w.length; l++) {
            System.arraycopy(w[l], 0, p, k, w[l].length);
            k += w[l].length;
            System.arraycopy(b[l], 0, p, k, b[l].length);
            k += b[l].length;
        }
        return Mlp.of(widths, activation, p);
    }

    /** A tied-weight autoencoder over W (updated in place), encoder bias b (in place) and decoder bias c. */
    static final class Autoencoder {
        private final DMatrixRMaj w;
        private final double[] b;
        private final double[] c;
        private final Activation f;

        Autoencoder(DMatrixRMaj w, double[] b, Activation f) {
            this.w = w;
            this.b = b;
            this.c = new double[w.numCols];
            this.f = f;
        }

        DMatrixRMaj pre(DMatrixRMaj h) {
            DMatrixRMaj y = new DMatrixRMaj(h.numRows, w.numRows);
            CommonOps_DDRM.multTransB(h, w, y);
            DenseNet.addBias(y, b);
            return y;
        }

        DMatrixRMaj encode(DMatrixRMaj h) {
            DMatrixRMaj z = pre(h);
            for (int k = 0; k < z.data.length; k++) {
                z.data[k] = f.apply(z.data[k]);
            }
            return z;
        }

        DMatrixRMaj reconstruct(DMatrixRMaj z) {
            DMatrixRMaj r = new DMatrixRMaj(z.numRows, w.numCols);
            CommonOps_DDRM.mult(z, w, r);
            DenseNet.addBias(r, c);
            return r;
        }

        /** (1/(2N)) Σ |R − H|². */
        double error(DMatrixRMaj h) {
            DMatrixRMaj r = reconstruct(encode(h));
            double s = 0;
            for (int k = 0; k < r.data.length; k++) {
                double d = r.data[k] - h.data[k];
                s += d * d;
            }
            return s / (2.0 * h.numRows);
        }

        void train(DMatrixRMaj h, Config config, UniformRandomProvider rng) {
            PermutationSampler perm = new PermutationSampler(rng, h.numRows, h.numRows);
            int[] order = perm.sample();
            int at = 0;
            DMatrixRMaj vw = new DMatrixRMaj(w.numRows, w.numCols);
            double[] vb = new double[b.length];
            double[] vc = new double[c.length];
            for (int step = 0; step < config.stepsPerLayer(); step++) {
                if (at + config.batch() > order.length) {
                    order = perm.sample();
                    at = 0;
                }
                DMatrixRMaj x = rows(h, Arrays.copyOfRange(order, at, at + config.batch()));
                at += config.batch();
                Gradient g = gradient(x);
                update(w.data, vw.data, g.w.data, config);
                update(b, vb, g.b, config);
                update(c, vc, g.c, config);
            }
        }

        /** ∂E/∂(W, b, c) on the batch x (see the class comment). */
        Gradient gradient(DMatrixRMaj x) {
            DMatrixRMaj y = pre(x);
            DMatrixRMaj z = new DMatrixRMaj(y.numRows, y.numCols);
            for (int k = 0; k < z.data.length; k++) {
                z.data[k] = f.apply(y.data[k]);
            }
            DMatrixRMaj d = reconstruct(z);
            CommonOps_DDRM.subtractEquals(d, x);
            CommonOps_DDRM.divide(d, x.numRows);
            DMatrixRMaj gw = new DMatrixRMaj(w.numRows, w.numCols);
            CommonOps_DDRM.multTransA(z, d, gw); // decoder part
            DMatrixRMaj dy = new DMatrixRMaj(y.numRows, y.numCols);
            CommonOps_DDRM.multTransB(d, w, dy);
            for (int k = 0; k < dy.data.length; k++) {
                dy.data[k] *= f.derivative(y.data[k]);
            }
            CommonOps_DDRM.multAddTransA(dy, x, gw); // encoder part
            double[] gb = new double[b.length];
            double[] gc = new double[c.length];
            DenseNet.columnSums(dy, gb);
            DenseNet.columnSums(d, gc);
            return new Gradient(gw, gb, gc);
        }

        private static void update(double[] p, double[] v, double[] g, Config config) {
            for (int k = 0; k < p.length; k++) {
                v[k] = config.momentum() * v[k] + g[k];
                p[k] -= config.learningRate() * v[k];
            }
        }

        private static DMatrixRMaj rows(DMatrixRMaj h, int[] idx) {
            DMatrixRMaj m = new DMatrixRMaj(idx.length, h.numCols);
            for (int r = 0; r < idx.length; r++) {
                System.arraycopy(h.data, idx[r] * h.numCols, m.data, r * h.numCols, h.numCols);
            }
            return m;
        }

        record Gradient(DMatrixRMaj w, double[] b, double[] c) {
        }
    }
}
