package dev.initcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart as inline SVG, with no script and no external resource. The data sit in an inner {@code <svg>} with a
 * 1000 × 1000 view box stretched over the plot area (strokes keep their width: {@code non-scaling-stroke}); ticks,
 * grid lines, labels and markers sit in the outer {@code <svg>} at percentages of that area, so text keeps its CSS
 * pixel size ({@link Ticks#FONT_PX}) at every page width and the plot scales to any width. Axis titles, legend and
 * caption are HTML around the plot, never over the data. Values outside an axis range are clipped.
 */
final class Plot {
    /** Plot area height in CSS px. */
    static final int HEIGHT_PX = 200;
    private static final int UNITS = 1000;
    /** Palette (colour-blind safe, Okabe–Ito). */
    static final String BLUE = "#0072B2";
    static final String ORANGE = "#E69F00";
    static final String GREEN = "#009E73";
    static final String RED = "#D55E00";
    static final String PURPLE = "#CC79A7";
    static final String SKY = "#56B4E9";
    static final String GREY = "#999999";
    static final String BLACK = "#222222";
    static final List<String> SERIES = List.of(BLUE, ORANGE, GREEN, RED, PURPLE, SKY, BLACK, GREY);

    /** An axis: linear or base-10 log over [lo, hi]. */
    record Axis(double lo, double hi, boolean log) {
        Axis {
            if (!(hi > lo) || (log && !(lo > 0))) {
                throw new IllegalArgumentException("bad axis range [" + lo + ", " + hi + "]" + (log ? " (log)" : ""));
            }
        }

        static Axis linear(double lo, double hi) {
            if (!(hi > lo)) {
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                return new Axis(lo - pad, hi + pad, false);
            }
            return new Axis(lo, hi, false);
        }

        /** [lo, hi] widened by {@code share} of its span on both sides. */
        static Axis padded(double lo, double hi, double share) {
            double pad = (hi - lo) * share;
            return linear(lo - pad, hi + pad);
        }

        static Axis log(double lo, double hi) {
            double a = Math.pow(10, Math.floor(Math.log10(lo)));
            double b = Math.pow(10, Math.ceil(Math.log10(hi)));
            return new Axis(a, b > a ? b : a * 10, true);
        }

        /** 0 at lo, 1 at hi. */
        double at(double v) {
            return Ticks.position(log ? Math.max(v, lo * 1e-3) : v, lo, hi, log);
        }
    }

    private final Axis x;
    private final Axis y;
    private final StringBuilder data = new StringBuilder();
    private final StringBuilder overlay = new StringBuilder();
    private final List<String[]> legend = new ArrayList<>();

    Plot(Axis x, Axis y) {
        this.x = x;
        this.y = y;
    }

    Axis x() {
        return x;
    }

    Axis y() {
        return y;
    }

    /** A polyline through (xs[i], ys[i]); non-finite points break it. */
    Plot line(double[] xs, double[] ys, String color, double widthPx, boolean dashed, String label) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i]) || (y.log() && !(ys[i] > 0))) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(px(xs[i])).append(' ').append(py(ys[i]));
            pen = true;
        }
        if (d.length() > 0) {
            data.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"").append(fmt(widthPx)).append('"')
                    .append(dashed ? " stroke-dasharray=\"5 3\"" : "")
                    .append(" vector-effect=\"non-scaling-stroke\" stroke-linejoin=\"round\"/>");
        }
        key(label, color, dashed ? "dash" : "line");
        return this;
    }

    /** A filled band between lo[i] and hi[i] over xs. */
    Plot band(double[] xs, double[] lo, double[] hi, String color, double opacity, String label) {
        if (xs.length == 0) {
            return this; // nothing to shade (and "M…Z" needs a first point)
        }
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            d.append(i == 0 ? 'M' : 'L').append(px(xs[i])).append(' ').append(py(hi[i]));
        }
        for (int i = xs.length - 1; i >= 0; i--) {
            d.append('L').append(px(xs[i])).append(' ').append(py(lo[i]));
        }
        data.append("<path d=\"").append(d).append("Z\" fill=\"").append(color).append("\" fill-opacity=\"")
                .append(fmt(opacity)).append("\" stroke=\"none\"/>");
        key(label, color, "box");
        return this;
    }

    /** Bars from 0 (or the axis floor) to heights[i] over [edges[i], edges[i+1]], as one outlined path. */
    Plot bars(double[] edges, double[] heights, String color, String label) {
        StringBuilder d = new StringBuilder();
        double base = y.log() ? y.lo() : Math.max(y.lo(), Math.min(0, y.hi()));
        d.append('M').append(px(edges[0])).append(' ').append(py(base));
        for (int i = 0; i < heights.length; i++) {
            d.append('L').append(px(edges[i])).append(' ').append(py(heights[i]))
                    .append('L').append(px(edges[i + 1])).append(' ').append(py(heights[i]));
        }
        d.append('L').append(px(edges[heights.length])).append(' ').append(py(base)).append('Z');
        data.append("<path d=\"").append(d).append("\" fill=\"").append(color)
                .append("\" fill-opacity=\"0.35\" stroke=\"").append(color)
                .append("\" stroke-width=\"1\" vector-effect=\"non-scaling-stroke\"/>");
        key(label, color, "box");
        return this;
    }

    /** Points drawn as small circles (kept round whatever the aspect ratio). */
    Plot points(double[] xs, double[] ys, String color, String label) {
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i]) && (!y.log() || ys[i] > 0)) {
                overlay.append("<circle cx=\"").append(pct(x.at(xs[i]))).append("\" cy=\"")
                        .append(pct(1 - y.at(ys[i]))).append("\" r=\"2\" fill=\"").append(color).append("\"/>");
            }
        }
        key(label, color, "dot");
        return this;
    }

    /** A marked point with a short text beside it. */
    Plot marker(double mx, double my, String color, String text) {
        double fx = x.at(mx);
        double fy = 1 - y.at(my);
        overlay.append("<circle cx=\"").append(pct(fx)).append("\" cy=\"").append(pct(fy))
                .append("\" r=\"4.5\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\"/>");
        if (text != null) {
            boolean right = fx > 0.6;
            overlay.append("<text x=\"").append(pct(fx)).append("\" y=\"").append(pct(fy)).append("\" dx=\"")
                    .append(right ? -8 : 8).append("\" dy=\"").append(fy < 0.15 ? 14 : -6)
                    .append("\" text-anchor=\"").append(right ? "end" : "start").append("\" fill=\"").append(color)
                    .append("\">").append(Html.esc(text)).append("</text>");
        }
        key(null, color, "dot");
        return this;
    }

    /** A horizontal reference line. */
    Plot hline(double v, String color, boolean dashed, String label) {
        return line(new double[] {x.lo(), x.hi()}, new double[] {v, v}, color, 1, dashed, label);
    }

    private void key(String label, String color, String kind) {
        if (label != null) {
            legend.add(new String[] {label, color, kind});
        }
    }

    /**
     * The figure: y title, plot, x title, legend, caption.
     *
     * @param aria a one-line description of what the chart shows
     */
    String figure(String xTitle, String yTitle, String caption, String aria) {
        StringBuilder b = new StringBuilder(data.length() + overlay.length() + 2048);
        b.append("<figure class=\"chart\"><div class=\"yt\">").append(Html.esc(yTitle)).append("</div>")
                .append("<svg class=\"plot\" height=\"").append(HEIGHT_PX).append("\" role=\"img\" aria-label=\"")
                .append(Html.esc(aria)).append("\">");
        axes(b);
        b.append("<svg viewBox=\"0 0 ").append(UNITS).append(' ').append(UNITS)
                .append("\" preserveAspectRatio=\"none\" width=\"100%\" height=\"100%\"><rect width=\"").append(UNITS)
                .append("\" height=\"").append(UNITS).append("\" fill=\"none\"/>").append(data)
                .append("</svg>").append(overlay).append("<rect width=\"100%\" height=\"100%\" fill=\"none\" "
                        + "stroke=\"#bbb\"/></svg><div class=\"xt\">").append(Html.esc(xTitle)).append("</div>");
        if (!legend.isEmpty()) {
            b.append("<ul class=\"legend\">");
            for (String[] l : legend) {
                b.append("<li><i class=\"").append(l[2]).append("\" style=\"--c:").append(l[1]).append("\"></i>")
                        .append(Html.esc(l[0])).append("</li>");
            }
            b.append("</ul>");
        }
        return b.append("<figcaption>").append(Html.esc(caption)).append("</figcaption></figure>\n").toString();
    }

    private void axes(StringBuilder b) {
        List<Ticks.Tick> xt = x.log() ? Ticks.log(x.lo(), x.hi(), Ticks.MIN_WIDTH_PX, false)
                : Ticks.linear(x.lo(), x.hi(), Ticks.MIN_WIDTH_PX, 7);
        List<Ticks.Tick> yt = y.log() ? Ticks.log(y.lo(), y.hi(), HEIGHT_PX, true)
                : Ticks.linear(y.lo(), y.hi(), 1e9, 5);
        for (Ticks.Tick t : xt) {
            String p = pct(x.at(t.value()));
            b.append("<line x1=\"").append(p).append("\" x2=\"").append(p)
                    .append("\" y1=\"0\" y2=\"100%\" class=\"g\"/><text x=\"").append(p)
                    .append("\" y=\"100%\" dy=\"15\" text-anchor=\"middle\">").append(t.label()).append("</text>");
        }
        for (Ticks.Tick t : yt) {
            String p = pct(1 - y.at(t.value()));
            b.append("<line y1=\"").append(p).append("\" y2=\"").append(p)
                    .append("\" x1=\"0\" x2=\"100%\" class=\"g\"/><text x=\"0\" y=\"").append(p)
                    .append("\" dx=\"-5\" dy=\"4\" text-anchor=\"end\">").append(t.label()).append("</text>");
        }
    }

    private int px(double v) {
        return (int) Math.round(clamp(x.at(v)) * UNITS);
    }

    private int py(double v) {
        return (int) Math.round((1 - clamp(y.at(v))) * UNITS);
    }

    /**
     * Keeps far-out points within ten plot sizes of the frame (the inner view clips them): a segment to a point
     * further out changes its visible slope by less than a tenth of a pixel per plot size.
     */
    private static double clamp(double f) {
        return Math.max(-10, Math.min(11, f));
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * Math.max(-0.02, Math.min(1.02, f)));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
