package dev.initcheck.report;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.propagation.PropagationRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * index.html of the suite: one self-contained page (charts as inline SVG, inline CSS, no script, no external
 * resource) with the verdict table, the distribution charts of one representative shape per scheme, and the
 * propagation, seed-experiment and symmetry sections. Reports of files ({@code check}, {@code audit}) are written by
 * {@link FilesPage}.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** The page; {@code related} lists files beside it to link ({name, what it holds}), only ones that exist. */
    public static String write(Report r, List<String[]> related) {
        if (!r.info().command().equals("suite")) {
            return FilesPage.write(r, related);
        }
        StringBuilder b = new StringBuilder(1 << 20);
        Page.head(b, "initcheck suite report");
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
        if (r.training() != null) {
            TrainingHtml.section(b, r.training());
        }
        Page.related(b, related);
        return b.append("</body></html>\n").toString();
    }

    private static void meta(StringBuilder b, Report r) {
        Report.RunInfo i = r.info();
        long passed = r.tensors().stream().filter(t -> t.verdict().passed()).count();
        long failed = r.tensors().stream().filter(t -> t.verdict().failed()).count();
        long other = r.tensors().size() - passed - failed;
        String cls = r.passed() ? "pass" : failed > 0 ? "fail" : "inconclusive";
        Page.banner(b, cls, Page.upper(cls) + ": " + passed + " of " + r.tensors().size()
                + " (scheme, shape) runs conform" + (failed > 0 ? ", " + failed + " fail" : "")
                + (other > 0 ? ", " + other + " inconclusive (too few values to tell)" : ""));
        b.append("<table class=\"meta\">");
        Page.metaRow(b, "what", "every catalogue scheme sampled on every suite shape in both layouts, checked "
                + "against its exact law; then propagation, the seed experiments, symmetry under training and training from each "
                + "initialization");
        Page.metaRow(b, "false-alarm budget", Html.num(i.alpha()) + " for the whole run (Bonferroni over "
                + r.tensors().size() + " runs, then over each run's stochastic checks)");
        if (i.seed() != null) {
            Page.metaRow(b, "generator, seed", i.generator() + ", " + i.seed());
        }
        Page.metaRow(b, "initcheck, JDK", Report.INITCHECK_VERSION + ", " + System.getProperty("java.version"));
        Page.metaRow(b, "generated at", i.generatedAt());
        b.append("</table>\n");
    }

    private static void verdicts(StringBuilder b, Report r) {
        b.append("<h2>Verdicts</h2>\n<p>Detectable δ: the smallest relative scale error σ → σ(1 ± δ) that the "
                + "second-moment and the KS check of this run detect with probability 0.999 at their false-alarm "
                + "share; grey when above 100% (that check alone could not catch a factor-2 error; the verdict rests "
                + "on the others), — when the check does not apply to the law.</p>\n<div class=\"scroll\"><table>"
                + "<tr><th>scheme</th><th>shape</th><th>layout</th><th>n</th><th>expected law</th><th>verdict</th>"
                + "<th>failed checks</th><th>δ second moment</th><th>δ KS</th></tr>\n");
        for (TensorResult t : r.tensors()) {
            var v = t.verdict();
            b.append("<tr><td><code>").append(Html.esc(t.scheme())).append("</code></td><td>").append(t.shape())
                    .append("</td><td>").append(t.layout()).append("</td><td class=\"num\">").append(v.n())
                    .append("</td><td>").append(Html.esc(v.expectation().distribution().describe())).append("</td><td>")
                    .append(Page.pill(v.status().id())).append("</td><td>").append(Html.esc(notPassed(t)))
                    .append("</td>");
            delta(b, ReportJson.detectable(t, CheckName.SECOND_MOMENT));
            delta(b, ReportJson.detectable(t, CheckName.KS));
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
        List<TensorResult> bad = r.tensors().stream().filter(t -> !t.verdict().passed()).toList();
        if (!bad.isEmpty()) {
            b.append("<h2>Runs that did not pass</h2>\n");
            bad.forEach(t -> FilesPage.detail(b, t, List.of()));
        }
    }

    static void delta(StringBuilder b, double d) {
        if (!Double.isFinite(d)) {
            b.append("<td class=\"num weak\" title=\"the check does not apply or did not run\">—</td>");
        } else {
            b.append("<td class=\"num").append(d > 1 ? " weak" : "").append("\">").append(Html.pct(d)).append("</td>");
        }
    }

    /**
     * The checks that failed ("ks, tail"); for an inconclusive verdict, the inconclusive ones ("tail
     * (inconclusive)"). Checks not run are left out (a failed {@code finite} check is the reason they did not run).
     */
    static String notPassed(TensorResult t) {
        List<String> out = new ArrayList<>();
        t.verdict().failures().forEach(c -> out.add(c.name().id()));
        if (out.isEmpty() && !t.verdict().passed()) {
            t.verdict().inconclusive().forEach(c -> out.add(c.name().id() + " (inconclusive)"));
        }
        return String.join(", ", out);
    }

    private static void distributions(StringBuilder b, Report r) {
        List<TensorResult> shown = r.tensors().stream().filter(t -> t.chart() != null).toList();
        if (shown.isEmpty()) {
            return;
        }
        b.append("<h2>Distributions</h2>\n<p>For each scheme, the run on the suite's first shape, in units of its law "
                + "(σ, or the bound b for a bounded law). Constant schemes have no charts: their check is that every "
                + "value equals the constant.</p>\n");
        List<List<String>> drawn = shown.parallelStream().map(DistributionCharts::of).toList();
        for (int i = 0; i < shown.size(); i++) {
            TensorResult t = shown.get(i);
            b.append("<h3><code>").append(Html.esc(t.label())).append("</code> ").append(Page.pill(t.status()))
                    .append("</h3>\n");
            if (t.chart().none() != null) {
                b.append("<p>No chart: ").append(Html.esc(t.chart().none())).append("</p>\n");
            }
            Page.charts(b, drawn.get(i));
        }
    }

    private static void propagation(StringBuilder b, PropagationSection p) {
        b.append("<h2>Propagation</h2>\n<p>A batch of ").append(p.batch()).append(" N(0, 1) inputs through a dense "
                + "network of widths ").append(join(p.widths())).append(" (").append(p.layout()).append(" layout), "
                + "zero biases, for every scheme × activation; backward: a N(0, 1) gradient at the output.</p>\n");
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
        List<List<String>> notes = names.stream().map(n -> (List<String>) new ArrayList<String>()).toList();
        List<List<String>> drawn = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            drawn.add(ReportCharts.propagation(p, names.get(i), notes.get(i)));
        }
        for (int i = 0; i < names.size(); i++) {
            b.append("<h3><code>").append(Html.esc(names.get(i))).append("</code></h3>\n");
            notes(b, notes.get(i));
            Page.charts(b, drawn.get(i));
        }
    }

    private static void notes(StringBuilder b, List<String> notes) {
        if (!notes.isEmpty()) {
            b.append("<p>").append(Html.esc(String.join("; ", notes))).append(".</p>\n");
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
        List<String> notes = new ArrayList<>();
        List<String> charts = ReportCharts.seed(s, notes);
        notes(b, notes);
        Page.charts(b, charts);
        b.append("<div class=\"scroll\"><table><tr><th>scheme</th><th>layer</th><th>mean</th><th>std</th>"
                + "<th>saturated</th><th>mean-field std</th></tr>\n");
        for (PropagationRow row : s.rows()) {
            b.append("<tr><td><code>").append(Html.esc(row.scheme())).append("</code></td><td class=\"num\">")
                    .append(row.layer()).append("</td><td class=\"num\">").append(Html.num(row.mean()))
                    .append("</td><td class=\"num\">").append(Html.num(row.std())).append("</td><td class=\"num\">")
                    .append(Html.num(row.saturated())).append("</td><td class=\"num\">")
                    .append(row.predictedStd() == null ? "—" : Html.num(row.predictedStd())).append("</td></tr>\n");
        }
        b.append("</table></div>\n");
    }

    private static void symmetry(StringBuilder b, SymmetrySection s) {
        b.append("<h2>Symmetry under training</h2>\n<p>A ").append(s.activation()).append(" network of widths ")
                .append(join(s.widths())).append(" trained for ").append(s.steps())
                .append(" steps (learning rate ").append(Html.num(s.learningRate())).append("):</p><ul>");
        for (SymmetrySection.Trace t : s.traces()) {
            b.append("<li>").append(Page.pill(t.asExpected() ? "pass" : "fail")).append(' ')
                    .append(Html.esc(t.label())).append(" (<code>").append(Html.esc(t.scheme())).append("</code>")
                    .append(t.dropout() > 0 ? ", dropout " + Html.num(t.dropout()) : "").append("): ")
                    .append(t.expectSymmetric() ? "units must stay identical" : "units must differ")
                    .append(t.asExpected() ? " — as expected" : " — NOT as expected").append("</li>");
        }
        b.append("</ul>\n");
        List<String> notes = new ArrayList<>();
        List<String> charts = ReportCharts.symmetry(s, notes);
        notes(b, notes);
        Page.charts(b, charts);
    }

    static String join(int[] w) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            s.append(i == 0 ? "" : ", ").append(w[i]);
        }
        return s.toString();
    }
}
