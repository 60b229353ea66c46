package dev.initcheck.report;

import java.util.List;

/**
 * Everything one report shows: how the run was made, one entry per checked tensor, the tensors of the files that
 * were not checked ({@code check --report}), and, for the suite, the propagation, seed-experiment and symmetry
 * sections (null when absent), and the training study ({@code training}: loss curves with quartiles, steps to the
 * target with the median's order-statistic interval, gradient norms per layer at step 0, the claims; null when
 * absent). The writers ({@link ReportFiles}) render it as index.html, report.json, junit.xml
 * and summary.md.
 */
public record Report(RunInfo info, List<TensorResult> tensors, PropagationSection propagation,
                     SeedSection seedExperiment, SymmetrySection symmetry, List<Skipped> skipped,
                     TrainingSection training) {

    /** The version written into reports. */
    public static final String INITCHECK_VERSION = "0.1.0";

    public Report {
        tensors = List.copyOf(tensors);
        skipped = List.copyOf(skipped);
    }

    /** A report without a training section. */
    public Report(RunInfo info, List<TensorResult> tensors, PropagationSection propagation,
                  SeedSection seedExperiment, SymmetrySection symmetry, List<Skipped> skipped) {
        this(info, tensors, propagation, seedExperiment, symmetry, skipped, null);
    }

    /** A report without skipped tensors (generated values, or files of float tensors only). */
    public Report(RunInfo info, List<TensorResult> tensors, PropagationSection propagation,
                  SeedSection seedExperiment, SymmetrySection symmetry) {
        this(info, tensors, propagation, seedExperiment, symmetry, List.of(), null);
    }

    /**
     * A tensor with no verdict of its own: not checked (e.g. an int64 {@code bn.num_batches_tracked}), or, in an
     * audit, declared tied to another tensor (status pass or fail by the bit-for-bit comparison).
     *
     * @param file   the file, as the user wrote it
     * @param tensor the tensor's name
     * @param dtype  its element type as the file spells it
     * @param reason why it was not checked, or what the tie found
     * @param status {@code skipped}, or {@code pass}/{@code fail} for a tied tensor
     */
    public record Skipped(String file, String tensor, String dtype, String reason, String status) {
        /** A tensor that was not checked. */
        public Skipped(String file, String tensor, String dtype, String reason) {
            this(file, tensor, dtype, reason, "skipped");
        }

        /** {@code model.npz [bn.num_batches_tracked] (int64: not a float...)} */
        public String label() {
            return file + " [" + tensor + "] (" + dtype + ": " + reason + ")";
        }
    }

    /** True when every tensor conforms (and every tie holds) and every symmetry expectation holds. */
    public boolean passed() {
        return tensors.stream().allMatch(t -> t.verdict().passed() && !"fail".equals(t.status()))
                && skipped.stream().noneMatch(s -> s.status().equals("fail"))
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
