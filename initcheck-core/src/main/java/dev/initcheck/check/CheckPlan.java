package dev.initcheck.check;

import java.util.List;

/**
 * Every per-tensor {@link Check}, in the order they run, and the plan of one tensor: the checks that apply to it.
 *
 * <ul>
 *   <li>every tensor: finite;</li>
 *   <li>point mass (zeros, ones, constant): point_mass;</li>
 *   <li>orthogonal: support (|w| &lt;= gain) and orthogonality;</li>
 *   <li>i.i.d. uniform / normal / truncated normal: support and endpoint (bounded laws), ks, second_moment, mean,
 *       tail (untruncated normal, or a truncation too far out to matter, which is tested as its parent: no endpoint
 *       then, see {@link Laws#effective}), duplicate_rows and duplicate_columns (when the 2-D view is at hand and a
 *       chance coincidence is negligible), lag1_correlation (n &gt;= {@value Lag1CorrelationCheck#MIN_N}).</li>
 * </ul>
 * Each check says itself whether it applies ({@link Check#appliesTo}); this class only fixes the order.
 */
final class CheckPlan {
    /** Every per-tensor check, finite first. */
    static final List<Check> ALL = List.of(new FiniteCheck(), new PointMassCheck(), new SupportCheck(),
            new OrthogonalityCheck(), new EndpointCheck(), new KolmogorovSmirnovCheck(), new SecondMomentCheck(),
            new MeanCheck(), new TailCheck(), DuplicateLinesCheck.ROWS, DuplicateLinesCheck.COLUMNS,
            new Lag1CorrelationCheck());

    private CheckPlan() {
    }

    /** The checks of {@code s}, in order; the first is always finite. */
    static List<Check> of(Check.Subject s) {
        return ALL.stream().filter(c -> c.appliesTo(s)).toList();
    }

    /** The names of the stochastic checks of a plan: the Bonferroni divisor of the tensor's share. */
    static List<CheckName> stochastic(List<Check> plan) {
        return plan.stream().filter(Check::stochastic).map(Check::name).toList();
    }
}
