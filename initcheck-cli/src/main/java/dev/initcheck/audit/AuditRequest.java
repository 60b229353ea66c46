package dev.initcheck.audit;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.check.AlphaShare;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to audit and how.
 *
 * @param path             a tensor file or a model directory
 * @param policy           the policy file, or null
 * @param preset           the preset for tensors no rule declares, or null (the policy's, if it names one)
 * @param initializerRange the hf preset's standard deviation, or null (the policy's, then config.json's)
 * @param alpha            the run's false-alarm budget: a conforming checkpoint fails with probability ≤ alpha
 * @param strict           whether an inconclusive tensor fails the audit
 * @param ks               how KS is computed (exact, streaming, or by size)
 */
public record AuditRequest(Path path, Path policy, Preset preset, Double initializerRange, double alpha,
                           boolean strict, TensorCheck.KsMode ks) {
    public AuditRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(ks, "ks");
        AlphaShare.of(alpha); // 0 < alpha < 1
    }
}
