package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import java.util.ArrayList;
import java.util.List;

/**
 * The values that betray uninitialized memory ({@code torch.empty}: leftover bits read as floats), counted for the
 * description of a tensor no law explains.
 *
 * <ul>
 *   <li>NaN and ±inf: decisive.</li>
 *   <li>Huge: |y| &gt; 10^6 × median|y| (the median of the nonzero |y| when most values are 0). Decisive: under a
 *       normal, uniform or truncated normal at least half the values would have to lie below 4e-6 sd for the
 *       largest (at most 40 sd) to be that far out, probability below C(n, n/2)·(3.2e-6)^(n/2) &lt; 1e-10 for
 *       n &gt;= 3 (the median is the upper one, so n = 2 never triggers).</li>
 *   <li>Exact zeros and subnormals (0 &lt; |y| &lt; the format's smallest normal, 2^-14 in float16, 2^-126 in
 *       bfloat16/float32): descriptive only, and listed only when their count exceeds E + 5·sqrt(E) + 5, E the
 *       count expected under the nearest fitted law as stored ({@link StoredLaw}: float16 N(0, 0.02) has 0.24%
 *       subnormals). Zeros get an extra allowance of 2^-mantissaBits in float16/bfloat16, since PyTorch samples
 *       those formats in their own arithmetic: its honest bf16 {@code uniform_}/{@code normal_} tensors hold 0.4%
 *       and 0.6% exact zeros, below 2^-7 = 0.78% (fixtures/stored).</li>
 * </ul>
 */
record Offenders(long nan, long infinite, long huge, double hugeLimit, double largest, long zeros,
                 double expectedZeros, long subnormals, double expectedSubnormals, double smallestNormal) {
    /** Huge means beyond this multiple of the median |y|. */
    static final double HUGE_FACTOR = 1e6;

    /**
     * Counts the offenders among {@code values}; {@code finite} summarizes the finite values (null when there are
     * none) and {@code nearest} is the law the zeros and subnormals are judged against (null: not judged).
     */
    static Offenders of(double[] values, FitSample finite, Distribution nearest, Precision p) {
        long nan = 0;
        long inf = 0;
        long zeros = 0;
        long sub = 0;
        double smallestNormal = p.ulp(0) * Math.scalb(1.0, p.mantissaBits());
        for (double v : values) {
            if (Double.isNaN(v)) {
                nan++;
            } else if (Double.isInfinite(v)) {
                inf++;
            } else if (v == 0) {
                zeros++;
            } else if (Math.abs(v) < smallestNormal) {
                sub++;
            }
        }
        long huge = 0;
        double limit = Double.NaN;
        double largest = Double.NaN;
        if (finite != null) {
            largest = finite.maxAbs;
            double median = finite.medianAbs > 0 ? finite.medianAbs : nonzeroMedianAbs(finite.sorted);
            limit = HUGE_FACTOR * median;
            if (median > 0) {
                for (double v : finite.sorted) {
                    huge += Math.abs(v) > limit ? 1 : 0;
                }
            }
        }
        double ez = Double.NaN;
        double es = Double.NaN;
        if (nearest != null) {
            double half = p.ulp(0) / 2;
            double pz = nearest.cdf(half) - nearest.cdf(-half) + (p == Precision.FLOAT16 || p == Precision.BFLOAT16
                    ? Math.scalb(1.0, -p.mantissaBits()) : 0);
            double ps = Math.max(0, nearest.cdf(smallestNormal) - nearest.cdf(-smallestNormal)
                    - (nearest.cdf(half) - nearest.cdf(-half)));
            ez = values.length * pz;
            es = values.length * ps;
        }
        return new Offenders(nan, inf, huge, limit, largest, zeros, ez, sub, es, smallestNormal);
    }

    private static double nonzeroMedianAbs(double[] sorted) {
        double[] nz = java.util.Arrays.stream(sorted).filter(v -> v != 0).map(Math::abs).sorted().toArray();
        return nz.length == 0 ? 0 : nz[nz.length / 2];
    }

    /** True when a value proves that no candidate law made the tensor: NaN, infinite or huge. */
    boolean decisive() {
        return nan > 0 || infinite > 0 || huge > 0;
    }

    /** Plain-words counts, e.g. {@code 3 NaN, 12 values above 6.7e+05 = 10^6 × median |x| (largest 1e+30)}. */
    List<String> phrases() {
        List<String> out = new ArrayList<>();
        if (nan > 0) {
            out.add(nan + " NaN");
        }
        if (infinite > 0) {
            out.add(infinite + " infinite");
        }
        if (huge > 0) {
            out.add(huge + " value" + (huge == 1 ? "" : "s") + " above " + Fmt.num(hugeLimit)
                    + " = 10^6 × median |x| (largest " + Fmt.num(largest) + ")");
        }
        if (excess(zeros, expectedZeros)) {
            out.add(zeros + " exact zeros (expected " + Fmt.num(expectedZeros) + ")");
        }
        if (excess(subnormals, expectedSubnormals)) {
            out.add(subnormals + " subnormal values below " + Fmt.num(smallestNormal) + " (expected "
                    + Fmt.num(expectedSubnormals) + ")");
        }
        return out;
    }

    private static boolean excess(long count, double expected) {
        return count > 0 && Double.isFinite(expected) && count > expected + 5 * Math.sqrt(expected) + 5;
    }
}
