package dev.initcheck.check;

import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.sample.LineHashes;
import dev.initcheck.sample.SampleMoments;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Checks of the independence every other test assumes.
 *
 * <p><b>duplicate_rows / duplicate_columns</b> (hard): two identical rows (columns) of the 2-D view are impossible
 * under a continuous law. Rounding to the stored precision makes two values coincide with probability
 * q = Σ_g P(Y = g)² ({@link StoredLaw#collisionProbability()}: exact in 16-bit formats, a bound from the largest
 * rounding cell otherwise, valid for a law centred anywhere), so two given rows of {@code length} i.i.d. values
 * coincide with probability q^length and the check runs only when the chance of any coincident pair,
 * (count²/2)·q^length, is below {@link #CHANCE_LIMIT}; otherwise it is left out (e.g. a [n, 1] tensor in float16,
 * or N(1, 1e-4) in bfloat16, whose values all fall on a few grid values).
 *
 * <p><b>lag1_correlation</b>: r1 of consecutive values in storage order; for i.i.d. values with a finite fourth
 * moment sqrt(n)·r1 is asymptotically N(0, 1) (Bartlett 1946), so the check rejects iff
 * |sqrt(n)·r1| &gt; z_(1-alpha/2). Asymptotic: run only for n &gt;= {@link #LAG1_MIN_N}, where the measured
 * false-alarm rate agrees with alpha (measured by {@code app.Calibration}).
 *
 * <p><b>cross_correlation</b>: Pearson r over the first m = min(n_a, n_b) values of two tensors. A seed reused
 * for two tensors makes them identical or proportional (|r| = 1). Threshold |r| &lt;= t/sqrt(m - 2 + t²),
 * t = t_(m-2)(1 - alpha/2): exact when one tensor is normal (Fisher 1915), a close approximation otherwise.
 */
final class IndependenceChecks {
    /** Largest acceptable chance that a correct tensor has two coincident rows, for the hard check to run. */
    static final double CHANCE_LIMIT = 1e-12;
    /** Smallest n for which the lag-1 check runs. */
    static final long LAG1_MIN_N = 1000;

    private IndependenceChecks() {
    }

    /**
     * Whether identical rows of {@code length} values among {@code count} rows are negligible by chance, for
     * values whose collision probability is {@code q}.
     */
    static boolean duplicatesMeaningful(long count, long length, double q) {
        double logChance = 2 * Math.log(count) - Math.log(2) + length * Math.log(q);
        return count >= 2 && q < 1 && logChance <= Math.log(CHANCE_LIMIT);
    }

    /** Duplicate rows (byRows) or columns of the rows × cols C-order matrix {@code w}. */
    static CheckResult duplicates(double[] w, int rows, int cols, boolean byRows) {
        int count = byRows ? rows : cols;
        int len = byRows ? cols : rows;
        long[] hash = byRows ? rowHashes(w, rows, cols) : columnHashes(w, rows, cols);
        Map<Long, Integer> seen = new HashMap<>();
        int duplicates = 0;
        int firstA = -1;
        int firstB = -1;
        for (int i = 0; i < count; i++) {
            Integer j = seen.putIfAbsent(hash[i], i);
            if (j != null && equal(w, rows, cols, byRows, j, i, len)) {
                duplicates++;
                if (firstA < 0) {
                    firstA = j;
                    firstB = i;
                }
            }
        }
        return duplicateResult(byRows, count, duplicates, firstA, firstB, "");
    }

    /**
     * Duplicate rows (byRows) or columns from streamed {@link LineHashes}: lines whose leading values hash alike
     * count as identical (they cannot be compared value by value; see {@link LineHashes} for the chance of a false
     * duplicate).
     */
    static CheckResult duplicates(LineHashes lines, boolean byRows) {
        long[][] hash = byRows ? lines.rowHashes() : lines.columnHashes();
        int n = hash[0].length;
        // open addressing on the 128-bit hashes: slot -> 1 + index of the first line with that hash, 0 when free
        int[] slots = new int[Integer.highestOneBit(Math.max(1, 2 * n - 1)) << 1];
        int mask = slots.length - 1;
        int duplicates = 0;
        int firstA = -1;
        int firstB = -1;
        for (int i = 0; i < n; i++) {
            int slot = (int) LineHashes.mix(hash[0][i] ^ Long.rotateLeft(hash[1][i], 32)) & mask;
            int j = -1;
            while (slots[slot] != 0) {
                int k = slots[slot] - 1;
                if (hash[0][k] == hash[0][i] && hash[1][k] == hash[1][i]) {
                    j = k;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            if (j < 0) {
                slots[slot] = i + 1;
            } else {
                duplicates++;
                if (firstA < 0) {
                    firstA = j;
                    firstB = i;
                }
            }
        }
        int lead = Math.min(LineHashes.LEAD, byRows ? lines.cols() : lines.rows());
        return duplicateResult(byRows, hash[0].length, duplicates, firstA, firstB, " on their first " + lead
                + " values (streamed: equal 128-bit hashes)");
    }

    private static CheckResult duplicateResult(boolean byRows, int count, int duplicates, int firstA, int firstB,
                                               String how) {
        CheckName name = byRows ? CheckName.DUPLICATE_ROWS : CheckName.DUPLICATE_COLUMNS;
        String what = byRows ? "rows" : "columns";
        String msg = duplicates == 0 ? "no two of the " + count + " " + what + " are identical" + how
                : duplicates + " of the " + count + " " + what + " repeat an earlier one (first: " + what + " "
                + firstA + " and " + firstB + " are identical" + how + "): the values are not independent draws";
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("first_pair", firstA < 0 ? "none" : firstA + "," + firstB);
        return CheckResult.hard(name, duplicates == 0, duplicates, 0, Double.NaN, msg, d);
    }

    private static long bits(double x) {
        return Double.doubleToLongBits(x + 0.0); // -0.0 + 0.0 = +0.0: equal values hash alike
    }

    private static long[] rowHashes(double[] w, int rows, int cols) {
        long[] h = new long[rows];
        for (int i = 0; i < rows; i++) {
            long s = 1;
            for (int j = 0; j < cols; j++) {
                s = 31 * s + bits(w[i * cols + j]);
            }
            h[i] = s;
        }
        return h;
    }

    private static long[] columnHashes(double[] w, int rows, int cols) {
        long[] h = new long[cols];
        java.util.Arrays.fill(h, 1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                h[j] = 31 * h[j] + bits(w[i * cols + j]);
            }
        }
        return h;
    }

    private static boolean equal(double[] w, int rows, int cols, boolean byRows, int a, int b, int len) {
        for (int t = 0; t < len; t++) {
            double x = byRows ? w[a * cols + t] : w[t * cols + a];
            double y = byRows ? w[b * cols + t] : w[t * cols + b];
            if (x != y) {
                return false;
            }
        }
        return true;
    }

    static CheckResult lag1(SampleMoments m, double alpha) {
        long n = m.n();
        if (!(m.centralSumSquares() > 0)) {
            return CheckResult.notRun(CheckName.LAG1_CORRELATION, false,
                    "zero variance (every value equal): the correlation is undefined");
        }
        double r1 = m.lag1Correlation();
        double z = Math.sqrt((double) n) * r1;
        double c = NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / 2);
        boolean passed = Math.abs(z) <= c;
        double p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("r1", r1);
        d.put("approximation", "asymptotic N(0,1) for sqrt(n)·r1");
        String msg = passed
                ? "consecutive values are uncorrelated: r1 = " + Fmt.num(r1) + " (sqrt(n)·r1 = " + Fmt.num(z)
                + ", limit ±" + Fmt.num(c) + ")"
                : "consecutive values are correlated: r1 = " + Fmt.num(r1) + ", sqrt(n)·r1 = " + Fmt.num(z)
                + " beyond ±" + Fmt.num(c) + " (asymptotic normal limit, false-alarm probability " + Fmt.prob(alpha)
                + "): the values are not independent draws";
        return CheckResult.stochastic(CheckName.LAG1_CORRELATION, passed, z, c, alpha, p, Double.NaN, msg, d);
    }

    /** The |r| threshold t/sqrt(m - 2 + t²), t = t_(m-2)(1 - alpha/2). */
    static double crossThreshold(long m, double alpha) {
        double t = TDistribution.of(m - 2.0).inverseSurvivalProbability(alpha / 2);
        return t / Math.sqrt(m - 2 + t * t);
    }

    static CheckResult crossCorrelation(double[] a, double[] b, double alpha) {
        int m = Math.min(a.length, b.length);
        if (m < 3) {
            throw new IllegalArgumentException("cross-correlation needs at least 3 aligned values, got " + m);
        }
        double r = pearson(a, b, m);
        if (Double.isNaN(r)) {
            return CheckResult.notRun(CheckName.CROSS_CORRELATION, false, "zero variance in "
                    + (variance(a, m) > 0 ? "the second" : "the first") + " tensor's first " + m
                    + " values (every value equal): the correlation is undefined");
        }
        double c = crossThreshold(m, alpha);
        boolean passed = !(Math.abs(r) > c) && !Double.isNaN(r);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("r", r);
        d.put("aligned_values", m);
        String msg = passed
                ? "the two tensors are uncorrelated: r = " + Fmt.num(r) + " over " + m + " aligned values (limit ±"
                + Fmt.num(c) + ")"
                : "the two tensors are correlated: r = " + Fmt.num(r) + " over " + m + " aligned values (limit ±"
                + Fmt.num(c) + ")" + (Math.abs(r) > 0.999 ? ": one is a copy or a multiple of the other, as when"
                + " the same random seed is reused" : ": they were not drawn independently");
        return CheckResult.stochastic(CheckName.CROSS_CORRELATION, passed, Math.abs(r), c, alpha, Double.NaN,
                Double.NaN, msg, d);
    }

    private static double variance(double[] a, int m) {
        double mean = 0;
        for (int i = 0; i < m; i++) {
            mean += a[i];
        }
        mean /= m;
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += (a[i] - mean) * (a[i] - mean);
        }
        return s;
    }

    private static double pearson(double[] a, double[] b, int m) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < m; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= m;
        mb /= m;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < m; i++) {
            double x = a[i] - ma;
            double y = b[i] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : Double.NaN;
    }
}
