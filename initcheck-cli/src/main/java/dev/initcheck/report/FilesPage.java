package dev.initcheck.report;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * index.html of {@code check --report} and {@code audit --report}: one row per tensor, grouped by module (the name up
 * to its last dot), modules with failures first and failing tensors first within a module; a block per tensor that
 * did not pass, headed by its file and name, with every check that did not pass and its charts; charts of passing
 * tensors when there are at most {@value #CHART_ALL_UP_TO} tensors. Sections without content are left out.
 */
final class FilesPage {
    /** Up to this many tensors every tensor gets its charts; above, only those that did not pass. */
    static final int CHART_ALL_UP_TO = 12;

    private FilesPage() {
    }

    /** A table row: a checked tensor, or one without a verdict of its own. */
    record Row(TensorResult result, Report.Skipped other) {
        String status() {
            return result != null ? result.status() : other.status();
        }

        String tensor() {
            return result != null ? (result.tensor() != null ? result.tensor() : result.file()) : other.tensor();
        }

        String module() {
            String t = result != null ? result.tensor() : other.tensor();
            int dot = t == null ? -1 : t.lastIndexOf('.');
            return dot < 0 ? "" : t.substring(0, dot);
        }
    }

    /** fail, inconclusive, undeclared, pass, skipped. */
    static int rank(String status) {
        return switch (status) {
            case "fail" -> 0;
            case "inconclusive" -> 1;
            case "undeclared" -> 2;
            case "pass" -> 3;
            default -> 4;
        };
    }

    /** Rows grouped by module: modules by their worst status then name; in a module by status then name. */
    static Map<String, List<Row>> grouped(Report r) {
        List<Row> rows = new ArrayList<>();
        r.tensors().forEach(t -> rows.add(new Row(t, null)));
        r.skipped().forEach(s -> rows.add(new Row(null, s)));
        Map<String, Integer> worst = new LinkedHashMap<>();
        rows.forEach(x -> worst.merge(x.module(), rank(x.status()), Math::min));
        rows.sort(Comparator.comparing((Row x) -> worst.get(x.module())).thenComparing(Row::module)
                .thenComparing(x -> rank(x.status())).thenComparing(Row::tensor));
        Map<String, List<Row>> out = new LinkedHashMap<>();
        rows.forEach(x -> out.computeIfAbsent(x.module(), k -> new ArrayList<>()).add(x));
        return out;
    }

    static String write(Report r, List<String[]> related) {
        String command = r.info().command();
        StringBuilder b = new StringBuilder(1 << 18);
        Page.head(b, "initcheck " + command + " report");
        Map<String, List<Row>> groups = grouped(r);
        List<Row> all = groups.values().stream().flatMap(List::stream).toList();
        banner(b, r, all);
        meta(b, r);
        table(b, r, groups);
        List<TensorResult> bad = new ArrayList<>();
        List<TensorResult> good = new ArrayList<>();
        for (Row x : all) {
            if (x.result() != null) {
                (x.result().status().equals("pass") ? good : bad).add(x.result());
            }
        }
        boolean chartAll = r.tensors().size() <= CHART_ALL_UP_TO;
        if (!bad.isEmpty()) {
            b.append("<h2>Tensors that did not pass</h2>\n");
            List<List<String>> charts = bad.parallelStream().map(DistributionCharts::of).toList();
            for (int i = 0; i < bad.size(); i++) {
                detail(b, bad.get(i), charts.get(i));
            }
        }
        if (!chartAll && !good.isEmpty()) {
            b.append("<p>With more than ").append(CHART_ALL_UP_TO).append(" tensors, charts are drawn only for "
                    + "tensors that do not pass; the ").append(good.size()).append(" passing tensors are rows of the "
                    + "table.</p>\n");
        }
        if (!good.isEmpty() && chartAll && good.stream().anyMatch(t -> t.chart() != null)) {
            b.append("<h2>Passing tensors</h2>\n");
            List<List<String>> charts = good.parallelStream().map(DistributionCharts::of).toList();
            for (int i = 0; i < good.size(); i++) {
                detail(b, good.get(i), charts.get(i));
            }
        }
        Page.related(b, related);
        return b.append("</body></html>\n").toString();
    }

    private static void banner(StringBuilder b, Report r, List<Row> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : List.of("pass", "fail", "inconclusive", "undeclared", "skipped")) {
            int c = (int) rows.stream().filter(x -> x.status().equals(s)).count();
            if (c > 0) {
                counts.put(s, c);
            }
        }
        String overall = r.passed() ? "pass" : counts.containsKey("fail") ? "fail" : "inconclusive";
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + " " + k));
        Page.banner(b, overall, Page.upper(overall) + ": " + Page.plural(rows.size(), "tensor") + ", "
                + String.join(", ", parts));
    }

    private static void meta(StringBuilder b, Report r) {
        Report.RunInfo i = r.info();
        b.append("<table class=\"meta\">");
        List<String> files = r.tensors().stream().map(TensorResult::file).distinct().toList();
        Page.metaRow(b, "what", i.command().equals("audit")
                ? "every tensor of the checkpoint against the law its policy or preset declares; tensors nothing "
                + "declares are identified (the law fitted to their values)"
                : "the tensors of " + (files.size() == 1 ? files.get(0) : files.size() + " files")
                + " against the declared scheme");
        Page.metaRow(b, "false-alarm budget", Html.num(i.alpha()) + " for the whole run, split equally over the "
                + Page.plural(r.tensors().size(), "examined tensor") + " (Bonferroni), then over each tensor's "
                + "stochastic checks");
        Page.metaRow(b, "initcheck, JDK", Report.INITCHECK_VERSION + ", " + System.getProperty("java.version"));
        Page.metaRow(b, "generated at", i.generatedAt());
        b.append("</table>\n");
    }

    private static void table(StringBuilder b, Report r, Map<String, List<Row>> groups) {
        boolean audit = r.tensors().stream().anyMatch(t -> t.audit() != null);
        boolean fitted = r.tensors().stream().anyMatch(t -> t.audit() != null && t.audit().fitted() != null);
        b.append("<h2>Tensors</h2>\n<p>One row per tensor, grouped by module; modules with failures first; status and failed checks come first so "
                + "that they stay in view on a narrow screen. δ: the "
                + "smallest relative scale error σ → σ(1 ± δ) the second-moment check detects with probability "
                + "0.999 (grey above 100%, — when it does not apply).</p>\n<div class=\"scroll\"><table><tr>"
                + "<th>tensor</th><th>status</th><th>failed checks</th><th>shape</th><th>")
                .append(audit ? "dtype" : "precision").append("</th><th>declared law</th>")
                .append(fitted ? "<th>fitted law</th>" : "").append("<th>δ</th></tr>\n");
        int cols = fitted ? 8 : 7;
        int id = 0;
        for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
            if (groups.size() > 1) {
                b.append("<tr class=\"module\"><td colspan=\"").append(cols).append("\"><code>")
                        .append(Html.esc(g.getKey().isEmpty() ? "(top level)" : g.getKey())).append("</code></td></tr>\n");
            }
            for (Row x : g.getValue()) {
                row(b, x, fitted, ++id);
            }
        }
        b.append("</table></div>\n");
    }

    private static void row(StringBuilder b, Row x, boolean fitted, int id) {
        TensorResult t = x.result();
        b.append("<tr><td class=\"name\"><code>");
        if (t != null && !t.status().equals("pass")) {
            b.append("<a href=\"#").append(anchor(t)).append("\">").append(Html.esc(x.tensor())).append("</a>");
        } else {
            b.append(Html.esc(x.tensor()));
        }
        b.append("</code></td>");
        if (t == null) {
            Report.Skipped s = x.other();
            b.append("<td>").append(Page.pill(s.status())).append("</td><td></td><td></td><td>")
                    .append(Html.esc(s.dtype())).append("</td><td class=\"law\" colspan=\"").append(fitted ? 2 : 1)
                    .append("\">").append(Html.esc(s.reason())).append("</td><td></td></tr>\n");
            return;
        }
        b.append("<td>").append(Page.pill(t.status())).append("</td><td class=\"law\">")
                .append(Html.esc(HtmlReport.notPassed(t))).append("</td><td class=\"nw\">").append(t.shape())
                .append("</td><td>").append(Html.esc(t.audit() != null ? t.audit().dtype()
                        : t.verdict().precision().id()))
                .append("</td><td class=\"law\">").append(declared(t)).append("</td>");
        if (fitted) {
            b.append("<td class=\"law\">").append(t.audit() != null && t.audit().fitted() != null
                    ? Html.esc(t.audit().fitted())
                    : "").append("</td>");
        }
        HtmlReport.delta(b, ReportJson.detectable(t, CheckName.SECOND_MOMENT));
        b.append("</tr>\n");
    }

    private static String declared(TensorResult t) {
        if (t.audit() != null) {
            return t.audit().declared() == null ? "<i>undeclared</i>" : Html.esc(t.audit().declared());
        }
        return "<code>" + Html.esc(t.scheme()) + "</code>: " + Html.esc(t.verdict().expectation().distribution()
                .describe());
    }

    static String anchor(TensorResult t) {
        return "t-" + Integer.toHexString(Ids.of(t).hashCode());
    }

    /** A block headed by the tensor's file and name: status, laws, every check that did not pass, charts. */
    static void detail(StringBuilder b, TensorResult t, List<String> charts) {
        String status = t.status();
        b.append("<section class=\"detail ").append(status).append("\" id=\"").append(anchor(t)).append("\"><h3>");
        if (t.file() != null) {
            b.append("<code>").append(Html.esc(t.tensor() != null ? t.tensor() : t.file())).append("</code> in <code>")
                    .append(Html.esc(t.file())).append("</code>");
        } else {
            b.append("<code>").append(Html.esc(t.label())).append("</code>");
        }
        b.append(' ').append(Page.pill(status)).append("</h3>\n<p>");
        if (t.audit() != null) {
            b.append(t.audit().declared() != null ? "declared: " + Html.esc(t.audit().declared()) : "undeclared");
            if (t.audit().fitted() != null) {
                b.append("; fitted: ").append(Html.esc(t.audit().fitted()));
            }
            b.append("; ");
        }
        b.append("checked against <code>").append(Html.esc(t.scheme())).append("</code> = ")
                .append(Html.esc(t.verdict().expectation().distribution().describe())).append(", shape ")
                .append(t.shape()).append(", n = ").append(t.verdict().n()).append(", ")
                .append(t.verdict().precision().id()).append("</p>\n");
        List<CheckResult> shown = t.verdict().checks().stream()
                .filter(c -> c.outcome() != CheckResult.Outcome.PASSED).toList();
        if (!shown.isEmpty()) {
            b.append("<ul class=\"checks\">");
            for (CheckResult c : shown) {
                b.append("<li><b>").append(c.name().id()).append("</b> ").append(c.outcome().id().replace('_', ' '))
                        .append(": <span class=\"msg\">").append(Html.esc(c.message())).append("</span></li>");
            }
            b.append("</ul>\n");
        }
        if (t.chart() != null && t.chart().none() != null) {
            b.append("<p>No distribution chart: ").append(Html.esc(t.chart().none())).append("</p>\n");
        }
        Page.charts(b, charts);
        b.append("</section>\n");
    }
}
