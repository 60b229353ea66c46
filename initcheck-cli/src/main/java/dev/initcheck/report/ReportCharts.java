package dev.initcheck.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The suite's line charts (propagation, seed experiments, symmetry), each an inline SVG figure. */
final class ReportCharts {
    /** A log axis is used when the positive values of a chart span more than this factor. */
    static final double LOG_SPAN = 100;

    private ReportCharts() {
    }

    /**
     * Activation std, saturated fraction (only when some unit saturates) and input-gradient mean square by layer,
     * one line per activation; {@code notes} receives what is not drawn.
     */
    static List<String> propagation(PropagationSection p, String scheme, List<String> notes) {
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
        double[] layers = count(p.widths().length - 1);
        List<String> out = new ArrayList<>();
        out.add(lines("layer", "activation std", layers, std, "Activation std by layer; regimes: "
                + String.join(", ", regimes), notes));
        if (anyPositive(sat)) {
            out.add(lines("layer", "saturated fraction", layers, sat, "Share of (unit, input) pairs within 0.01 of "
                    + "a bound of tanh or the sigmoid.", notes));
        } else if (!sat.isEmpty()) {
            notes.add("no unit saturates (" + String.join(", ", sat.keySet()) + ": saturated fraction 0 in every "
                    + "layer)");
        }
        out.add(lines("layer", "E[dx²] at the layer's input", layers, grad, "Backward pass: mean square of the "
                + "gradient reaching each layer's input from a N(0, 1) gradient at the output.", notes));
        return out;
    }

    /** Seed experiment: std and saturated fraction by layer, one line per scheme. */
    static List<String> seed(SeedSection s, List<String> notes) {
        Map<String, double[]> std = new LinkedHashMap<>();
        Map<String, double[]> sat = new LinkedHashMap<>();
        int depth = s.widths().length - 1;
        for (String scheme : s.regimes().keySet()) {
            var rows = s.rows().stream().filter(r -> r.scheme().equals(scheme)).toList();
            std.put(scheme, rows.stream().mapToDouble(r -> r.std()).toArray());
            sat.put(scheme, rows.stream().mapToDouble(r -> r.saturated()).toArray());
        }
        List<String> regimes = new ArrayList<>();
        s.regimes().forEach((k, v) -> regimes.add(k + " " + v));
        List<String> out = new ArrayList<>();
        out.add(lines("layer", "activation std (" + s.activation() + ")", count(depth), std,
                "Seed experiment: activation std by layer; regimes: " + String.join(", ", regimes), notes));
        if (anyPositive(sat)) {
            out.add(lines("layer", "saturated fraction (" + s.activation() + ")", count(depth), sat,
                    "Share of activations within 0.01 of ±1.", notes));
        }
        return out;
    }

    /** Largest distance between two units' incoming weights after each step, one chart per hidden layer. */
    static List<String> symmetry(SymmetrySection s, List<String> notes) {
        List<String> out = new ArrayList<>();
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
            out.add(lines("training step", "hidden layer " + (h + 1) + " (" + s.widths()[h + 1]
                    + " units): largest distance between units", count(s.steps()), series,
                    "Largest Euclidean distance between two units' incoming weights after each step; "
                            + start.substring(0, start.length() - 2) + ".", notes));
        }
        return out;
    }

    static boolean anyPositive(Map<String, double[]> series) {
        return series.values().stream().flatMapToDouble(java.util.Arrays::stream).anyMatch(d -> d > 0);
    }

    /**
     * A line chart with markers, on a log axis when the positive values span more than {@link #LOG_SPAN}; there,
     * series with a zero cannot be drawn and are named in the caption; null (and a note) when none can be drawn.
     */
    static String lines(String x, String y, double[] xs, Map<String, double[]> series, String caption,
                        List<String> notes) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double pmin = Double.POSITIVE_INFINITY;
        double pmax = 0;
        for (double[] v : series.values()) {
            for (double d : v) {
                if (Double.isFinite(d)) {
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
                if (d > 0 && Double.isFinite(d)) {
                    pmin = Math.min(pmin, d);
                    pmax = Math.max(pmax, d);
                }
            }
        }
        boolean log = pmax > 0 && pmax / pmin > LOG_SPAN;
        List<String> dropped = new ArrayList<>();
        Plot.Axis ya = log ? Plot.Axis.log(pmin, pmax) : Plot.Axis.linear(Math.min(0, min), max > 0 ? max * 1.08
                : 1);
        Plot p = new Plot(Plot.Axis.padded(xs[0], xs[xs.length - 1], 0.03), ya);
        int i = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            String color = Plot.SERIES.get(i++ % Plot.SERIES.size());
            if (log && java.util.Arrays.stream(e.getValue()).anyMatch(d -> !(d > 0))) {
                dropped.add(e.getKey());
                continue;
            }
            p.line(xs, e.getValue(), color, 1.8, false, e.getKey());
            if (xs.length <= 30) {
                p.points(xs, e.getValue(), color, null);
            }
        }
        String text = caption + (log ? " Log scale." : " Linear scale.") + (dropped.isEmpty() ? ""
                : " Not drawn (exactly 0 somewhere, no place on a log axis): " + String.join(", ", dropped) + ".");
        if (dropped.size() == series.size()) {
            notes.add(y + ": every value is exactly 0 (" + String.join(", ", dropped) + ")");
            return null;
        }
        return p.figure(x, y + (log ? " (log)" : ""), text, y + " by " + x);
    }

    private static double[] count(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }
}
