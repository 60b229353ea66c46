package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Symmetry between the hidden units of a layer, statically (identical rows of a weight matrix) and under
 * training (seed document 000: with zero or constant weights every hidden unit of a layer receives the same
 * update and stays identical forever; random weights break the symmetry; dropout can break it too).
 *
 * <p>Why a constant initialization stays exactly symmetric: see {@link Mlp}. Units of a layer see the same
 * inputs, hold the same weights and run the same operations in the same order, so every value they compute,
 * forward and backward, is bit-identical, and so is every update; the maximum pairwise distance between their
 * incoming weight vectors is exactly 0.0 at every step. Dropout gives each unit its own random mask per input and
 * step, so the units receive different gradients from the first step on.
 */
public final class SymmetryBreaking {
    private SymmetryBreaking() {
    }

    /**
     * Groups of rows (size ≥ 2) of a C-order [rows, cols] matrix whose entries are equal ({@code ==}, so 0.0 and
     * −0.0 are equal; a row containing NaN equals no row). Empty when all rows are pairwise distinct.
     */
    public static List<List<Integer>> identicalRowGroups(double[] w, int rows, int cols) {
        if (rows < 0 || cols < 0 || (long) rows * cols != w.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "matrix [%d, %d] needs %d values, got %d", rows, cols, (long) rows * cols, w.length));
        }
        Map<RowKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int r = 0; r < rows; r++) {
            double[] row = Arrays.copyOfRange(w, r * cols, (r + 1) * cols);
            boolean nan = false;
            for (int j = 0; j < cols; j++) {
                nan |= Double.isNaN(row[j]);
                row[j] += 0.0; // −0.0 + 0.0 = +0.0
            }
            if (!nan) {
                groups.computeIfAbsent(new RowKey(row), k -> new ArrayList<>()).add(r);
            }
        }
        return groups.values().stream().filter(g -> g.size() > 1).map(List::copyOf).toList();
    }

    /** Maximum Euclidean distance between two rows of a C-order [rows, cols] matrix; 0 for fewer than 2 rows. */
    public static double maxPairwiseDistance(double[] w, int rows, int cols) {
        double max = 0;
        for (int a = 0; a < rows; a++) {
            for (int b = a + 1; b < rows; b++) {
                double s = 0;
                for (int j = 0; j < cols; j++) {
                    double d = w[a * cols + j] - w[b * cols + j];
                    s += d * d;
                }
                max = Math.max(max, s);
            }
        }
        return Math.sqrt(max);
    }

    /**
     * Trains an {@link Mlp} by mini-batch gradient descent on {@code task} and records, before the first step and
     * after each step, the maximum pairwise distance between the incoming weight vectors (rows of W_l) of the
     * units of every hidden layer. Mini-batches come from {@code random.derive("train/batches")}, dropout masks
     * from {@code random.derive("train/dropout/" + step)}.
     */
    public static SymmetryTrace train(Training spec, RegressionTask task) {
        Mlp net = Mlp.initialize(spec.widths(), spec.activation(), spec.init(), spec.bias(), spec.random());
        int hidden = net.depth() - 1;
        double[][] distance = new double[spec.steps() + 1][hidden];
        double[] loss = new double[spec.steps() + 1];
        UniformRandomProvider batches = spec.random().derive("train/batches").create();
        recordDistances(net, distance[0]);
        loss[0] = net.loss(task.inputs(), task.targets());
        int[] w = spec.widths();
        for (int step = 1; step <= spec.steps(); step++) {
            int[] idx = new int[Math.min(spec.batchSize(), task.samples())];
            double[][] x = new double[idx.length][];
            double[][] t = new double[idx.length][];
            for (int b = 0; b < idx.length; b++) {
                int k = idx.length == task.samples() ? b : batches.nextInt(task.samples());
                x[b] = task.inputs()[k];
                t[b] = task.targets()[k];
            }
            double[][][] scale = spec.dropout() > 0
                    ? net.dropoutScales(x.length, spec.dropout(), spec.random().derive("train/dropout/" + step).create())
                    : null;
            net = net.step(net.gradient(x, t, scale), spec.learningRate());
            recordDistances(net, distance[step]);
            loss[step] = net.loss(task.inputs(), task.targets());
        }
        return new SymmetryTrace(Arrays.copyOfRange(w, 1, w.length - 1), distance, loss);
    }

    private static void recordDistances(Mlp net, double[] out) {
        int[] w = net.widths();
        for (int l = 1; l < net.depth(); l++) {
            out[l - 1] = maxPairwiseDistance(net.weights(l), w[l], w[l - 1]);
        }
    }

    /**
     * A training run: network widths (input, hidden…, output), hidden activation, weight initializer, constant
     * bias, steps, learning rate, mini-batch size (≥ the task's samples: full batch), dropout rate (0: none).
     */
    public record Training(int[] widths, Activation activation, Initializer init, double bias, int steps,
                           double learningRate, int batchSize, double dropout, SeededRandom random) {
        public Training {
            Propagation.checkWidths(widths);
            widths = widths.clone();
            if (widths.length < 3) {
                throw new IllegalArgumentException("need at least one hidden layer, got widths " + Arrays.toString(widths));
            }
            if (steps < 0 || batchSize < 1 || !(learningRate > 0) || !(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "need steps >= 0, batchSize >= 1, learningRate > 0, dropout in [0, 1); got %d, %d, %s, %s",
                        steps, batchSize, learningRate, dropout));
            }
        }

        @Override
        public int[] widths() {
            return widths.clone();
        }

        Training withInit(Initializer newInit) {
            return new Training(widths, activation, newInit, bias, steps, learningRate, batchSize, dropout, random);
        }

        Training withActivation(Activation a) {
            return new Training(widths, a, init, bias, steps, learningRate, batchSize, dropout, random);
        }

        Training withDropout(double rate) {
            return new Training(widths, activation, init, bias, steps, learningRate, batchSize, rate, random);
        }
    }

    /**
     * The distance series: {@code maxDistance[step][h]} for step 0 (before training) to {@code steps} and hidden
     * layer h (0-based; {@code hiddenWidths[h]} units), and the full-task loss after each step.
     */
    public record SymmetryTrace(int[] hiddenWidths, double[][] maxDistance, double[] loss) {
        int steps() {
            return maxDistance.length - 1;
        }

        /** The series of one hidden layer (0-based), steps 0..steps. */
        public double[] layer(int h) {
            double[] s = new double[maxDistance.length];
            for (int k = 0; k < s.length; k++) {
                s[k] = maxDistance[k][h];
            }
            return s;
        }
    }

    private record RowKey(double[] row) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey k && Arrays.equals(row, k.row);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(row);
        }
    }
}
