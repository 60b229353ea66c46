package dev.initcheck.cli;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.audit.AuditResult;
import dev.initcheck.audit.TensorAudit;
import dev.initcheck.audit.TensorStatus;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code audit --report DIR}: the four report files, failing tensors first, then by module path (so a module's
 * tensors sit together); tied tensors and stream reuse appear as checks of the tensors they concern, undeclared
 * tensors with the checks of the law identified for them, skipped tensors in the skipped list.
 */
final class AuditReport {
    private AuditReport() {
    }

    static void write(Path dir, AuditResult r) throws IOException, TensorFormatException {
        List<TensorAudit> ordered = new ArrayList<>(r.tensors());
        ordered.sort(Comparator.comparing((TensorAudit t) -> t.status() != TensorStatus.FAIL)
                .thenComparing(TensorAudit::module));
        List<CheckReport.Item> items = new ArrayList<>();
        List<Report.Skipped> skipped = new ArrayList<>();
        for (TensorAudit t : ordered) {
            Verdict v = t.verdict() != null ? t.verdict() : t.identified() != null ? t.identified().verdict() : null;
            if (v == null) {
                if (t.status() == TensorStatus.SKIPPED || t.crossChecks().isEmpty()) {
                    skipped.add(new Report.Skipped(t.file().toString(), t.tensor(), t.dtype(), t.note() != null
                            ? t.note() : t.declaration() != null ? t.declaration().origin() : t.status().id()));
                }
                continue;
            }
            List<CheckResult> all = new ArrayList<>(v.checks());
            all.addAll(t.crossChecks());
            Verdict withCross = new Verdict(v.expectation(), v.n(), v.precision(), v.alpha(), all, v.source());
            items.add(new CheckReport.Item(t.file().toString(), new TensorCheck.Target(t.file(), t.tensor()), null,
                    withCross));
        }
        CheckReport.write(dir, items, skipped, r.alpha());
    }
}
