package dev.initcheck.propagation;

import org.ejml.data.DMatrixRMaj;

/** The losses of {@link TrainingTask.Loss} and their gradients with respect to the network's outputs. */
final class Losses {
    private Losses() {
    }

    /** (1/(2B)) Σ |ŷ − t|², or (1/B) Σ −ln softmax(ŷ)·t (t one-hot), for outputs y [B, K]. */
    static double value(DMatrixRMaj y, DMatrixRMaj t, TrainingTask.Loss kind) {
        int rows = y.numRows;
        int cols = y.numCols;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            if (kind == TrainingTask.Loss.SQUARED_ERROR) {
                for (int c = 0; c < cols; c++) {
                    double d = y.data[r * cols + c] - t.data[r * cols + c];
                    sum += d * d / 2;
                }
            } else {
                double lse = logSumExp(y.data, r * cols, cols);
                for (int c = 0; c < cols; c++) {
                    sum += t.data[r * cols + c] * (lse - y.data[r * cols + c]);
                }
            }
        }
        return sum / rows;
    }

    /** dL/dŷ: (ŷ − t)/B, or (softmax(ŷ) − t)/B. */
    static DMatrixRMaj delta(DMatrixRMaj y, DMatrixRMaj t, TrainingTask.Loss kind) {
        int rows = y.numRows;
        int cols = y.numCols;
        DMatrixRMaj d = new DMatrixRMaj(rows, cols);
        for (int r = 0; r < rows; r++) {
            double lse = kind == TrainingTask.Loss.SQUARED_ERROR ? 0 : logSumExp(y.data, r * cols, cols);
            for (int c = 0; c < cols; c++) {
                int k = r * cols + c;
                double p = kind == TrainingTask.Loss.SQUARED_ERROR ? y.data[k] : Math.exp(y.data[k] - lse);
                d.data[k] = (p - t.data[k]) / rows;
            }
        }
        return d;
    }

    /** ln Σ_c e^{y_c}, shifted by the maximum so that it neither overflows nor underflows. */
    static double logSumExp(double[] y, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            max = Math.max(max, y[from + c]);
        }
        if (!Double.isFinite(max)) {
            return max;
        }
        double s = 0;
        for (int c = 0; c < n; c++) {
            s += Math.exp(y[from + c] - max);
        }
        return max + Math.log(s);
    }
}
