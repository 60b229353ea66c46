package dev.initcheck.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting for messages: four significant digits, no trailing zeros, {@link Locale#ROOT}. */
final class Fmt {
    private Fmt() {
    }

    /** 0.1414, 0.0442, 1.02e-07, 1000000. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : (v > 0 ? "inf" : "-inf");
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            return b.toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e");
    }

    /** A relative amount as a percentage: 0.00918 -> "0.918%". */
    static String pct(double v) {
        return num(100 * v) + "%";
    }

    /** A probability such as 1e-06 or 0.01. */
    static String prob(double p) {
        return num(p);
    }
}
