package dev.initcheck.report;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.propagation.PropagationRow;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * index.html: one self-contained page (charts as PNG data URIs, inline CSS, no script, no external resource) with
 * the verdict table, the distribution charts of one representative shape per scheme, and the suite's sections.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:24px auto;max-width:1640px;\
            color:#222;padding:0 16px}
            h1{margin-bottom:4px}h2{border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:40px}
            table{border-collapse:collapse;font-size:13px;margin:8px 0}
            th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}.inconclusive{color:#9a6700;font-weight:600}
            .banner{padding:10px 14px;border-radius:6px;font-size:18px;margin:12px 0}
            .banner.pass{background:#dafbe1}.banner.fail{background:#ffebe9}.banner.inconclusive{background:#fff8c5}
            .charts{display:grid;grid-template-columns:repeat(3,1fr);gap:10px;margin:6px 0 18px}
            figure{margin:0}figure img{width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:12px;color:#555}code{font-size:12px}.meta td{border:none;padding:1px 8px}
            """;

    private HtmlReport() {
    }

    public static String write(Report r) {
        StringBuilder b = new StringBuilder(1 << 20);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>initcheck ")
                .append(Html.esc(r.info().command())).append(" report</title>\n<style>\n").append(CSS)
                .append("</style></head>\n<body>\n<h1>initcheck ").append(Html.esc(r.info().command()))
                .append(" report</h1>\n");
        meta(b, r);
        verdicts(b, r);
        distributions(b, r);
        if (r.propagation() != null) {
            propagation(b, r.propagation());
        }
        if (r.seedExperiment() != null) {
            seed(b, r.seedExperiment());
        }
        if (r.symmetry() != null) {
            symmetry(b, r.symmetry());
        }
        b.append("<h2>Third-party validation</h2>\n<p>Encog and Deeplearning4j initializers held to their own "
                + "documentation: <a href=\"third-party.md\">third-party.md</a>. Speed and agreement with SciPy: "
                + "<a href=\"bench.md\">bench.md</a>. Both are produced by their own commands and committed beside "
                + "this report.</p>\n</body></html>\n");
        return b.toString();
    }

    private static void meta(StringBuilder b, Report r) {
        Report.RunInfo i = r.info();
        long passed = r.tensors().stream().filter(t -> t.verdict().passed()).count();
        long failed = r.tensors().stream().filter(t -> t.verdict().failed()).count();
        String cls = r.passed() ? "pass" : failed > 0 ? "fail" : "inconclusive";
        b.append("<div class=\"banner ").append(cls).append("\">").append(cls.toUpperCase(java.util.Locale.ROOT))
                .append(": ").append(passed).append(" of ").append(r.tensors().size()).append(" tensors conform")
                .append(failed > 0 ? ", " + failed + " fail" : "")
                .append(r.tensors().size() - passed - failed > 0 ? ", " + (r.tensors().size() - passed - failed)
                        + " inconclusive (too few values to tell)" : "")
                .append("</div>\n<table class=\"meta\">");
        row(b, "false-alarm budget", Html.num(i.alpha()) + " for the whole run (Bonferroni over "
                + r.tensors().size() + " tensors, then over each tensor's stochastic checks)");
        if (i.seed() != null) {
            row(b, "generator, seed", i.generator() + ", " + i.seed());
        }
        if (!r.skipped().isEmpty()) {
            row(b, "not checked", String.join("; ", r.skipped().stream().map(Report.Skipped::label).toList()));
        }
        row(b, "initcheck, JDK", Report.INITCHECK_VERSION + ", " + System.getProperty("java.version"));
        row(b, "generated at", i.generatedAt());
        b.append("</table>\n");
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><td>").append(Html.esc(k)).append("</td><td>").append(Html.esc(v)).append("</td></tr>");
    }

    private static void verdicts(StringBuilder b, Report r) {
        b.append("<h2>Verdicts</h2>\n<p>Smallest detectable scale error: the relative error σ → σ(1 ± δ) that the "
                + "second-moment and KS checks of this run detect with probability 0.999 at their false-alarm share."
                + "</p>\n<table><tr><th>scheme</th><th>shape</th><th>layout</th><th>n</th><th>expected law</th>"
                + "<th>verdict</th><th>detectable δ (second moment)</th><th>detectable δ (KS)</th></tr>\n");
        for (TensorResult t : r.tensors()) {
            var v = t.verdict();
            b.append("<tr><td><code>").append(Html.esc(t.file() != null ? t.label() + " as " + t.scheme() : t.scheme()))
                    .append("</code></td><td>").append(t.shape()).append("</td><td>").append(t.layout())
                    .append("</td><td class=\"num\">").append(v.n()).append("</td><td>")
                    .append(Html.esc(v.expectation().distribution().describe())).append("</td><td class=\"")
                    .append(v.status().id()).append("\">").append(v.status().id());
            for (CheckResult c : v.checks()) {
                if (c.outcome() != CheckResult.Outcome.PASSED) {
                    b.append("<br><span title=\"").append(Html.esc(c.message())).append("\">")
                            .append(c.name().id()).append(c.outcome() == CheckResult.Outcome.FAILED ? ""
                                    : " (" + c.outcome().id().replace('_', ' ') + ")").append("</span>");
                }
            }
            b.append("</td><td class=\"num\">").append(Html.pct(ReportJson.detectable(t, CheckName.SECOND_MOMENT)))
                    .append("</td><td class=\"num\">").append(Html.pct(ReportJson.detectable(t, CheckName.KS)))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        for (TensorResult t : r.tensors()) {
            if (!t.verdict().passed()) {
                b.append("<pre>").append(Html.esc(t.verdict().explain())).append("</pre>\n");
            }
        }
    }

    private static void distributions(StringBuilder b, Report r) {
        List<TensorResult> shown = r.tensors().stream().filter(t -> t.chartSample() != null).toList();
        if (shown.isEmpty()) {
            return;
        }
        b.append("<h2>Distributions</h2>\n<p>One shape per scheme. Constant schemes have no charts: their check is "
                + "that every value equals the constant.</p>\n");
        List<List<ReportCharts.Chart>> drawn = shown.parallelStream().map(ReportCharts::distribution).toList();
        for (int i = 0; i < shown.size(); i++) {
            TensorResult t = shown.get(i);
            b.append("<h3><code>").append(Html.esc(t.label())).append("</code>: <span class=\"")
                    .append(t.verdict().status().id()).append("\">").append(t.verdict().status().id())
                    .append("</span></h3>\n");
            charts(b, drawn.get(i));
        }
    }

    private static void propagation(StringBuilder b, PropagationSection p) {
        b.append("<h2>Propagation</h2>\n<p>A batch of ").append(p.batch()).append(" N(0, 1) inputs through a dense "
                + "network of widths ").append(join(p.widths())).append(" (").append(p.layout()).append(" layout), "
                + "zero biases, for every scheme × activation; backward: a N(0, 1) gradient at the output. The legend "
                + "names each run's regime.</p>\n");
        if (!p.skipped().isEmpty()) {
            b.append("<p>Not measured:</p><ul>");
            for (PropagationSection.Skipped s : p.skipped()) {
                b.append("<li><code>").append(Html.esc(s.scheme())).append("</code>: ").append(Html.esc(s.reason()))
                        .append("</li>");
            }
            b.append("</ul>\n");
        }
        Set<String> schemes = new LinkedHashSet<>();
        p.runs().forEach(r -> schemes.add(r.scheme()));
        List<String> names = List.copyOf(schemes);
        List<List<ReportCharts.Chart>> drawn = names.parallelStream().map(s -> ReportCharts.propagation(p, s)).toList();
        for (int i = 0; i < names.size(); i++) {
            b.append("<h3><code>").append(Html.esc(names.get(i))).append("</code></h3>\n");
            charts(b, drawn.get(i));
        }
    }

    private static void seed(StringBuilder b, SeedSection s) {
        b.append("<h2>Seed experiments</h2>\n<p>Zero and constant weights make every hidden unit identical:</p><ul>");
        for (SeedSection.IdenticalRows c : s.constantRows()) {
            b.append("<li><code>").append(Html.esc(c.scheme())).append("</code> on [").append(c.rows()).append(", ")
                    .append(c.cols()).append("]: largest group of identical rows ").append(c.largestIdenticalGroup())
                    .append(" of ").append(c.rows()).append("</li>");
        }
        b.append("</ul>\n<p>Widths ").append(join(s.widths())).append(", ").append(s.activation()).append(", batch ")
                .append(s.batch()).append(":</p>\n");
        charts(b, ReportCharts.seed(s));
        b.append("<table><tr><th>scheme</th><th>layer</th><th>mean</th><th>std</th><th>saturated</th>"
                + "<th>mean-field std</th></tr>\n");
        for (PropagationRow row : s.rows()) {
            b.append("<tr><td><code>").append(Html.esc(row.scheme())).append("</code></td><td class=\"num\">")
                    .append(row.layer()).append("</td><td class=\"num\">").append(Html.num(row.mean()))
                    .append("</td><td class=\"num\">").append(Html.num(row.std())).append("</td><td class=\"num\">")
                    .append(Html.num(row.saturated())).append("</td><td class=\"num\">")
                    .append(row.predictedStd() == null ? "n/a" : Html.num(row.predictedStd())).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void symmetry(StringBuilder b, SymmetrySection s) {
        b.append("<h2>Symmetry under training</h2>\n<p>A ").append(s.activation()).append(" network of widths ")
                .append(join(s.widths())).append(" trained for ").append(s.steps())
                .append(" steps (learning rate ").append(Html.num(s.learningRate())).append("):</p><ul>");
        for (SymmetrySection.Trace t : s.traces()) {
            b.append("<li class=\"").append(t.asExpected() ? "pass" : "fail").append("\">").append(Html.esc(t.label()))
                    .append(" (<code>").append(Html.esc(t.scheme())).append("</code>")
                    .append(t.dropout() > 0 ? ", dropout " + Html.num(t.dropout()) : "").append("): ")
                    .append(t.expectSymmetric() ? "units must stay identical" : "units must differ")
                    .append(t.asExpected() ? " — as expected" : " — NOT as expected").append("</li>");
        }
        b.append("</ul>\n");
        charts(b, ReportCharts.symmetry(s));
    }

    private static void charts(StringBuilder b, List<ReportCharts.Chart> charts) {
        b.append("<div class=\"charts\">\n");
        for (ReportCharts.Chart c : charts) {
            b.append("<figure>");
            if (c.dataUri() != null) {
                b.append("<img src=\"").append(c.dataUri()).append("\" alt=\"chart\">");
            }
            b.append("<figcaption>").append(Html.esc(c.caption())).append("</figcaption></figure>\n");
        }
        b.append("</div>\n");
    }

    private static String join(int[] w) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            s.append(i == 0 ? "" : ", ").append(w[i]);
        }
        return s.toString();
    }
}
