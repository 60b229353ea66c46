package dev.initcheck.propagation;

/** One forward pass of an {@link Mlp} over a batch, kept for the backward pass. Plain loops, fixed order. */
final class MlpPass {
    private final Mlp net;
    private final double[][][] scale;
    private final double[][][] pre;  // [layer][b][unit] pre-activations
    private final double[][][] act;  // [layer][b][unit] layer inputs: act[0] = x, act[l] = output of layer l
    private final int batch;

    MlpPass(Mlp net, double[][] x, double[][][] scale) {
        this.net = net;
        this.scale = scale;
        this.batch = x.length;
        int depth = net.depth();
        int[] w = net.widths();
        pre = new double[depth][][];
        act = new double[depth + 1][][];
        act[0] = x;
        for (int l = 0; l < depth; l++) {
            double[] wl = net.rawWeights()[l];
            double[] bl = net.rawBiases()[l];
            int in = w[l];
            int out = w[l + 1];
            boolean hidden = l < depth - 1;
            pre[l] = new double[batch][out];
            act[l + 1] = new double[batch][out];
            for (int b = 0; b < batch; b++) {
                double[] xb = act[l][b];
                if (xb.length != in) {
                    throw new IllegalArgumentException("input row " + b + " has " + xb.length + " values, need " + in);
                }
                for (int j = 0; j < out; j++) {
                    double s = bl[j];
                    for (int i = 0; i < in; i++) {
                        s += wl[j * in + i] * xb[i];
                    }
                    pre[l][b][j] = s;
                    double a = hidden ? net.activation().apply(s) : s;
                    act[l + 1][b][j] = hidden && scale != null ? a * scale[l][b][j] : a;
                }
            }
        }
    }

    double[][] output() {
        return act[net.depth()];
    }

    double loss(double[][] t) {
        double[][] y = output();
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < y[b].length; o++) {
                double d = y[b][o] - t[b][o];
                sum += d * d;
            }
        }
        return sum / (2.0 * batch);
    }

    double[] gradient(double[][] t) {
        int depth = net.depth();
        int[] w = net.widths();
        double[][] gw = new double[depth][];
        double[][] gb = new double[depth][];
        double[][] delta = new double[batch][];
        double[][] y = output();
        for (int b = 0; b < batch; b++) { // dL/dŷ for the linear output layer
            delta[b] = new double[w[depth]];
            for (int o = 0; o < w[depth]; o++) {
                delta[b][o] = (y[b][o] - t[b][o]) / batch;
            }
        }
        for (int l = depth - 1; l >= 0; l--) {
            int in = w[l];
            int out = w[l + 1];
            gw[l] = new double[out * in];
            gb[l] = new double[out];
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < in; i++) {
                    double s = 0;
                    for (int b = 0; b < batch; b++) {
                        s += delta[b][j] * act[l][b][i];
                    }
                    gw[l][j * in + i] = s;
                }
                double s = 0;
                for (int b = 0; b < batch; b++) {
                    s += delta[b][j];
                }
                gb[l][j] = s;
            }
            if (l > 0) {
                delta = backToHidden(l, delta);
            }
        }
        double[] g = new double[net.parameterCount()];
        int k = 0;
        for (int l = 0; l < depth; l++) {
            System.arraycopy(gw[l], 0, g, k, gw[l].length);
            k += gw[l].length;
            System.arraycopy(gb[l], 0, g, k, gb[l].length);
            k += gb[l].length;
        }
        return g;
    }

    /** dL/d(pre-activation) of hidden layer l (0-based index l−1 in pre) from dL/d(pre-activation) of layer l+1. */
    private double[][] backToHidden(int l, double[][] delta) {
        double[] wl = net.rawWeights()[l];
        int in = net.widths()[l];
        int out = net.widths()[l + 1];
        double[][] next = new double[batch][in];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < in; i++) {
                double s = 0;
                for (int j = 0; j < out; j++) {
                    s += wl[j * in + i] * delta[b][j];
                }
                double da = scale != null ? s * scale[l - 1][b][i] : s;
                next[b][i] = da * net.activation().derivative(pre[l - 1][b][i]);
            }
        }
        return next;
    }
}
