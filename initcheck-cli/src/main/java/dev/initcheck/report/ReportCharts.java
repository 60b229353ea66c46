package dev.initcheck.report;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.distribution.Distribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's charts, built from the report model with {@link Charts}; each a PNG data URI with its caption. */
final class ReportCharts {
    /** A log axis is used when the positive values of a chart span more than this factor. */
    static final double LOG_SPAN = 100;
    private static final int BINS = 60;
    private static final int QQ_POINTS = 200;

    private ReportCharts() {
    }

    record Chart(String dataUri, String caption) {
    }

    /** Histogram vs density, ECDF vs CDF with D and the DKW band, QQ plot. */
    static List<Chart> distribution(TensorResult t) {
        double[] s = t.chartSample();
        Distribution law = t.verdict().expectation().distribution();
        double[] dBand = dAndBand(t);
        List<Chart> out = new ArrayList<>();
        out.add(new Chart(Charts.histogram("histogram", s, law, BINS),
                "histogram of the " + s.length + " values (density) against the expected density of " + law.describe()));
        out.add(new Chart(Charts.ecdf("ECDF", s, law, dBand[0], dBand[1]),
                "empirical CDF against the expected CDF; grey: the DKW band ±" + Html.num(dBand[1])
                        + " inside which a correct sample stays (D = " + Html.num(dBand[0]) + ")"));
        out.add(new Chart(Charts.qq("QQ plot", s, law, QQ_POINTS),
                "sample quantiles against expected quantiles; a correct sample lies on y = x"));
        return out;
    }

    /** D from the KS check and its DKW threshold; without a KS check (orthogonal): D and the DKW bound at the tensor's alpha. */
    private static double[] dAndBand(TensorResult t) {
        CheckResult ks = t.verdict().check(CheckName.KS).filter(CheckResult::ran).orElse(null);
        if (ks != null) {
            return new double[] {ks.statistic(), ks.threshold()};
        }
        double[] s = t.chartSample();
        Distribution law = t.verdict().expectation().distribution();
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            double f = law.cdf(s[i]);
            d = Math.max(d, Math.max((i + 1.0) / s.length - f, f - (double) i / s.length));
        }
        double alpha = t.verdict().alpha() > 0 ? t.verdict().alpha() : 1e-6;
        return new double[] {d, Math.sqrt(Math.log(2 / alpha) / (2.0 * s.length))};
    }

    /** Activation std, saturated fraction and input-gradient mean square by layer, one line per activation. */
    static List<Chart> propagation(PropagationSection p, String scheme) {
        Map<String, double[]> std = new LinkedHashMap<>();
        Map<String, double[]> sat = new LinkedHashMap<>();
        Map<String, double[]> grad = new LinkedHashMap<>();
        List<String> regimes = new ArrayList<>();
        for (PropagationSection.Run r : p.runs()) {
            if (r.scheme().equals(scheme)) {
                std.put(r.activation(), r.std());
                regimes.add(r.activation() + " " + r.regime());
                if (r.activation().equals("tanh") || r.activation().equals("sigmoid")) {
                    sat.put(r.activation(), r.saturated());
                }
                grad.put(r.activation(), r.inputGradient());
            }
        }
        double[] layers = layers(p.widths().length - 1);
        List<Chart> out = new ArrayList<>();
        Chart c = lines("activation std by layer", "layer", "std", layers, std);
        out.add(new Chart(c.dataUri(), c.caption() + "; regimes: " + String.join(", ", regimes)));
        out.add(new Chart(Charts.lines("saturated fraction by layer", "layer", "fraction", layers, sat, false),
                "share of (unit, input) pairs within 0.01 of a bound of tanh or the sigmoid"));
        out.add(lines("backward: E[dx²] at each layer's input", "layer",
                "E[dx²]", layers, grad));
        return out;
    }

    /** Seed experiment: std and saturated fraction by layer, one line per scheme. */
    static List<Chart> seed(SeedSection s) {
        Map<String, double[]> std = new LinkedHashMap<>();
        Map<String, double[]> sat = new LinkedHashMap<>();
        int depth = s.widths().length - 1;
        for (String scheme : s.regimes().keySet()) {
            var rows = s.rows().stream().filter(r -> r.scheme().equals(scheme)).toList();
            std.put(scheme, rows.stream().mapToDouble(r -> r.std()).toArray());
            sat.put(scheme, rows.stream().mapToDouble(r -> r.saturated()).toArray());
        }
        Chart c = lines("seed experiment: activation std (" + s.activation() + ")", "layer", "std", layers(depth), std);
        List<String> regimes = new ArrayList<>();
        s.regimes().forEach((k, v) -> regimes.add(k + " " + v));
        return List.of(new Chart(c.dataUri(), c.caption() + "; regimes: " + String.join(", ", regimes)),
                new Chart(Charts.lines("seed experiment: saturated fraction (" + s.activation() + ")", "layer",
                        "fraction", layers(depth), sat, false), "share of activations within 0.01 of ±1"));
    }

    /**
     * Distance between hidden units over training steps 1..N, one chart per hidden layer, on a log axis when the
     * traces span more than {@link #LOG_SPAN} (a constant init, exactly 0 throughout, is then named, not drawn).
     */
    static List<Chart> symmetry(SymmetrySection s) {
        List<Chart> out = new ArrayList<>();
        for (int h = 0; h < s.widths().length - 2; h++) {
            Map<String, double[]> series = new LinkedHashMap<>();
            StringBuilder start = new StringBuilder("before training: ");
            for (SymmetrySection.Trace t : s.traces()) {
                double[] y = new double[t.maxDistance().length - 1];
                for (int k = 0; k < y.length; k++) {
                    y[k] = t.maxDistance()[k + 1][h];
                }
                series.put(t.label(), y);
                start.append(t.label()).append(' ').append(Html.num(t.maxDistance()[0][h])).append("; ");
            }
            Chart c = lines("hidden layer " + (h + 1) + " (" + s.widths()[h + 1] + " units): max distance", "step",
                    "distance", steps(s.steps()), series);
            out.add(new Chart(c.dataUri(), "largest Euclidean distance between two units' incoming weights after each "
                    + "step, " + c.caption() + "; " + start.substring(0, start.length() - 2)));
        }
        return out;
    }

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    /** A line chart, on a log axis when positive values span more than {@link #LOG_SPAN}; series with a zero are dropped there and named. */
    private static Chart lines(String title, String x, String y, double[] layers, Map<String, double[]> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] v : series.values()) {
            for (double d : v) {
                if (d > 0) {
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
            }
        }
        boolean log = max > 0 && max / min > LOG_SPAN;
        Map<String, double[]> shown = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            boolean zero = java.util.Arrays.stream(e.getValue()).anyMatch(d -> !(d > 0));
            if (log && zero) {
                dropped.add(e.getKey());
            } else {
                shown.put(e.getKey(), e.getValue());
            }
        }
        String caption = log ? "log scale" : "linear scale";
        if (!dropped.isEmpty()) {
            caption += "; not drawn (exactly 0 in some layer): " + String.join(", ", dropped);
        }
        if (shown.isEmpty()) {
            return new Chart(null, "every value is exactly 0: " + String.join(", ", dropped));
        }
        return new Chart(Charts.lines(title, x, y, layers, shown, log), caption);
    }

    private static double[] layers(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }
}
