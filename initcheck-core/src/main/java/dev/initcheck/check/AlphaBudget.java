package dev.initcheck.check;

import java.util.Locale;

/**
 * A run's total false-alarm budget and its Bonferroni split. A run checks {@code tensors} tensors and
 * {@code tensorPairs} pairs of tensors for cross-correlation; each tensor and each pair gets an equal share
 * {@code total / (tensors + tensorPairs)} ({@link #tensorShare}, {@link #pairShare}), and a tensor's share is split
 * equally among its stochastic checks ({@link AlphaShare#split}, done by {@link Conformance}). By the union bound
 * the probability that a correct run fails anywhere is at most {@code total}. Hard (deterministic) checks spend nothing. The price of the split is small: the KS threshold
 * grows like sqrt(ln(2m/alpha)). Never retry a failed run until it passes: that destroys the power.
 *
 * @param total       the run's false-alarm probability, default {@link #DEFAULT_TOTAL}
 * @param tensors     number of tensors checked
 * @param tensorPairs number of tensor pairs checked for cross-correlation
 */
public record AlphaBudget(double total, int tensors, int tensorPairs) {
    /** Default run budget: one false alarm in a million correct runs. */
    public static final double DEFAULT_TOTAL = 1e-6;

    /**
     * @throws IllegalArgumentException unless {@code 0 < total < 1} and there is at least one tensor or pair
     */
    public AlphaBudget {
        AlphaShare.of(total);
        if (tensors < 0 || tensorPairs < 0 || tensors + tensorPairs < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need at least one tensor or pair; got tensors=%d pairs=%d", tensors, tensorPairs));
        }
    }

    /**
     * A budget over tensors only.
     *
     * @param total   the run's false-alarm probability, {@code 0 < total < 1}
     * @param tensors number of tensors, at least 1
     * @return the budget
     */
    public static AlphaBudget of(double total, int tensors) {
        return new AlphaBudget(total, tensors, 0);
    }

    /**
     * The default budget {@value #DEFAULT_TOTAL} over {@code tensors} tensors.
     *
     * @param tensors number of tensors, at least 1
     * @return the budget
     */
    public static AlphaBudget defaults(int tensors) {
        return of(DEFAULT_TOTAL, tensors);
    }

    /**
     * This budget with {@code pairs} tensor pairs checked for cross-correlation besides the tensors.
     *
     * @param pairs number of pairs, at least 0
     * @return the budget
     */
    public AlphaBudget withTensorPairs(int pairs) {
        return new AlphaBudget(total, tensors, pairs);
    }

    /** @return the number of equal shares, {@code tensors + tensorPairs} */
    int units() {
        return tensors + tensorPairs;
    }

    /** @return the run's whole budget as a share */
    AlphaShare whole() {
        return AlphaShare.of(total);
    }

    /** @return the share of one tensor, {@code total / (tensors + tensorPairs)}, for {@link Conformance#check} */
    public AlphaShare tensorShare() {
        return whole().split(units());
    }

    /** @return the share of one cross-correlation pair, {@code total / (tensors + tensorPairs)} */
    public AlphaShare pairShare() {
        return whole().split(units());
    }
}
