package dev.initcheck.check;

import java.util.Locale;

/**
 * The floating-point format the weights were stored in. It sets the slack of the hard checks: a value that a
 * framework computed as exactly the bound may be stored one unit in the last place (ulp) above it, a constant
 * 0.1 is stored as the nearest representable number, and an orthogonal matrix is orthonormal only up to the
 * format's unit roundoff.
 *
 * <p>IEEE 754 binary16 (FLOAT16) has 10 stored mantissa bits and minimum normal exponent -14; bfloat16 has 7 and
 * -126 (the float32 exponent range); binary32 23 and -126; binary64 52 and -1022. Below the minimum normal
 * exponent the spacing is that of the subnormals.
 */
public enum Precision {
    FLOAT16(10, -14),
    BFLOAT16(7, -126),
    FLOAT32(23, -126),
    FLOAT64(52, -1022);

    private final int mantissaBits;
    private final int minExponent;

    Precision(int mantissaBits, int minExponent) {
        this.mantissaBits = mantissaBits;
        this.minExponent = minExponent;
    }

    /** Lower-case name for reports: {@code float32}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Number of stored mantissa (fraction) bits. */
    public int mantissaBits() {
        return mantissaBits;
    }

    /** Unit roundoff u = 2^-(mantissaBits+1): round-to-nearest changes a value by at most u·|x| (normal range). */
    public double unitRoundoff() {
        return Math.scalb(1.0, -(mantissaBits + 1));
    }

    /**
     * The spacing of representable numbers of this format at |x|, i.e. one ulp: 2^(e - mantissaBits) with
     * e = max(exponent of x, minimum normal exponent). ulp(0) is the smallest subnormal.
     */
    public double ulp(double x) {
        double a = Math.abs(x);
        if (!Double.isFinite(a)) {
            return Double.NaN;
        }
        if (this == FLOAT64) {
            return Math.ulp(a);
        }
        int e = a == 0 ? minExponent : Math.max(Math.getExponent(a), minExponent);
        return Math.scalb(1.0, e - mantissaBits);
    }

    /** Parses {@code float32}, {@code f32}, {@code fp16}, {@code bf16}, {@code float64}, ... (case-insensitive). */
    public static Precision parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "float16", "f16", "fp16", "half" -> FLOAT16;
            case "bfloat16", "bf16" -> BFLOAT16;
            case "float32", "f32", "fp32", "float" -> FLOAT32;
            case "float64", "f64", "fp64", "double" -> FLOAT64;
            default -> throw new IllegalArgumentException("unknown precision '" + text
                    + "' (valid: float16, bfloat16, float32, float64)");
        };
    }
}
