package dev.initcheck.distribution;

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
    /** IEEE 754 binary16 (half): 10 mantissa bits, exponents -14..15, largest finite 65504. */
    FLOAT16(10, -14, 15),
    /** bfloat16 (Google Brain): the upper 16 bits of a float32, 7 mantissa bits, float32's exponent range. */
    BFLOAT16(7, -126, 127),
    /** IEEE 754 binary32 (float): 23 mantissa bits, exponents -126..127. */
    FLOAT32(23, -126, 127),
    /** IEEE 754 binary64 (double): 52 mantissa bits, exponents -1022..1023; values are compared as stored. */
    FLOAT64(52, -1022, 1023);

    private final int mantissaBits;
    private final int minExponent;
    private final int maxExponent;

    Precision(int mantissaBits, int minExponent, int maxExponent) {
        this.mantissaBits = mantissaBits;
        this.minExponent = minExponent;
        this.maxExponent = maxExponent;
    }

    /**
     * Lower-case name for reports and JSON.
     *
     * @return {@code float16}, {@code bfloat16}, {@code float32} or {@code float64}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Number of stored mantissa (fraction) bits.
     *
     * @return 10, 7, 23 or 52
     */
    public int mantissaBits() {
        return mantissaBits;
    }

    /**
     * Unit roundoff u = 2^-(mantissaBits+1): round-to-nearest changes a value by at most u·|x| (normal range).
     *
     * @return 2^-11, 2^-8, 2^-24 or 2^-53
     */
    public double unitRoundoff() {
        return Math.scalb(1.0, -(mantissaBits + 1));
    }

    /**
     * The spacing of representable numbers of this format at |x|, i.e. one ulp: 2^(e - mantissaBits) with
     * e = max(exponent of x, minimum normal exponent). ulp(0) is the smallest subnormal.
     *
     * @param x any value; its sign is ignored
     * @return the ulp at |x| (Math.ulp for FLOAT64); NaN when x is infinite or NaN
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

    /**
     * The largest finite value, (2 - 2^-mantissaBits)·2^maxExponent.
     *
     * @return 65504 for float16, about 3.39e38 for bfloat16, Float.MAX_VALUE, Double.MAX_VALUE
     */
    public double maxFinite() {
        return this == FLOAT64 ? Double.MAX_VALUE
                : Math.scalb(2 - Math.scalb(1.0, -mantissaBits), maxExponent);
    }

    /**
     * Rounds x to this format, to nearest with ties to even (IEEE 754; what PyTorch and numpy do when they cast
     * float32 to bfloat16 or float16): the value a framework stores for x. Magnitudes at or beyond
     * maxFinite + ulp(maxFinite)/2 become infinite; NaN stays NaN. Computed as rint(|x| / ulp(x))·ulp(x) with the
     * sign restored (rint rounds half to even; the division is exact, ulp being a power of two); FLOAT32 by the
     * {@code (float)} cast, FLOAT64 unchanged.
     *
     * @param x any double
     * @return the nearest value of this format, ties to the one with an even last mantissa bit; ±0, ±infinity and
     *     NaN unchanged
     */
    public double round(double x) {
        if (this == FLOAT64 || x == 0 || !Double.isFinite(x)) {
            return x;
        }
        if (this == FLOAT32) {
            return (float) x;
        }
        double a = Math.abs(x);
        double step = ulp(a);
        double r = Math.rint(a / step) * step; // a/step is exact: step is a power of two
        return Math.copySign(r > maxFinite() ? Double.POSITIVE_INFINITY : r, x);
    }

    /**
     * Whether a number is a finite value of this format.
     *
     * @param x any double
     * @return true when x is finite and {@code round(x) == x}
     */
    public boolean representable(double x) {
        return Double.isFinite(x) && round(x) == x;
    }

    /**
     * The distance from a value g of this format to the next larger one (g finite, below maxFinite): ulp(g) for
     * g &gt;= 0; for g &lt; 0 the spacing towards zero, half of ulp(g) when |g| is a power of two above the
     * subnormal range.
     *
     * @param g a finite value of this format, below maxFinite
     * @return the gap to the next larger value of the format
     */
    public double spacingAbove(double g) {
        if (this == FLOAT64) {
            return Math.nextUp(g) - g;
        }
        if (g >= 0) {
            return ulp(g);
        }
        double a = -g;
        boolean powerOfTwo = a == Math.scalb(1.0, Math.getExponent(a));
        return powerOfTwo && Math.getExponent(a) > minExponent ? ulp(a) / 2 : ulp(a);
    }

    /**
     * The next larger value of this format after g.
     *
     * @param g a value of this format
     * @return g + spacingAbove(g); positive infinity when g &ge; maxFinite
     */
    public double nextUp(double g) {
        return g >= maxFinite() ? Double.POSITIVE_INFINITY : g + spacingAbove(g);
    }

    /**
     * The next smaller value of this format before g: -nextUp(-g).
     *
     * @param g a value of this format
     * @return the previous value; negative infinity when g &le; -maxFinite
     */
    public double nextDown(double g) {
        return -nextUp(-g);
    }

    /**
     * Upper end of the rounding cell of the format value g: every real number in (cellLower(g), cellUpper(g))
     * rounds to g. It is the midpoint g + spacingAbove(g)/2 (exact in double arithmetic), maxFinite + ulp/2 for
     * the largest value, and g itself in FLOAT64 (whose cells are taken as points: values are compared as
     * stored). The cell ends have probability zero under a continuous law, so ties need no care.
     *
     * @param g a finite value of this format
     * @return the upper end of the interval of reals stored as g
     */
    public double cellUpper(double g) {
        if (this == FLOAT64) {
            return g;
        }
        return g + spacingAbove(g) / 2;
    }

    /**
     * Lower end of the rounding cell of g: -cellUpper(-g).
     *
     * @param g a finite value of this format
     * @return the lower end of the interval of reals stored as g
     */
    public double cellLower(double g) {
        return -cellUpper(-g);
    }

    /**
     * The smallest value of this format that is &gt;= t.
     *
     * @param t any finite double
     * @return that value; positive infinity above maxFinite
     */
    public double ceil(double t) {
        double r = round(t);
        return r < t ? nextUp(r) : r;
    }

    /**
     * The bit pattern of a bfloat16 value given as a double (exact for bfloat16 values: the upper half of the
     * float32 bits), 0 to 65,535.
     *
     * @param g a bfloat16 value (for another double the float32 rounding of g is truncated, not rounded, to 16 bits)
     * @return the 16-bit pattern, 0 to 65,535
     */
    public static int bfloat16Bits(double g) {
        return Float.floatToRawIntBits((float) g) >>> 16;
    }

    /**
     * The bfloat16 value of a bit pattern, widened exactly: the float32 with these bits on top and zeros below.
     *
     * @param bits the pattern, 0 to 65,535 (higher bits are shifted out)
     * @return the value, possibly infinite or NaN
     */
    public static double bfloat16Value(int bits) {
        return Float.intBitsToFloat(bits << 16);
    }

    /**
     * Parses a format name, case-insensitive, surrounding whitespace ignored.
     *
     * @param text {@code float16}/{@code f16}/{@code fp16}/{@code half}, {@code bfloat16}/{@code bf16},
     *     {@code float32}/{@code f32}/{@code fp32}/{@code float} or
     *     {@code float64}/{@code f64}/{@code fp64}/{@code double}
     * @return the precision
     * @throws IllegalArgumentException for any other text; the message lists the valid names
     */
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
