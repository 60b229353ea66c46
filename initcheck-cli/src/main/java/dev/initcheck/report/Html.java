package dev.initcheck.report;

import java.util.Locale;

/** HTML escaping and number formatting for the report. */
final class Html {
    private Html() {
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Four significant digits; "n/a" for NaN. */
    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
    }

    /** A relative error as a percentage, "n/a" for NaN. */
    static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g%%", 100 * v) : "n/a";
    }
}
