package dev.initcheck.propagation;

import org.ejml.data.DMatrixRMaj;

/** One layer's statistics from its input X (B × n_in), weights W (n_out × n_in) and pre-activations Y = X·Wᵀ. */
final class LayerMeasure {
    private final ForwardMeasurement.LayerStats stats;
    private final DMatrixRMaj activations;

    private LayerMeasure(ForwardMeasurement.LayerStats stats, DMatrixRMaj activations) {
        this.stats = stats;
        this.activations = activations;
    }

    ForwardMeasurement.LayerStats stats() {
        return stats;
    }

    DMatrixRMaj activations() {
        return activations;
    }

    static LayerMeasure of(int layer, DMatrixRMaj x, DMatrixRMaj w, DMatrixRMaj y, Activation f) {
        int batch = y.numRows;
        int width = y.numCols;
        DMatrixRMaj a = new DMatrixRMaj(batch, width);
        double[] s = new double[width];
        double[] t = new double[width];
        double sum = 0;
        long saturated = 0;
        for (int b = 0; b < batch; b++) {
            int row = b * width;
            for (int i = 0; i < width; i++) {
                double v = y.data[row + i];
                double fv = f.apply(v);
                a.data[row + i] = fv;
                s[i] += v * v;
                t[i] += fv * fv;
                sum += fv;
                if (f.isSaturated(v)) {
                    saturated++;
                }
            }
        }
        for (int i = 0; i < width; i++) {
            s[i] /= batch;
            t[i] /= batch;
        }
        double n = (double) batch * width;
        double mean = sum / n;
        double centred = 0;
        for (double v : a.data) {
            centred += (v - mean) * (v - mean);
        }
        ForwardMeasurement.Fluctuation fl = new ForwardMeasurement.Fluctuation(relativeVarianceOfMean(s),
                relativeVarianceOfMean(t), inputNormSpread(x), inputQuarticRatio(x), kurtosis(w.data));
        var stats = new ForwardMeasurement.LayerStats(layer, width, mean(s), mean, Math.sqrt(centred / n),
                saturated / n, mean(t), fl);
        return new LayerMeasure(stats, a);
    }

    /** {mean of v², sample variance of v², count}. */
    static double[] squareMoments(double[] v) {
        double m = 0;
        for (double e : v) {
            m += e * e;
        }
        m /= v.length;
        double var = 0;
        for (double e : v) {
            double d = e * e - m;
            var += d * d;
        }
        return new double[] {m, v.length > 1 ? var / (v.length - 1) : Double.NaN, v.length};
    }

    /** Per-column mean of squares of a row-major matrix. */
    static double[] columnMeanSquares(DMatrixRMaj m) {
        double[] c = new double[m.numCols];
        for (int r = 0; r < m.numRows; r++) {
            int row = r * m.numCols;
            for (int j = 0; j < m.numCols; j++) {
                double v = m.data[row + j];
                c[j] += v * v;
            }
        }
        for (int j = 0; j < c.length; j++) {
            c[j] /= m.numRows;
        }
        return c;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e;
        }
        return s / v.length;
    }

    /** Estimated relative variance of the mean of i.i.d. per-unit values: sample variance/(n·mean²). */
    static double relativeVarianceOfMean(double[] v) {
        int n = v.length;
        double m = mean(v);
        if (n < 2 || m == 0) {
            return Double.NaN;
        }
        double var = 0;
        for (double e : v) {
            var += (e - m) * (e - m);
        }
        return var / (n - 1) / (n * m * m);
    }

    private static double inputNormSpread(DMatrixRMaj x) {
        double[] norms = rowSums(x, 2);
        double m = mean(norms);
        if (m == 0) {
            return Double.NaN;
        }
        double var = 0;
        for (double e : norms) {
            var += (e - m) * (e - m);
        }
        return var / norms.length / (m * m);
    }

    private static double inputQuarticRatio(DMatrixRMaj x) {
        double[] s2 = rowSums(x, 2);
        double[] s4 = rowSums(x, 4);
        double sum = 0;
        int count = 0;
        for (int b = 0; b < s2.length; b++) {
            if (s2[b] > 0) {
                sum += s4[b] / (s2[b] * s2[b]);
                count++;
            }
        }
        return count > 0 ? sum / count : Double.NaN;
    }

    private static double[] rowSums(DMatrixRMaj x, int power) {
        double[] out = new double[x.numRows];
        for (int r = 0; r < x.numRows; r++) {
            int row = r * x.numCols;
            double acc = 0;
            for (int j = 0; j < x.numCols; j++) {
                double v = x.data[row + j] * x.data[row + j];
                acc += power == 2 ? v : v * v;
            }
            out[r] = acc;
        }
        return out;
    }

    private static double kurtosis(double[] w) {
        double m2 = 0;
        double m4 = 0;
        for (double v : w) {
            double sq = v * v;
            m2 += sq;
            m4 += sq * sq;
        }
        m2 /= w.length;
        m4 /= w.length;
        return m2 > 0 ? m4 / (m2 * m2) : Double.NaN;
    }
}
