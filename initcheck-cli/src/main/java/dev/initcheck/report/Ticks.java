package dev.initcheck.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks whose labels never overlap. Linear axes take "nice" steps 1, 2 or 5 × 10^k (Heckbert, "Nice numbers
 * for graph labels", Graphics Gems, 1990), with as many decimals as the step needs; log axes take decades 10^k, every
 * m-th decade when there are many. The number of ticks is the largest that leaves room for every label at the
 * narrowest width a chart is drawn ({@link #MIN_WIDTH_PX}), label widths estimated at {@link #CHAR_PX} per character
 * of {@link #FONT_PX} text.
 */
final class Ticks {
    /** Chart text size in CSS px (the same at every page width: the text is not scaled with the plot). */
    static final double FONT_PX = 12;
    /** Upper bound of a character's advance at {@link #FONT_PX} in a proportional sans-serif font (digits 0.56 em). */
    static final double CHAR_PX = 7.2;
    /** Narrowest horizontal plot area (px): a chart in a 420 px viewport, less the page and axis margins. */
    static final double MIN_WIDTH_PX = 280;
    /** Smallest free space between two labels (px). */
    static final double GAP_PX = 8;

    private Ticks() {
    }

    /** A tick: value and label. */
    record Tick(double value, String label) {
    }

    /** Ticks of a linear axis over [lo, hi] whose labels fit in {@code widthPx} (at most {@code max}). */
    static List<Tick> linear(double lo, double hi, double widthPx, int max) {
        for (int k = max; k >= 2; k--) {
            List<Tick> t = linearAtMost(lo, hi, k);
            if (fits(t, lo, hi, widthPx, false)) {
                return t;
            }
        }
        List<Tick> ends = linearAtMost(lo, hi, 2);
        return ends.size() <= 2 ? ends : List.of(ends.get(0), ends.get(ends.size() - 1));
    }

    /** Nice ticks, at most {@code k} of them, inside [lo, hi]. */
    static List<Tick> linearAtMost(double lo, double hi, int k) {
        double span = hi - lo;
        if (!(span > 0)) {
            return List.of(new Tick(lo, format(lo, Math.max(Math.abs(lo), 1e-300), Math.abs(lo))));
        }
        double step = nice(span / Math.max(1, k - 1));
        while (Math.floor(hi / step) - Math.ceil(lo / step) + 1 > k) {
            step = nice(step * 1.5);
        }
        List<Tick> out = new ArrayList<>();
        for (double i = Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
            double v = i * step;
            out.add(new Tick(v, format(Math.abs(v) < step * 1e-9 ? 0 : v, step, Math.max(Math.abs(lo), Math.abs(hi)))));
        }
        return out;
    }

    /** Decade ticks of a log axis over [lo, hi] (lo > 0), every m-th decade so that the labels fit. */
    static List<Tick> log(double lo, double hi, double heightOrWidthPx, boolean vertical) {
        int a = (int) Math.ceil(Math.log10(lo) - 1e-9);
        int b = (int) Math.floor(Math.log10(hi) + 1e-9);
        for (int m = 1; ; m++) {
            List<Tick> out = new ArrayList<>();
            for (int e = b; e >= a; e -= m) {
                out.add(0, new Tick(Math.pow(10, e), decade(e)));
            }
            if (m > b - a || fitsLog(out, lo, hi, heightOrWidthPx, vertical)) {
                return out;
            }
        }
    }

    /** 10⁻³ style label. */
    static String decade(int e) {
        if (e == 0) {
            return "1";
        }
        if (e == 1) {
            return "10";
        }
        String sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder("10");
        if (e < 0) {
            b.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            b.append(sup.charAt(c - '0'));
        }
        return b.toString();
    }

    /** The smallest of 1, 2, 5 × 10^k that is at least x. */
    static double nice(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(x)));
        double f = x / p;
        double n = f <= 1 + 1e-9 ? 1 : f <= 2 + 1e-9 ? 2 : f <= 5 + 1e-9 ? 5 : 10;
        return n * p;
    }

    /**
     * A value with the decimals its axis step needs: fixed notation while that takes at most 6 decimals (and the
     * axis stays below 10^6), otherwise a mantissa with a common exponent, that of the axis' largest magnitude
     * {@code axisMag} (so all labels of an axis look alike: 1.0e-9, 1.5e-9, 2.0e-9).
     */
    static String format(double v, double step, double axisMag) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        String s;
        if (v == 0) {
            s = "0";
        } else if (decimals <= 6 && axisMag < 1e6) {
            s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        } else {
            int e = (int) Math.floor(Math.log10(Math.max(axisMag, step)));
            int digits = Math.max(0, (int) Math.ceil(Math.log10(Math.pow(10, e) / step) - 1e-9));
            s = String.format(Locale.ROOT, "%." + digits + "fe%d", v / Math.pow(10, e), e);
        }
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    /** Estimated width of a label in px. */
    static double width(String label) {
        return label.codePointCount(0, label.length()) * CHAR_PX;
    }

    /** Whether no two labels of a horizontal axis overlap, nor leave the plot by more than half a label. */
    static boolean fits(List<Tick> t, double lo, double hi, double widthPx, boolean logScale) {
        for (int i = 1; i < t.size(); i++) {
            double x0 = position(t.get(i - 1).value(), lo, hi, logScale) * widthPx;
            double x1 = position(t.get(i).value(), lo, hi, logScale) * widthPx;
            if (x1 - x0 < (width(t.get(i - 1).label()) + width(t.get(i).label())) / 2 + GAP_PX) {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsLog(List<Tick> t, double lo, double hi, double px, boolean vertical) {
        if (!vertical) {
            return fits(t, lo, hi, px, true);
        }
        for (int i = 1; i < t.size(); i++) {
            double d = (position(t.get(i).value(), lo, hi, true) - position(t.get(i - 1).value(), lo, hi, true)) * px;
            if (d < FONT_PX + 2) {
                return false;
            }
        }
        return true;
    }

    /** Where v sits on the axis, 0 at lo and 1 at hi. */
    static double position(double v, double lo, double hi, boolean logScale) {
        return logScale ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
    }
}
