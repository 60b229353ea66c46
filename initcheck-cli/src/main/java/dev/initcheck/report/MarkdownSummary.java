package dev.initcheck.report;

import dev.initcheck.check.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * summary.md, for CI step summaries: the overall verdict and counts; for the suite the grid schemes × shapes with
 * ✓/✗, for files ({@code check}, {@code audit}) a list {@code tensor | shape | status | failed checks}, one row per
 * tensor, failing first; then every failing check with its message.
 */
public final class MarkdownSummary {
    private MarkdownSummary() {
    }

    public static String write(Report r) {
        StringBuilder b = new StringBuilder();
        long failed = r.tensors().stream().filter(t -> t.verdict().failed()).count();
        long passed = r.tensors().stream().filter(t -> t.verdict().passed()).count();
        b.append("# initcheck ").append(r.info().command()).append(": ")
                .append(r.passed() ? "PASS ✓" : failed > 0 ? "FAIL ✗" : "INCONCLUSIVE ?").append("\n\n");
        b.append(String.format(Locale.ROOT, "%d tensors checked, %d passed, %d failed, %d inconclusive; false-alarm"
                + " budget %s", r.tensors().size(), passed, failed, r.tensors().size() - passed - failed,
                fmt(r.info().alpha())));
        if (r.info().seed() != null) {
            b.append(", seed ").append(r.info().seed()).append(" (").append(r.info().generator()).append(')');
        }
        b.append(".\n\n");
        if (!r.skipped().isEmpty() && r.info().command().equals("suite")) {
            b.append("Not checked (").append(r.skipped().size()).append("):");
            r.skipped().forEach(x -> b.append(" `").append(x.label()).append('`'));
            b.append(".\n\n");
        }
        if (r.info().command().equals("suite")) {
            table(b, r);
        } else {
            list(b, r);
        }
        if (failed > 0) {
            b.append("\n## Failing checks\n\n");
            for (TensorResult t : r.tensors()) {
                for (CheckResult c : t.verdict().failures()) {
                    b.append("- `").append(t.audit() != null && t.tensor() != null ? t.tensor() : Ids.of(t))
                            .append("` **").append(c.name().id()).append("**: ")
                            .append(c.message().replace("\n", " ")).append('\n');
                }
            }
        }
        if (r.symmetry() != null) {
            b.append("\n## Symmetry under training\n\n");
            for (SymmetrySection.Trace t : r.symmetry().traces()) {
                b.append("- ").append(t.asExpected() ? "✓ " : "✗ ").append(t.label()).append(" (`").append(t.scheme())
                        .append("`): ").append(t.expectSymmetric() ? "units stay identical" : "units differ")
                        .append(t.asExpected() ? "" : " — NOT as expected").append('\n');
            }
        }
        b.append("\nFull report: `index.html`, data: `report.json`, test cases: `junit.xml`.\n");
        return b.toString();
    }

    private static void table(StringBuilder b, Report r) {
        Map<String, Map<String, TensorResult>> grid = new LinkedHashMap<>();
        Set<String> columns = new LinkedHashSet<>();
        for (TensorResult t : r.tensors()) {
            String row = t.file() != null ? Ids.of(t) : t.scheme();
            String col = t.shapeLabel() + " " + t.layout();
            columns.add(col);
            grid.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(col, t);
        }
        List<String> cols = new ArrayList<>(columns);
        b.append("| scheme |");
        cols.forEach(c -> b.append(' ').append(c).append(" |"));
        b.append("\n|---|");
        cols.forEach(c -> b.append(":-:|"));
        b.append('\n');
        for (Map.Entry<String, Map<String, TensorResult>> row : grid.entrySet()) {
            b.append("| `").append(row.getKey()).append("` |");
            for (String c : cols) {
                TensorResult t = row.getValue().get(c);
                b.append(' ').append(t == null ? "" : t.verdict().passed() ? "✓"
                        : (t.verdict().failed() ? "✗ " : "? ") + failing(t)).append(" |");
            }
            b.append('\n');
        }
    }

    /** One row per tensor (and per tensor without a verdict), in the order of the HTML table. */
    private static void list(StringBuilder b, Report r) {
        b.append("| tensor | shape | status | failed checks |\n|---|---|---|---|\n");
        for (java.util.List<FilesPage.Row> g : FilesPage.grouped(r).values()) {
            for (FilesPage.Row x : g) {
                TensorResult t = x.result();
                String name = t == null ? x.tensor() : t.file() != null && t.tensor() != null && t.audit() == null
                        ? Ids.of(t) : x.tensor();
                b.append("| `").append(cell(name)).append("` | ").append(t == null ? x.other().dtype()
                        : t.shape().toString()).append(" | ").append(x.status().equals("fail") ? "**fail**"
                        : x.status()).append(" | ").append(cell(t == null ? (x.status().equals("skipped") ? ""
                        : x.other().reason()) : failing(t))).append(" |\n");
            }
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String failing(TensorResult t) {
        return HtmlReport.notPassed(t);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
