package dev.initcheck.io;

/**
 * Bit conversions for 16-bit floats (Java 17 has no {@code Float.float16ToFloat}).
 *
 * <p>binary16 (IEEE 754-2008): 1 sign bit, 5 exponent bits (bias 15), 10 fraction bits.
 * bfloat16: the upper 16 bits of a binary32. Both convert to {@code float} exactly.
 */
final class HalfFloat {
    private HalfFloat() {
    }

    /** Converts binary16 bits (low 16 bits of {@code bits}) to the exactly equal float. */
    static float f16ToFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (fraction << 13));
        }
        if (exponent == 0) {
            float magnitude = fraction * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (fraction << 13));
    }

    /** Converts bfloat16 bits (low 16 bits of {@code bits}) to the exactly equal float. */
    static float bf16ToFloat(int bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }
}
