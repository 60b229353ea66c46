package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.sample.EmpiricalCdf;
import dev.initcheck.sample.LineHashes;
import dev.initcheck.sample.SampleMoments;
import dev.initcheck.sample.SortedSample;
import dev.initcheck.scheme.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Runs the checks a declared law gets ({@link CheckPlan}: one {@link Check} class each) and returns a
 * {@link Verdict}.
 *
 * <p>The tensor's false-alarm share is split equally (Bonferroni, {@link AlphaShare#split}) among the stochastic
 * checks that run ({@link #stochasticChecks}); hard checks spend nothing. If any value is NaN or infinite, the finite
 * check fails and every other check is reported as not run. Checks are computed from {@link SampleMoments} and an
 * {@link EmpiricalCdf} where possible; orthogonality and duplicate rows/columns need the values as a matrix (or, for
 * duplicates, the streamed {@link LineHashes}).
 */
public final class Conformance {
    private Conformance() {
    }

    /**
     * Checks values against what their scheme promises, at false-alarm probability {@code alpha}.
     *
     * @param valuesCOrder the tensor's values in C (row-major) order of {@code e.shape()}
     * @param e            the declared scheme resolved on the tensor's shape and layout
     * @param p            the precision the values were stored in (sets the law as stored and the hard checks' slack)
     * @param alpha        the probability that correct values fail, {@code 0 < alpha < 1}
     * @return the verdict, every check with its statistic, threshold, power figure and message
     * @throws IllegalArgumentException if the number of values is not the shape's size, there are none, or alpha is
     *                                  outside (0, 1)
     */
    public static Verdict check(double[] valuesCOrder, Expectation e, Precision p, double alpha) {
        return check(valuesCOrder, e, p, AlphaShare.of(alpha), null);
    }

    /**
     * As {@link #check(double[], Expectation, Precision, double)}, with the tensor's share of a run's budget.
     *
     * @param valuesCOrder the values in C order of {@code e.shape()}
     * @param e            the declared expectation
     * @param p            the stored precision
     * @param share        the tensor's false-alarm share ({@link AlphaBudget#tensorShare})
     * @return the verdict
     */
    public static Verdict check(double[] valuesCOrder, Expectation e, Precision p, AlphaShare share) {
        return check(valuesCOrder, e, p, share, null);
    }

    /**
     * As {@link #check(double[], Expectation, Precision, AlphaShare)}, recording the generator that made the values.
     *
     * @param valuesCOrder the values in C order of {@code e.shape()}
     * @param e            the declared expectation
     * @param p            the stored precision
     * @param share        the tensor's false-alarm share
     * @param source       the generator and seed that produced the values, or null
     * @return the verdict, its {@link Verdict#source()} set to {@code source}
     */
    public static Verdict check(double[] valuesCOrder, Expectation e, Precision p, AlphaShare share,
                                SeededRandom source) {
        requireShape(valuesCOrder.length, e);
        SampleMoments m = SampleMoments.of(valuesCOrder, e.distribution());
        return run(m, () -> SortedSample.of(valuesCOrder), valuesCOrder, null, e, p, share, source);
    }

    /** As {@link #check(double[], Expectation, Precision, AlphaShare)}, with the values already sorted once. */
    static Verdict check(double[] valuesCOrder, SortedSample sorted, Expectation e, Precision p, AlphaShare share) {
        requireShape(valuesCOrder.length, e);
        if (sorted.size() != valuesCOrder.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "got %d values but %d sorted",
                    valuesCOrder.length, sorted.size()));
        }
        SampleMoments m = SampleMoments.of(valuesCOrder, e.distribution());
        return run(m, () -> sorted, valuesCOrder, null, e, p, share, null);
    }

    /**
     * Checks a summary built elsewhere (e.g. chunk by chunk). Orthogonality cannot be checked from a summary (it is
     * then reported as not run) and duplicate rows/columns are left out.
     *
     * @param moments the values' moments about the declared mean ({@link SampleMoments#of})
     * @param ecdf    their empirical CDF (a sorted sample, or a binned summary whose KS distance is bounded)
     * @param e       the declared expectation
     * @param p       the stored precision
     * @param share   the tensor's false-alarm share
     * @return the verdict
     */
    public static Verdict check(SampleMoments moments, EmpiricalCdf ecdf, Expectation e, Precision p,
                                AlphaShare share) {
        return run(moments, () -> ecdf, null, null, e, p, share, null);
    }

    /**
     * Checks a summary built elsewhere, with the streamed hashes of the rows and columns of its 2-D view for the
     * duplicate-row and duplicate-column checks ({@link LineHashes}); orthogonality is reported as not run.
     *
     * @param moments the values' moments about the declared mean
     * @param ecdf    their empirical CDF
     * @param lines   the row and column hashes of the 2-D view, or null to leave the duplicate checks out
     * @param e       the declared expectation
     * @param p       the stored precision
     * @param share   the tensor's false-alarm share
     * @return the verdict
     */
    public static Verdict check(SampleMoments moments, EmpiricalCdf ecdf, LineHashes lines, Expectation e,
                                Precision p, AlphaShare share) {
        return run(moments, () -> ecdf, null, lines, e, p, share, null);
    }

    /**
     * The stochastic checks a tensor of n values gets when its values are at hand: the Bonferroni divisor.
     *
     * @param e     the declared expectation
     * @param n     number of values
     * @param p     the stored precision
     * @param share the tensor's false-alarm share (a truncation too far out to matter at this share is tested as
     *              its parent normal, which changes the plan)
     * @return the names of the checks that spend a part of {@code share}, in the order they run
     */
    public static List<CheckName> stochasticChecks(Expectation e, long n, Precision p, AlphaShare share) {
        return stochasticChecks(e, n, p, share, true);
    }

    /**
     * As {@link #stochasticChecks(Expectation, long, Precision, AlphaShare)}.
     *
     * @param e      the declared expectation
     * @param n      number of values
     * @param p      the stored precision
     * @param share  the tensor's false-alarm share
     * @param matrix false for a summary without line hashes (no duplicate-row checks)
     * @return the names of the stochastic checks
     */
    public static List<CheckName> stochasticChecks(Expectation e, long n, Precision p, AlphaShare share,
                                                   boolean matrix) {
        Distribution tested = Laws.effective(e.distribution(), n, share.value());
        return CheckPlan.stochastic(CheckPlan.of(new Check.Subject(e, tested, n, p, matrix, Long.MAX_VALUE)));
    }

    /**
     * Pearson correlation of two tensors over their first min(n_a, n_b) values ({@link CrossCorrelationCheck}).
     *
     * @param a     the first tensor's values in storage order
     * @param b     the second tensor's values in storage order
     * @param share the pair's false-alarm share ({@link AlphaBudget#pairShare})
     * @return the cross_correlation result; not run when either prefix has zero variance
     * @throws IllegalArgumentException if fewer than 3 values align
     */
    public static CheckResult crossCorrelation(double[] a, double[] b, AlphaShare share) {
        return CrossCorrelationCheck.check(a, b, share.value());
    }

    private static void requireShape(int count, Expectation e) {
        if (count != e.shape().size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "got %d values but shape %s has %d", count, e.shape(), e.shape().size()));
        }
    }

    private static Verdict run(SampleMoments m, Supplier<EmpiricalCdf> ecdf, double[] matrix, LineHashes lines,
                               Expectation e, Precision p, AlphaShare share, SeededRandom source) {
        if (m.count() == 0) {
            throw new IllegalArgumentException("no values to check");
        }
        Distribution tested = Laws.effective(e.distribution(), m.n(), share.value());
        Check.Subject subject = new Check.Subject(e, tested, m.n(), p, matrix != null || lines != null,
                matrix == null && lines != null ? LineHashes.LEAD : Long.MAX_VALUE);
        List<Check> plan = CheckPlan.of(subject);
        int stochastic = CheckPlan.stochastic(plan).size();
        double alpha = stochastic == 0 ? 0 : share.split(stochastic).value();
        Check.Evidence evidence = new Check.Evidence(subject, m, ecdf, matrix, lines);
        List<CheckResult> results = new ArrayList<>();
        CheckResult finite = plan.get(0).run(evidence, 0);
        results.add(finite);
        for (Check c : plan.subList(1, plan.size())) {
            results.add(finite.passed() ? c.run(evidence, c.stochastic() ? alpha : 0)
                    : CheckResult.notRun(c.name(), !c.stochastic(), "the tensor has NaN or infinite values"));
        }
        double spent = finite.passed() ? alpha * stochastic : 0;
        return new Verdict(e, m.count(), p, spent, results, source);
    }
}
