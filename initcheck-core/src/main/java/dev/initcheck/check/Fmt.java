package dev.initcheck.check;

import dev.initcheck.distribution.Precision;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting for messages: four significant digits, no trailing zeros, {@link Locale#ROOT}. */
public final class Fmt {
    private Fmt() {
    }

    /** 0.1414, 0.0442, 1.02e-07, 1000000. */
    public static String num(double v) {
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

    /**
     * A value with its standard error: the error to one significant digit and the value to the same decimal place,
     * {@code 0.02001 ± 0.00002}; in exponent form when the larger of the two is outside [1e-6, 1e6),
     * {@code 5.77e+29 ± 1e+27}. A zero or non-finite error gives the value to four digits.
     */
    static String withError(double v, double se) {
        if (!(se > 0) || !Double.isFinite(se) || !Double.isFinite(v)) {
            return num(v);
        }
        BigDecimal e = new BigDecimal(se).round(new MathContext(1, RoundingMode.HALF_EVEN));
        int place = e.scale(); // decimal places of the error's digit (negative above 1)
        BigDecimal x = new BigDecimal(v).setScale(place, RoundingMode.HALF_EVEN);
        double a = Math.max(Math.abs(v), e.doubleValue());
        if (a >= 1e-6 && a < 1e6) {
            return x.toPlainString() + " ± " + e.toPlainString();
        }
        int digits = Math.max(1, (int) Math.floor(Math.log10(a)) - (int) Math.floor(Math.log10(e.doubleValue())) + 1);
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e ± %.0e", v, e.doubleValue());
    }

    /**
     * The shortest decimal spelling for a scheme parameter that is within a tenth of the standard error {@code se}
     * of {@code v} (at least 3, at most 17 significant digits), rounded in {@code mode} (CEILING or FLOOR keep a
     * fitted bound outside the values it must cover).
     */
    static String schemeNumber(double v, double se, RoundingMode mode) {
        int digits = 17;
        if (se > 0 && v != 0) {
            digits = (int) Math.ceil(Math.log10(Math.abs(v) / se)) + 2;
        }
        digits = Math.max(3, Math.min(17, digits));
        return spell(new BigDecimal(v).round(new MathContext(digits, mode)));
    }

    private static String spell(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        double a = Math.abs(s.doubleValue());
        return a == 0 ? "0" : a >= 1e-6 && a < 1e7 ? s.toPlainString() : s.toString();
    }

    /** The double's own shortest decimal (Double.toString), in plain notation where short: 0.044194173824159216. */
    static String exact(double v) {
        return spell(new BigDecimal(Double.toString(v)));
    }

    /** The shortest decimal that the format {@code p} rounds back to {@code v} (v a value of the format). */
    static String shortest(double v, Precision p) {
        for (int d = 1; d < 17; d++) {
            String s = spell(new BigDecimal(v).round(new MathContext(d, RoundingMode.HALF_EVEN)));
            if (p.round(Double.parseDouble(s)) == v) {
                return s;
            }
        }
        return spell(new BigDecimal(v).round(MathContext.DECIMAL64));
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
