package dev.initcheck.report;

import dev.initcheck.propagation.Activation;
import dev.initcheck.propagation.PairedComparison;
import dev.initcheck.propagation.SeedStatistics;
import dev.initcheck.propagation.TrainingClaims;
import dev.initcheck.propagation.TrainingResult;
import dev.initcheck.propagation.TrainingStudy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The suite page's training section: per activation, the task loss against the step (median across seeds, the
 * band between the quartiles, log scale) and the median gradient norm per layer at step 0; the steps-to-target
 * table (median over seeds with its order-statistic interval); the seed documents' claims with their paired sign
 * tests.
 */
final class TrainingHtml {
    private TrainingHtml() {
    }

    static void section(StringBuilder b, TrainingSection s) {
        TrainingStudy.Config c = s.study().config();
        List<Activation> activations = new ArrayList<>(new LinkedHashSet<>(
                s.study().results().stream().map(TrainingResult::activation).toList()));
        b.append("<h2>Training from each initialization</h2>\n<p>Task <code>").append(Html.esc(c.task().id()))
                .append("</code> (target loss ").append(Html.num(c.task().targetLoss())).append("), ")
                .append(c.depth()).append(" hidden layers of ").append(c.width()).append(" units, ")
                .append(c.seeds()).append(" seeds per scheme (paired: seed s gives every scheme the same data and "
                        + "batches), ").append(c.steps()).append(" SGD steps of batch ").append(c.batch())
                .append(", momentum ").append(Html.num(c.momentum())).append(", learning rate ")
                .append(Html.esc(rates(activations))).append("; the loss on the whole task logged every ")
                .append(c.logEvery()).append(" steps; generator ").append(Html.esc(s.study().generator()))
                .append(", seed ").append(c.seed()).append(". <code>initcheck train</code> runs the same study.</p>\n");
        claims(b, s.claims());
        steps(b, s.study(), activations);
        for (Activation a : activations) {
            List<TrainingResult> rs = s.study().results().stream().filter(r -> r.activation() == a).toList();
            List<String> notes = new ArrayList<>();
            List<String> charts = new ArrayList<>();
            charts.add(lossChart(rs, c.task().targetLoss()));
            charts.add(gradientChart(rs, notes));
            b.append("<h3>").append(Html.esc(a.id())).append("</h3>\n");
            if (!notes.isEmpty()) {
                b.append("<p>").append(Html.esc(String.join("; ", notes))).append(".</p>\n");
            }
            Page.charts(b, charts);
        }
    }

    private static String rates(List<Activation> activations) {
        List<String> parts = new ArrayList<>();
        for (Activation a : activations) {
            parts.add(Html.num(TrainingStudy.learningRate(a)) + " (" + a.id() + ")");
        }
        return String.join(", ", parts);
    }

    private static void claims(StringBuilder b, List<TrainingClaims.Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        b.append("<p>The seed documents' claims, each a one-sided exact sign test paired by seed at α = ")
                .append(Html.num(TrainingClaims.ALPHA)).append(" (a claim holds only when the test rejects "
                        + "\"no difference\"; \"not shown\" is what was measured, not a failure of the tool):</p>"
                        + "<div class=\"scroll\"><table><tr><th>claim</th><th>result</th><th>wins / losses / ties"
                        + "</th><th>p</th><th>detail</th></tr>\n");
        for (TrainingClaims.Claim cl : claims) {
            PairedComparison p = cl.comparison();
            b.append("<tr><td class=\"law\">").append(Html.esc(cl.statement())).append("</td><td>")
                    .append(cl.holds() ? "<span class=\"pill pass\">holds</span>"
                            : "<span class=\"pill inconclusive\">not shown</span>")
                    .append("</td><td class=\"num\">")
                    .append(p == null ? "—" : p.wins() + " / " + p.losses() + " / " + p.ties())
                    .append("</td><td class=\"num\">").append(p == null ? "—" : Html.num(p.pValue()))
                    .append("</td><td class=\"law\">").append(Html.esc(cl.detail())).append("</td></tr>\n");
        }
        b.append("</table></div>\n");
    }

    private static void steps(StringBuilder b, TrainingStudy.Study study, List<Activation> activations) {
        Set<String> schemes = new LinkedHashSet<>();
        study.results().forEach(r -> schemes.add(r.scheme()));
        double coverage = study.results().isEmpty() ? Double.NaN : study.results().get(0).stepsToTarget().coverage();
        b.append("<p>Steps to the target loss: the median over seeds and its distribution-free interval (order "
                + "statistics, coverage ").append(String.format(Locale.ROOT, "%.1f%%", 100 * coverage))
                .append("); \"never\": not reached within the run by at least half of the seeds.</p>"
                        + "<div class=\"scroll\"><table><tr><th>scheme</th>");
        for (Activation a : activations) {
            b.append("<th>").append(Html.esc(a.id())).append("</th>");
        }
        b.append("</tr>\n");
        for (String scheme : schemes) {
            b.append("<tr><td><code>").append(Html.esc(scheme)).append("</code></td>");
            for (Activation a : activations) {
                TrainingResult r = study.results().stream()
                        .filter(x -> x.scheme().equals(scheme) && x.activation() == a).findFirst().orElse(null);
                b.append("<td class=\"num\">").append(r == null ? "" : Html.esc(interval(r))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
    }

    /** {@code 120 [90, 150]}, {@code never}, or {@code never [60, never]}. */
    static String interval(TrainingResult r) {
        SeedStatistics.Interval s = r.stepsToTarget();
        long reached = r.runs().stream().filter(x -> x.stepsToTarget() != null).count();
        String lo = steps(s.lower());
        String hi = steps(s.upper());
        String median = steps(s.median());
        String range = lo.equals("never") ? "" : " [" + lo + ", " + hi + "]";
        return median + range + " (" + reached + "/" + r.runs().size() + ")";
    }

    private static String steps(double v) {
        return Double.isInfinite(v) ? "never" : String.valueOf(Math.round(v));
    }

    /** Median and quartile band of the task loss, log scale; a diverged quartile is drawn at the top. */
    private static String lossChart(List<TrainingResult> rs, double target) {
        double lo = target;
        double hi = target;
        for (TrainingResult r : rs) {
            for (double[] q : new double[][] {r.curve().lowerQuartile(), r.curve().median(), r.curve().upperQuartile()}) {
                for (double v : q) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        int[] st = rs.get(0).curve().steps();
        double[] xs = new double[st.length];
        for (int i = 0; i < st.length; i++) {
            xs[i] = st[i];
        }
        Plot p = new Plot(Plot.Axis.padded(xs[0], xs[xs.length - 1], 0.02), Plot.Axis.log(lo, hi));
        double top = p.y().hi();
        double bottom = p.y().lo();
        for (int i = 0; i < rs.size(); i++) {
            TrainingResult r = rs.get(i);
            String color = Plot.SERIES.get(i % Plot.SERIES.size());
            p.band(xs, clamp(r.curve().lowerQuartile(), bottom, top), clamp(r.curve().upperQuartile(), bottom, top),
                    color, 0.12, null);
        }
        for (int i = 0; i < rs.size(); i++) {
            TrainingResult r = rs.get(i);
            String color = Plot.SERIES.get(i % Plot.SERIES.size());
            p.line(xs, r.curve().median(), color, 1.6, i >= Plot.SERIES.size(), r.scheme());
        }
        p.hline(target, Plot.BLACK, true, "target loss " + Html.num(target));
        return p.figure("step", "task loss (log)", "Task loss against the SGD step: the median over "
                + rs.get(0).runs().size() + " seeds (line) and the band between the quartiles (shaded); a quartile "
                + "that diverged is drawn at the top edge. Schemes past the eighth colour are dashed.",
                "training loss of " + rs.get(0).activation().id() + " networks");
    }

    private static double[] clamp(double[] v, double lo, double hi) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.isNaN(v[i]) ? hi : Math.max(lo, Math.min(hi, v[i]));
        }
        return out;
    }

    private static String gradientChart(List<TrainingResult> rs, List<String> notes) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (TrainingResult r : rs) {
            series.put(r.scheme(), r.gradientNorms());
        }
        int layers = rs.get(0).gradientNorms().length;
        double[] xs = new double[layers];
        for (int i = 0; i < layers; i++) {
            xs[i] = i + 1;
        }
        return ReportCharts.lines("layer (1 = first hidden, " + layers + " = output)", "‖∂L/∂W‖ at step 0", xs,
                series, "Frobenius norm of each layer's weight gradient on the whole task before the first step, "
                        + "median over seeds: vanishing or exploding gradients show as a slope across layers.",
                notes);
    }
}
