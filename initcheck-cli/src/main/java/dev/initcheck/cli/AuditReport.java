package dev.initcheck.cli;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.audit.AuditResult;
import dev.initcheck.audit.TensorAudit;
import dev.initcheck.audit.TensorStatus;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.report.Report;
import dev.initcheck.report.TensorResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code audit --report DIR}: the four report files, one entry per tensor of the checkpoint. A tensor with a
 * verdict (declared, or identified when undeclared) carries its audit status, dtype, the declaration (scheme and the
 * rule or preset that made it) and the fitted law; its cross-tensor checks (ties, stream reuse) are appended to its
 * checks. A tensor without one — skipped, or declared tied to another — is listed with its status and the reason.
 * Failing tensors come first, then by module; the page groups them by module.
 */
final class AuditReport {
    private AuditReport() {
    }

    static void write(Path dir, AuditResult r) throws IOException, TensorFormatException {
        List<CheckReport.Item> items = new ArrayList<>();
        List<Report.Skipped> others = new ArrayList<>();
        List<TensorAudit> ordered = new ArrayList<>(r.tensors()); // report.json: failing first, then by module
        ordered.sort(Comparator.comparing((TensorAudit t) -> t.status() != TensorStatus.FAIL)
                .thenComparing(TensorAudit::module));
        for (TensorAudit t : ordered) {
            Verdict v = t.verdict() != null ? t.verdict() : t.identified() != null ? t.identified().verdict() : null;
            if (v == null) {
                String reason = t.note() != null ? t.note() : t.declaration() != null ? t.declaration().origin()
                        : t.status().id();
                List<String> ties = t.crossChecks().stream().map(c -> c.name().id() + ": " + c.message()).toList();
                if (!ties.isEmpty()) {
                    reason = String.join("; ", ties) + (t.declaration() != null ? " [" + t.declaration().origin()
                            + "]" : "");
                }
                others.add(new Report.Skipped(t.file().toString(), t.tensor(), t.dtype(), reason, t.status().id()));
                continue;
            }
            List<CheckResult> all = new ArrayList<>(v.checks());
            all.addAll(t.crossChecks());
            Verdict withCross = new Verdict(v.expectation(), v.n(), v.precision(), v.alpha(), all, v.source());
            String declared = t.declaration() == null ? null : t.declaration().scheme() + " ["
                    + t.declaration().origin() + "]";
            String fitted = t.identified() == null ? null : t.identified().description();
            items.add(new CheckReport.Item(t.file().toString(), new TensorCheck.Target(t.file(), t.tensor()), null,
                    withCross, t.seconds(), new TensorResult.Audited(t.status().id(), t.dtype(), declared, fitted)));
        }
        CheckReport.write(dir, "audit", items, others, r.alpha());
    }
}
