package dev.initcheck.propagation;

import java.util.List;

/**
 * One initialization scheme trained from K seeds: what {@code initcheck train} prints and the suite's training
 * section shows. Plain data; every summary is computed by {@link SeedStatistics} from {@link #runs()}.
 *
 * @param scheme         the scheme's name ({@code he_normal}, {@code pretrained}, {@code lsuv}, …)
 * @param activation     the hidden layers' activation
 * @param depth          hidden layers
 * @param width          units per hidden layer
 * @param learningRate   the fixed SGD learning rate used
 * @param targetLoss     the task's target loss
 * @param runs           one entry per seed, in seed order
 * @param curve          quartiles of the task loss across seeds at every logged step
 * @param stepsToTarget  median steps to the target across seeds (+∞ when most seeds never got there), with its
 *                       order-statistic interval
 * @param gradientNorms  median across seeds of ‖∂L/∂W_l‖_F at step 0, for layers l = 1..depth+1
 */
public record TrainingResult(String scheme, Activation activation, int depth, int width, double learningRate,
                             double targetLoss, List<SeedRun> runs, Curve curve,
                             SeedStatistics.Interval stepsToTarget, double[] gradientNorms) {

    public TrainingResult {
        runs = List.copyOf(runs);
    }

    /** {@code he_normal/tanh}. */
    public String label() {
        return scheme + "/" + activation.id();
    }

    /**
     * One seed's run.
     *
     * @param seed            the seed index s (streams {@code root.derive("train/seed/" + s)})
     * @param stepsToTarget   first logged step with loss ≤ target; null if never
     * @param finalLoss       task loss after the last step (+∞ when diverged)
     * @param diverged        whether the loss blew up
     * @param symmetric       whether every hidden layer's units were still identical (rows of W_l all equal)
     *                        after training
     * @param loss            the task loss at every logged step
     * @param gradientNorms   ‖∂L/∂W_l‖_F at step 0, l = 1..depth+1
     */
    public record SeedRun(int seed, Integer stepsToTarget, double finalLoss, boolean diverged, boolean symmetric,
                          double[] loss, double[] gradientNorms) {
    }

    /** Quartiles (type 7, {@link SeedStatistics#quantile}) of the loss across seeds at each logged step. */
    public record Curve(int[] steps, double[] lowerQuartile, double[] median, double[] upperQuartile) {
    }
}
