package dev.initcheck.audit;

import dev.initcheck.check.AlphaBudget;
import java.nio.file.Path;
import java.util.List;

/**
 * The audit of a checkpoint.
 *
 * @param path     what was audited
 * @param policy   the policy file, or null
 * @param preset   the preset used, or null
 * @param budget   the run's false-alarm budget over the tensors it examined (checked against a declared law or
 *                 identified); ties and stream reuse are deterministic and spend none
 * @param strict   whether inconclusive tensors fail the audit
 * @param tensors  every tensor of the checkpoint, in file order
 */
public record AuditResult(Path path, Path policy, Preset preset, AlphaBudget budget, boolean strict,
                          List<TensorAudit> tensors) {
    public AuditResult {
        tensors = List.copyOf(tensors);
    }

    /** @return the run's false-alarm probability */
    public double alpha() {
        return budget.total();
    }

    /** @return the share of each examined tensor: alpha over the tensors examined (Bonferroni) */
    public double perTensor() {
        return budget.tensorShare().value();
    }

    /** @return the number of tensors examined */
    public int examined() {
        return budget.tensors();
    }

    /** Whether the checkpoint conforms: no tensor fails, and none is inconclusive under {@code --strict}. */
    public boolean conforms() {
        return tensors.stream().noneMatch(t -> t.status() == TensorStatus.FAIL
                || (strict && t.status() == TensorStatus.INCONCLUSIVE));
    }

    /** {@code pass} or {@code fail}. */
    public String verdict() {
        return conforms() ? "pass" : "fail";
    }

    /** How many tensors have this status. */
    public long count(TensorStatus s) {
        return tensors.stream().filter(t -> t.status() == s).count();
    }
}
