package dev.initcheck.check;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * A run's total false-alarm budget and its Bonferroni split. A run checks {@code tensors} tensors and
 * {@code tensorPairs} pairs of tensors for cross-correlation; each tensor and each pair gets an equal share
 * {@code total / (tensors + tensorPairs)}, and a tensor's share is split equally among its stochastic checks
 * ({@link #perCheck}). By the union bound the probability that a correct run fails anywhere is at most
 * {@code total}. Hard (deterministic) checks spend nothing. The price of the split is small: the KS threshold
 * grows like sqrt(ln(2m/alpha)). Never retry a failed run until it passes: that destroys the power.
 *
 * <p>{@link #holm} is Holm's step-down procedure (Holm 1979, Scand. J. Statist. 6) for checks that report valid
 * p-values; it rejects at least what Bonferroni rejects, with the same family-wise guarantee.
 *
 * @param total       the run's false-alarm probability, default {@link #DEFAULT_TOTAL}
 * @param tensors     number of tensors checked
 * @param tensorPairs number of tensor pairs checked for cross-correlation
 */
public record AlphaBudget(double total, int tensors, int tensorPairs) {
    /** Default run budget: one false alarm in a million correct runs. */
    public static final double DEFAULT_TOTAL = 1e-6;

    public AlphaBudget {
        if (!(total > 0 && total < 1) || tensors < 0 || tensorPairs < 0 || tensors + tensorPairs < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need 0 < total < 1 and at least one tensor or pair; got total=%s tensors=%d pairs=%d",
                    total, tensors, tensorPairs));
        }
    }

    public static AlphaBudget of(double total, int tensors) {
        return new AlphaBudget(total, tensors, 0);
    }

    /** The default budget 1e-6 over {@code tensors} tensors. */
    public static AlphaBudget defaults(int tensors) {
        return of(DEFAULT_TOTAL, tensors);
    }

    public AlphaBudget withTensorPairs(int pairs) {
        return new AlphaBudget(total, tensors, pairs);
    }

    /** Number of equal shares. */
    public int units() {
        return tensors + tensorPairs;
    }

    /** The share of one tensor, to pass to {@link Conformance#check}. */
    public double perTensor() {
        return total / units();
    }

    /** The share of one cross-correlation pair. */
    public double perPair() {
        return total / units();
    }

    /** Bonferroni within a tensor: alphaPerTensor / stochasticChecks. */
    public static double perCheck(double alphaPerTensor, int stochasticChecks) {
        if (stochasticChecks < 1) {
            throw new IllegalArgumentException("need at least one stochastic check, got " + stochasticChecks);
        }
        return alphaPerTensor / stochasticChecks;
    }

    /**
     * Holm's step-down: sort the m p-values ascending and reject p_(k), k = 1.., while p_(k) &lt;= alpha/(m-k+1).
     *
     * @return for each input p-value, whether it is rejected
     */
    public static boolean[] holm(double[] pValues, double alpha) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        boolean[] reject = new boolean[m];
        for (int k = 0; k < m; k++) {
            if (!(pValues[order[k]] <= alpha / (m - k))) {
                break;
            }
            reject[order[k]] = true;
        }
        return reject;
    }
}
