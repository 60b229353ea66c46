package dev.initcheck.audit;

import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit of one tensor.
 *
 * @param tensor      its name
 * @param file        the file that holds it
 * @param shape       its dimensions
 * @param dtype       its element type as the file spells it
 * @param declaration the rule or preset that declares it, or null (undeclared, or a non-float tensor)
 * @param status      the conclusion
 * @param verdict     the declared law's checks, or null (skipped, tied, undeclared)
 * @param crossChecks checks against other tensors: {@code tied} (declared ties) and {@code stream_reuse}
 * @param identified  the law that explains an undeclared tensor, or null
 * @param note        why a tensor was skipped or not identified, or null
 * @param path        how its values were checked: {@code exact} (read whole and sorted), {@code streaming} (one
 *                    pass, binned KS bounds), {@code streaming, then exact} (the bounds straddled the KS gate), or
 *                    null when nothing was checked
 * @param seconds     wall-clock time of reading and checking (or identifying) it; NaN when it was not examined
 */
public record TensorAudit(String tensor, Path file, long[] shape, String dtype, Declaration declaration,
                          TensorStatus status, Verdict verdict, List<CheckResult> crossChecks, Identified identified,
                          String note, String path, double seconds) {
    public TensorAudit {
        shape = shape.clone();
        crossChecks = List.copyOf(crossChecks);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Every check that rejected, the declared law's and the cross-tensor ones. */
    public List<CheckResult> failures() {
        List<CheckResult> out = new ArrayList<>();
        if (verdict != null) {
            out.addAll(verdict.failures());
        }
        crossChecks.stream().filter(CheckResult::failed).forEach(out::add);
        return out;
    }

    /** The module path: the name up to its last dot ({@code transformer.h.0.attn}), "" at top level. */
    public String module() {
        int dot = tensor.lastIndexOf('.');
        return dot < 0 ? "" : tensor.substring(0, dot);
    }
}
