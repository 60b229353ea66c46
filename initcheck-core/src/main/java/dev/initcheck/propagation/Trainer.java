package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains an {@link Mlp} on a {@link TrainingTask} by mini-batch SGD with momentum (PyTorch's convention, see
 * {@link DenseNet#step}) at a fixed learning rate, and records the loss on the whole task every
 * {@code logEvery} steps.
 *
 * <p>Mini-batches: the samples are shuffled once per epoch by a permutation drawn from
 * {@code random.derive("train/batches")} and cut into consecutive batches (a last, short batch is dropped).
 * Two networks trained with one {@link SeededRandom} see the same batches in the same order (a paired design).
 *
 * <p>Divergence: when the task loss is not finite or exceeds {@value #DIVERGED} the run stops; the loss of every
 * later logged step is recorded as +∞ and the run is marked diverged.
 */
final class Trainer {
    /** A task loss above this counts as divergence (the targets have unit scale, so no trained net comes near). */
    public static final double DIVERGED = 1e6;

    private Trainer() {
    }

    /**
     * The optimizer and the schedule of one run.
     *
     * @param steps        SGD steps (mini-batches)
     * @param learningRate η, fixed
     * @param momentum     μ in [0, 1); 0 for plain SGD
     * @param batch        samples per step, ≤ the task's samples
     * @param logEvery     the task loss is recorded at steps 0, logEvery, 2·logEvery, …, and at {@code steps}
     */
    record Config(int steps, double learningRate, double momentum, int batch, int logEvery) {
        public Config {
            if (steps < 0 || !(learningRate > 0) || !(momentum >= 0 && momentum < 1) || batch < 1 || logEvery < 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "need steps >= 0, learning rate > 0, momentum in [0, 1), batch >= 1, logEvery >= 1; got "
                                + "%d, %s, %s, %d, %d", steps, learningRate, momentum, batch, logEvery));
            }
        }

        /** The logged steps: 0, logEvery, …, and {@code steps} itself. */
        public int[] loggedSteps() {
            int n = steps / logEvery + 1 + (steps % logEvery == 0 ? 0 : 1);
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = Math.min(i * logEvery, steps);
            }
            return s;
        }
    }

    /**
     * One training run.
     *
     * @param loggedSteps    the steps at which the task loss was recorded
     * @param loss           the task loss at each logged step (+∞ after a divergence)
     * @param stepsToTarget  the first logged step whose loss is ≤ the task's target loss; null if none
     * @param gradientNorms  ‖∂L/∂W_l‖_F of every layer l = 1..L at step 0, on the whole task
     * @param diverged       whether the run stopped because the loss blew up
     * @param trained        the network after the last step (the last finite one when diverged)
     */
    record Run(int[] loggedSteps, double[] loss, Integer stepsToTarget, double[] gradientNorms,
                      boolean diverged, Mlp trained) {
        public double finalLoss() {
            return loss[loss.length - 1];
        }
    }

    /** Trains {@code init} on {@code task}; mini-batches from {@code random.derive("train/batches")}. */
    public static Run train(Mlp init, TrainingTask task, Config config, SeededRandom random) {
        if (init.widths()[0] != task.inputWidth() || init.widths()[init.depth()] != task.outputWidth()) {
            throw new IllegalArgumentException("network widths " + Arrays.toString(init.widths())
                    + " do not fit the task " + task);
        }
        if (config.batch() > task.samples()) {
            throw new IllegalArgumentException("batch " + config.batch() + " exceeds the task's " + task.samples()
                    + " samples");
        }
        DenseNet net = new DenseNet(init);
        DMatrixRMaj x = new DMatrixRMaj(task.inputs());
        DMatrixRMaj t = new DMatrixRMaj(task.targets());
        int[] logged = config.loggedSteps();
        double[] loss = new double[logged.length];
        double first = net.lossAndGradient(x, t, task.loss());
        double[] norms = net.gradientNorms();
        loss[0] = first;
        boolean diverged = !(first <= DIVERGED);
        UniformRandomProvider rng = random.derive("train/batches").create();
        PermutationSampler perm = new PermutationSampler(rng, task.samples(), task.samples());
        int[] order = perm.sample();
        int at = 0;
        int next = 1;
        for (int step = 1; step <= config.steps() && !diverged; step++) {
            if (at + config.batch() > order.length) {
                order = perm.sample();
                at = 0;
            }
            int[] idx = Arrays.copyOfRange(order, at, at + config.batch());
            at += config.batch();
            net.lossAndGradient(rows(task.inputs(), idx), rows(task.targets(), idx), task.loss());
            net.step(config.learningRate(), config.momentum());
            if (next < logged.length && step == logged[next]) {
                loss[next] = net.loss(x, t, task.loss());
                diverged = !(loss[next] <= DIVERGED);
                next++;
            }
        }
        for (int i = 0; i < loss.length; i++) {
            if (diverged && (i >= next || !(loss[i] <= DIVERGED))) {
                loss[i] = Double.POSITIVE_INFINITY;
            }
        }
        Integer reached = null;
        for (int i = 0; i < loss.length && reached == null; i++) {
            if (loss[i] <= task.targetLoss()) {
                reached = logged[i];
            }
        }
        return new Run(logged, loss, reached, norms, diverged, net.toMlp());
    }

    private static DMatrixRMaj rows(double[][] data, int[] idx) {
        int cols = data[0].length;
        DMatrixRMaj m = new DMatrixRMaj(idx.length, cols);
        for (int r = 0; r < idx.length; r++) {
            System.arraycopy(data[idx[r]], 0, m.data, r * cols, cols);
        }
        return m;
    }
}
