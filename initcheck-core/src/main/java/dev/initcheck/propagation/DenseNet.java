package dev.initcheck.propagation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The mutable, matrix-based twin of {@link Mlp} that {@link Trainer} trains: the same network (hidden layers with an
 * activation, a linear output layer, weights [out, in]), its gradient and its momentum buffers, computed with EJML
 * products instead of loops. Y_l = X_{l−1}·W_lᵀ + b_l, X_l = f(Y_l); backward: dW_l = Δ_lᵀ·X_{l−1},
 * db_l = Σ_b Δ_l, Δ_{l−1} = (Δ_l·W_l) ⊙ f'(Y_{l−1}).
 */
final class DenseNet {
    private final int[] widths;
    private final Activation activation;
    private final DMatrixRMaj[] w;
    /** W_lᵀ, kept equal to w after every update: the forward product X·W_lᵀ as a plain, row-streaming product. */
    private final DMatrixRMaj[] wt;
    private final double[][] b;
    private final DMatrixRMaj[] gw;
    private final double[][] gb;
    private final DMatrixRMaj[] vw;
    private final double[][] vb;

    DenseNet(Mlp net) {
        widths = net.widths();
        activation = net.activation();
        int depth = net.depth();
        w = new DMatrixRMaj[depth];
        wt = new DMatrixRMaj[depth];
        b = new double[depth][];
        gw = new DMatrixRMaj[depth];
        gb = new double[depth][];
        vw = new DMatrixRMaj[depth];
        vb = new double[depth][];
        for (int l = 0; l < depth; l++) {
            w[l] = DMatrixRMaj.wrap(widths[l + 1], widths[l], net.weights(l + 1));
            wt[l] = CommonOps_DDRM.transpose(w[l], null);
            b[l] = net.biases(l + 1);
            gw[l] = new DMatrixRMaj(widths[l + 1], widths[l]);
            gb[l] = new double[widths[l + 1]];
            vw[l] = new DMatrixRMaj(widths[l + 1], widths[l]);
            vb[l] = new double[widths[l + 1]];
        }
    }

    int depth() {
        return w.length;
    }

    /** The current parameters as an immutable {@link Mlp}. */
    Mlp toMlp() {
        int n = 0;
        for (int l = 0; l < depth(); l++) {
            n += w[l].data.length + b[l].length;
        }
        double[] p = new double[n];
        int k = 0;
        for (int l = 0; l < depth(); l++) {
            System.arraycopy(w[l].data, 0, p, k, w[l].data.length);
            k += w[l].data.length;
            System.arraycopy(b[l], 0, p, k, b[l].length);
            k += b[l].length;
        }
        return Mlp.of(widths, activation, p);
    }

    /** Pre-activations of every layer for the batch x ([batch, n_0]); index l−1 holds Y_l. */
    DMatrixRMaj[] forward(DMatrixRMaj x) {
        return pass(x)[0];
    }

    /** {Y_1..Y_L} and {X_1..X_{L−1}}: pre-activations and hidden activations, each f computed once. */
    private DMatrixRMaj[][] pass(DMatrixRMaj x) {
        DMatrixRMaj[] pre = new DMatrixRMaj[depth()];
        DMatrixRMaj[] act = new DMatrixRMaj[depth()];
        DMatrixRMaj in = x;
        for (int l = 0; l < depth(); l++) {
            DMatrixRMaj y = new DMatrixRMaj(x.numRows, widths[l + 1]);
            // X·(Wᵀ) summed over the inputs in the same order as X·Wᵀ by dot products: the same doubles, faster
            CommonOps_DDRM.mult(in, wt[l], y);
            addBias(y, b[l]);
            pre[l] = y;
            if (l < depth() - 1) {
                act[l] = apply(y);
                in = act[l];
            }
        }
        return new DMatrixRMaj[][] {pre, act};
    }

    /** The loss of the batch (see {@link TrainingTask.Loss}). */
    double loss(DMatrixRMaj x, DMatrixRMaj t, TrainingTask.Loss kind) {
        DMatrixRMaj[] pre = forward(x);
        return Losses.value(pre[depth() - 1], t, kind);
    }

    /** Loss of the batch; leaves its gradient in the gradient buffers. */
    double lossAndGradient(DMatrixRMaj x, DMatrixRMaj t, TrainingTask.Loss kind) {
        DMatrixRMaj[][] p = pass(x);
        DMatrixRMaj[] pre = p[0];
        DMatrixRMaj out = pre[depth() - 1];
        double loss = Losses.value(out, t, kind);
        DMatrixRMaj delta = Losses.delta(out, t, kind);
        for (int l = depth() - 1; l >= 0; l--) {
            DMatrixRMaj in = l == 0 ? x : p[1][l - 1];
            CommonOps_DDRM.multTransA(delta, in, gw[l]);
            columnSums(delta, gb[l]);
            if (l > 0) {
                DMatrixRMaj back = new DMatrixRMaj(x.numRows, widths[l]);
                CommonOps_DDRM.mult(delta, w[l], back);
                double[] y = pre[l - 1].data;
                double[] a = p[1][l - 1].data;
                for (int k = 0; k < back.data.length; k++) {
                    back.data[k] *= derivative(y[k], a[k]);
                }
                delta = back;
            }
        }
        return loss;
    }

    /** The gradient in {@link Mlp#parameters()} order (after {@link #lossAndGradient}). */
    double[] gradientVector(int count) {
        double[] g = new double[count];
        int k = 0;
        for (int l = 0; l < depth(); l++) {
            System.arraycopy(gw[l].data, 0, g, k, gw[l].data.length);
            k += gw[l].data.length;
            System.arraycopy(gb[l], 0, g, k, gb[l].length);
            k += gb[l].length;
        }
        return g;
    }

    /** Frobenius norm of the weight gradient of every layer (after {@link #lossAndGradient}). */
    double[] gradientNorms() {
        double[] n = new double[depth()];
        for (int l = 0; l < depth(); l++) {
            n[l] = CommonOps_DDRM.elementSum(elementSquare(gw[l]));
            n[l] = Math.sqrt(n[l]);
        }
        return n;
    }

    /**
     * SGD with momentum, PyTorch's convention ({@code torch.optim.SGD}, dampening 0): v ← μ·v + g, θ ← θ − η·v.
     */
    void step(double rate, double momentum) {
        for (int l = 0; l < depth(); l++) {
            double[] v = vw[l].data;
            double[] g = gw[l].data;
            double[] p = w[l].data;
            for (int k = 0; k < p.length; k++) {
                v[k] = momentum * v[k] + g[k];
                p[k] -= rate * v[k];
            }
            CommonOps_DDRM.transpose(w[l], wt[l]);
            for (int k = 0; k < b[l].length; k++) {
                vb[l][k] = momentum * vb[l][k] + gb[l][k];
                b[l][k] -= rate * vb[l][k];
            }
        }
    }

    /**
     * f'(y) from y and a = f(y) without a second transcendental call: tanh' = 1 − a², σ' = a(1 − a) (the same
     * expressions {@link Activation#derivative} evaluates), the others from y.
     */
    private double derivative(double y, double a) {
        return switch (activation) {
            case TANH -> 1 - a * a;
            case SIGMOID -> a * (1 - a);
            default -> activation.derivative(y);
        };
    }

    private DMatrixRMaj apply(DMatrixRMaj y) {
        DMatrixRMaj a = new DMatrixRMaj(y.numRows, y.numCols);
        for (int k = 0; k < a.data.length; k++) {
            a.data[k] = activation.apply(y.data[k]);
        }
        return a;
    }

    static void addBias(DMatrixRMaj y, double[] bias) {
        int cols = y.numCols;
        for (int r = 0; r < y.numRows; r++) {
            for (int c = 0; c < cols; c++) {
                y.data[r * cols + c] += bias[c];
            }
        }
    }

    static void columnSums(DMatrixRMaj m, double[] out) {
        java.util.Arrays.fill(out, 0);
        int cols = m.numCols;
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c] += m.data[r * cols + c];
            }
        }
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj m) {
        DMatrixRMaj s = m.copy();
        CommonOps_DDRM.elementMult(s, m);
        return s;
    }
}
