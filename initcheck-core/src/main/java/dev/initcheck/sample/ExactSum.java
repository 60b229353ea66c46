package dev.initcheck.sample;

import java.io.Serializable;
import java.math.BigInteger;

/**
 * Exact summation of doubles: every term is added without rounding into a fixed-point accumulator that spans the
 * whole double range (2<sup>-1074</sup> to beyond 2<sup>1024</sup>), and the total is rounded to the nearest double
 * once, when read. The result is therefore the correctly rounded exact sum, independent of the order of the terms and
 * of how partial sums were grouped and merged: one machine or many, one thread or several, any partitioning.
 *
 * <p>Representation: the value is Σ<sub>i</sub> w<sub>i</sub>·2<sup>32i − 1074</sup> with signed 64-bit words; a
 * term's 53-bit significand lands in three words, each receiving less than 2<sup>33</sup> per term, so carries are
 * propagated only every 2<sup>29</sup> terms. A non-finite term makes the value NaN, as a compensated sum does
 * (Neumaier's correction turns Inf − Inf into NaN), so a summary that met an overflow says so.
 *
 * <p>Cost: a few nanoseconds a term; callers add partial sums of runs of values, not every value.
 */
final class ExactSum implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int WORDS = 70;
    private static final long MASK = 0xFFFFFFFFL;
    private static final int NORMALIZE_EVERY = 1 << 29;

    private final long[] words = new long[WORDS];
    private int pending;
    private boolean nonFinite;
    private transient Double cached;

    void add(double x) {
        cached = null;
        if (!(x - x == 0)) { // Inf or NaN
            nonFinite = true;
            return;
        }
        if (x == 0) {
            return;
        }
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7FF);
        long m = bits & 0xFFFFFFFFFFFFFL;
        int p; // value = m · 2^(p - 1074)
        if (biased == 0) {
            p = 0; // subnormal
        } else {
            m |= 1L << 52;
            p = biased - 1;
        }
        int i = p >>> 5;
        int s = p & 31;
        long low = (m & MASK) << s;   // < 2^63
        long high = (m >>> 32) << s;  // < 2^52
        if (bits < 0) {
            words[i] -= low & MASK;
            words[i + 1] -= (low >>> 32) + (high & MASK);
            words[i + 2] -= high >>> 32;
        } else {
            words[i] += low & MASK;
            words[i + 1] += (low >>> 32) + (high & MASK);
            words[i + 2] += high >>> 32;
        }
        if (++pending >= NORMALIZE_EVERY) {
            normalize();
        }
    }

    /** Adds every term {@code other} holds. */
    void merge(ExactSum other) {
        cached = null;
        nonFinite |= other.nonFinite;
        for (int i = 0; i < WORDS; i++) {
            words[i] += other.words[i];
        }
        if ((pending += other.pending + 1) >= NORMALIZE_EVERY) {
            normalize();
        }
    }

    /** Propagates carries so that every word but the last holds a digit in [0, 2^32). */
    private void normalize() {
        for (int i = 0; i < WORDS - 1; i++) {
            long carry = words[i] >> 32;
            words[i] -= carry << 32;
            words[i + 1] += carry;
        }
        pending = 0;
    }

    /**
     * The exact sum rounded to the nearest double (ties to even; in the subnormal range, below 2<sup>-1022</sup>,
     * rounded twice, still deterministically); NaN after a non-finite term.
     */
    double value() {
        if (nonFinite) {
            return Double.NaN;
        }
        if (cached == null) {
            normalize();
            BigInteger total = BigInteger.ZERO;
            for (int i = WORDS - 1; i >= 0; i--) {
                total = total.shiftLeft(32).add(BigInteger.valueOf(words[i]));
            }
            cached = round(total);
        }
        return cached;
    }

    /** total·2^-1074 to the nearest double: the top 64 bits with a sticky bit round as the whole would. */
    private static double round(BigInteger total) {
        BigInteger magnitude = total.abs();
        int k = Math.max(0, magnitude.bitLength() - 64);
        BigInteger top = magnitude.shiftRight(k);
        if (k > 0 && magnitude.getLowestSetBit() < k) {
            top = top.setBit(0); // below the rounding position of a 53-bit significand: only says "not a tie"
        }
        double d = Math.scalb(top.doubleValue(), k - 1074);
        return total.signum() < 0 ? -d : d;
    }
}
