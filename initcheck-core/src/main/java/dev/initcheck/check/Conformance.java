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
 * <p>The tensor's false-alarm share {@code alphaPerTensor} is split equally (Bonferroni) among the stochastic checks
 * that run ({@link #stochasticChecks}); hard checks spend nothing. If any value is NaN or infinite, the finite check
 * fails and every other check is reported as not run. Checks are computed from {@link SampleMoments} and an
 * {@link EmpiricalCdf} where possible; orthogonality and duplicate rows/columns need the values as a matrix.
 */
public final class Conformance {
    private Conformance() {
    }

    /** Checks {@code valuesCOrder} (C order of the expectation's shape) against the expectation. */
    public static Verdict check(double[] valuesCOrder, Expectation e, Precision p, double alphaPerTensor) {
        return check(valuesCOrder, e, p, alphaPerTensor, null);
    }

    /** As {@link #check(double[], Expectation, Precision, double)}, recording the generator that made the values. */
    public static Verdict check(double[] valuesCOrder, Expectation e, Precision p, double alphaPerTensor,
                                SeededRandom source) {
        if (valuesCOrder.length != e.shape().size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "got %d values but shape %s has %d", valuesCOrder.length, e.shape(), e.shape().size()));
        }
        SampleMoments m = SampleMoments.of(valuesCOrder, e.distribution());
        return run(m, () -> SortedSample.of(valuesCOrder), valuesCOrder, null, e, p, alphaPerTensor, source);
    }

    /** As {@link #check(double[], Expectation, Precision, double)}, with the values already sorted once. */
    static Verdict check(double[] valuesCOrder, SortedSample sorted, Expectation e, Precision p,
                         double alphaPerTensor) {
        if (valuesCOrder.length != e.shape().size() || sorted.size() != valuesCOrder.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "got %d values (%d sorted) but shape %s has %d", valuesCOrder.length, sorted.size(), e.shape(),
                    e.shape().size()));
        }
        SampleMoments m = SampleMoments.of(valuesCOrder, e.distribution());
        return run(m, () -> sorted, valuesCOrder, null, e, p, alphaPerTensor, null);
    }

    /**
     * Checks a summary built elsewhere (e.g. chunk by chunk). Orthogonality cannot be checked from a summary (it is
     * then reported as not run) and duplicate rows/columns are left out.
     */
    public static Verdict check(SampleMoments moments, EmpiricalCdf ecdf, Expectation e, Precision p,
                                double alphaPerTensor) {
        return run(moments, () -> ecdf, null, null, e, p, alphaPerTensor, null);
    }

    /**
     * Checks a summary built elsewhere, with the streamed hashes of the rows and columns of its 2-D view for the
     * duplicate-row and duplicate-column checks ({@link LineHashes}); orthogonality is reported as not run.
     */
    public static Verdict check(SampleMoments moments, EmpiricalCdf ecdf, LineHashes lines, Expectation e,
                                Precision p, double alphaPerTensor) {
        return run(moments, () -> ecdf, null, lines, e, p, alphaPerTensor, null);
    }

    /** The stochastic checks a tensor of n values gets when its values are at hand: the Bonferroni divisor. */
    public static List<CheckName> stochasticChecks(Expectation e, long n, Precision p, double alphaPerTensor) {
        return stochasticChecks(e, n, p, alphaPerTensor, true);
    }

    /** As above; {@code matrix} false for a summary (no duplicate-row checks). */
    public static List<CheckName> stochasticChecks(Expectation e, long n, Precision p, double alphaPerTensor,
                                                   boolean matrix) {
        Distribution tested = Laws.effective(e.distribution(), n, alphaPerTensor);
        return CheckPlan.stochastic(CheckPlan.of(new Check.Subject(e, tested, n, p, matrix, Long.MAX_VALUE)));
    }

    /** Pearson correlation of two tensors over their first min(n_a, n_b) values, at false-alarm alpha. */
    public static CheckResult crossCorrelation(double[] a, double[] b, double alpha) {
        validateAlpha(alpha);
        return CrossCorrelationCheck.check(a, b, alpha);
    }

    private static Verdict run(SampleMoments m, Supplier<EmpiricalCdf> ecdf, double[] matrix, LineHashes lines,
                               Expectation e, Precision p, double alphaPerTensor, SeededRandom source) {
        validateAlpha(alphaPerTensor);
        if (m.count() == 0) {
            throw new IllegalArgumentException("no values to check");
        }
        Distribution tested = Laws.effective(e.distribution(), m.n(), alphaPerTensor);
        Check.Subject subject = new Check.Subject(e, tested, m.n(), p, matrix != null || lines != null,
                matrix == null && lines != null ? LineHashes.LEAD : Long.MAX_VALUE);
        List<Check> plan = CheckPlan.of(subject);
        int stochastic = CheckPlan.stochastic(plan).size();
        double alpha = stochastic == 0 ? 0 : AlphaBudget.perCheck(alphaPerTensor, stochastic);
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

    private static void validateAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }
}
