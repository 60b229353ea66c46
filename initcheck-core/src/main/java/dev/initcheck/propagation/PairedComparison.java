package dev.initcheck.propagation;

import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * A one-sided exact sign test that initialization A trains faster than B, paired by seed (seed s gives both the
 * same task, the same weight streams and the same mini-batches).
 *
 * <p>On seed s, A beats B when it reaches the target loss in fewer steps (never = +∞), or, at equal steps
 * (both never, or the same logged step), when its final loss is lower (a diverged run's loss is +∞). Exact ties
 * are dropped (the usual conditional sign test). Under H0 (A and B exchangeable on every seed) the number of wins
 * W among the n untied seeds is Bin(n, ½); the p-value is P(Bin(n, ½) ≥ W), and the claim holds when
 * p ≤ α. The false-alarm probability is at most α whatever the laws of the runs. With n seeds the smallest
 * attainable p is 2^−n: α = 10^−3 needs n ≥ 10 untied seeds.
 */
public record PairedComparison(String a, String b, int wins, int losses, int ties, double pValue, double alpha) {

    /** The claim "A trains faster than B" is supported at α. */
    boolean holds() {
        return pValue <= alpha;
    }

    /** A vs B on the same seeds, in seed order. */
    static PairedComparison of(TrainingResult a, TrainingResult b, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        List<TrainingResult.SeedRun> ra = a.runs();
        List<TrainingResult.SeedRun> rb = b.runs();
        if (ra.size() != rb.size()) {
            throw new IllegalArgumentException("paired runs need the same seeds: " + ra.size() + " vs " + rb.size());
        }
        int wins = 0;
        int losses = 0;
        for (int s = 0; s < ra.size(); s++) {
            if (ra.get(s).seed() != rb.get(s).seed()) {
                throw new IllegalArgumentException("run " + s + " has seeds " + ra.get(s).seed() + " and "
                        + rb.get(s).seed());
            }
            int c = compare(ra.get(s), rb.get(s));
            wins += c < 0 ? 1 : 0;
            losses += c > 0 ? 1 : 0;
        }
        int n = wins + losses;
        double p = n == 0 ? 1 : BinomialDistribution.of(n, 0.5).survivalProbability(wins - 1);
        return new PairedComparison(a.label(), b.label(), wins, losses, ra.size() - n, p, alpha);
    }

    /** Negative when x trained faster than y (see the class comment). */
    static int compare(TrainingResult.SeedRun x, TrainingResult.SeedRun y) {
        int c = Double.compare(steps(x), steps(y));
        return c != 0 ? c : Double.compare(loss(x), loss(y));
    }

    private static double steps(TrainingResult.SeedRun r) {
        return r.stepsToTarget() == null ? Double.POSITIVE_INFINITY : r.stepsToTarget();
    }

    private static double loss(TrainingResult.SeedRun r) {
        return Double.isNaN(r.finalLoss()) ? Double.POSITIVE_INFINITY : r.finalLoss();
    }

    /** {@code he_normal/tanh beats small_random/tanh on 10 of 10 seeds (0 ties), sign test p = 9.8e-04 <= 1e-03}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s beats %s on %d of %d seeds (%d ties), one-sided sign test p = %.2e %s "
                + "alpha %.0e", a, b, wins, wins + losses + ties, ties, pValue, holds() ? "<=" : ">", alpha);
    }
}
