package dev.initcheck.io;

import java.nio.charset.StandardCharsets;

/**
 * Parses one ASCII number token as {@link Double#parseDouble} would, restricted to decimal
 * notation ({@code -1.25}, {@code 3e-4}) and the names {@code nan}, {@code inf} and
 * {@code infinity} in any letter case with an optional sign. Hexadecimal and Java's {@code f}/{@code d}
 * suffixes are refused.
 *
 * <p>Plain decimals with at most 15 significant digits and at most 22 fraction digits take a fast
 * path without allocation: the digits form an exact integer m below 2^53 and 10^k is exact for
 * k &lt;= 22, so the single IEEE division m / 10^k is correctly rounded (Clinger's fast path) and
 * equals what {@code parseDouble} returns. Everything else goes to {@code parseDouble}.
 */
final class DecimalParser {
    private static final int MAX_FAST_DIGITS = 15;
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private DecimalParser() {
    }

    /**
     * Parses {@code bytes[start..end)}.
     *
     * @throws NumberFormatException if the token is not a number
     */
    static double parse(byte[] bytes, int start, int end) {
        double fast = fast(bytes, start, end);
        return Double.isNaN(fast) ? slow(bytes, start, end) : fast;
    }

    /** Returns NaN where the fast path does not apply (it never yields NaN otherwise). */
    private static double fast(byte[] b, int start, int end) {
        int i = start;
        boolean negative = b[i] == '-';
        i += negative || b[i] == '+' ? 1 : 0;
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        boolean digits = false;
        boolean dot = false;
        for (; i < end; i++) {
            int c = b[i];
            if (c == '.' && !dot) {
                dot = true;
                continue;
            }
            if (c < '0' || c > '9' || (mantissa != 0 || c != '0') && ++significant > MAX_FAST_DIGITS) {
                return Double.NaN;
            }
            digits = true;
            mantissa = mantissa * 10 + (c - '0');
            scale -= dot ? 1 : 0;
        }
        if (!digits || -scale >= POW10.length) {
            return Double.NaN;
        }
        double magnitude = mantissa / POW10[-scale];
        return negative ? -magnitude : magnitude;
    }

    private static double slow(byte[] b, int start, int end) {
        String token = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        String unsigned = token.startsWith("-") || token.startsWith("+") ? token.substring(1) : token;
        double sign = token.startsWith("-") ? -1 : 1;
        if (unsigned.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < token.length(); i++) {
            if ("0123456789.eE+-".indexOf(token.charAt(i)) < 0) {
                throw new NumberFormatException(token);
            }
        }
        return Double.parseDouble(token);
    }
}
