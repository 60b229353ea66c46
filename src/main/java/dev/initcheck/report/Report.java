package dev.initcheck.report;

import java.util.List;

/**
 * Everything one report shows: how the run was made, one entry per checked tensor, and, for the suite, the
 * propagation, seed-experiment and symmetry sections (null when absent, e.g. for {@code check --report}).
 * The writers ({@link ReportFiles}) render it as index.html, report.json, junit.xml and summary.md.
 */
public record Report(RunInfo info, List<TensorResult> tensors, PropagationSection propagation,
                     SeedSection seedExperiment, SymmetrySection symmetry) {

    /** The version written into reports. */
    public static final String INITCHECK_VERSION = "0.1.0";

    public Report {
        tensors = List.copyOf(tensors);
    }

    /** True when every tensor conforms and every symmetry expectation holds. */
    public boolean passed() {
        return tensors.stream().allMatch(t -> t.verdict().passed())
                && (symmetry == null || symmetry.traces().stream().allMatch(SymmetrySection.Trace::asExpected));
    }

    /**
     * How the run was made.
     *
     * @param command     the command that made the report, e.g. {@code suite} or {@code check}
     * @param seed        the run's seed; null when the values came from files
     * @param generator   the generator's name; null when the values came from files
     * @param alpha       the run's total false-alarm budget (Bonferroni over every tensor)
     * @param samples     values per (scheme, shape) requested; null for the shape's size or for files
     * @param generatedAt ISO-8601 timestamp, the only field that differs between two runs with the same seed
     */
    public record RunInfo(String command, Long seed, String generator, double alpha, Long samples,
                          String generatedAt) {
    }
}
