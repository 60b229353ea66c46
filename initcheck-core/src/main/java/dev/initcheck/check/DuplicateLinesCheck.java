package dev.initcheck.check;

import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.sample.LineHashes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * <b>duplicate_rows / duplicate_columns</b> (hard): two identical rows (columns) of the 2-D view are impossible
 * under a continuous law. Rounding to the stored precision makes two values coincide with probability
 * q = Σ_g P(Y = g)² ({@link StoredLaw#collisionProbability()}: exact in 16-bit formats, a bound from the largest
 * rounding cell otherwise, valid for a law centred anywhere), so two given rows of {@code length} i.i.d. values
 * coincide with probability q^length and the check runs only when the chance of any coincident pair,
 * (count²/2)·q^length, is below {@link #CHANCE_LIMIT}; otherwise it is left out (e.g. a [n, 1] tensor in float16,
 * or N(1, 1e-4) in bfloat16, whose values all fall on a few grid values).
 * One instance checks rows ({@link #ROWS}), the other columns ({@link #COLUMNS}); with the values at hand lines are
 * compared value by value, from a streamed summary by their hashes ({@link LineHashes}).
 */
final class DuplicateLinesCheck extends Check {
    /** duplicate_rows. */
    static final DuplicateLinesCheck ROWS = new DuplicateLinesCheck(true);
    /** duplicate_columns. */
    static final DuplicateLinesCheck COLUMNS = new DuplicateLinesCheck(false);
    /** Largest acceptable chance that a correct tensor has two coincident rows, for the hard check to run. */
    static final double CHANCE_LIMIT = 1e-12;

    private final boolean byRows;

    private DuplicateLinesCheck(boolean byRows) {
        super(byRows ? CheckName.DUPLICATE_ROWS : CheckName.DUPLICATE_COLUMNS, false);
        this.byRows = byRows;
    }

    /** Runs when lines can be compared and a chance coincidence of two correct lines is negligible. */
    @Override
    boolean appliesTo(Subject s) {
        if (!s.iid() || !s.lines()) {
            return false;
        }
        long[] rc = s.expectation().matrixView();
        double q = StoredLaw.of(s.law(), s.precision()).collisionProbability();
        return byRows ? meaningful(rc[0], Math.min(rc[1], s.lineCap()), q)
                : meaningful(rc[1], Math.min(rc[0], s.lineCap()), q);
    }

    @Override
    CheckResult run(Evidence ev, double alpha) {
        if (ev.matrix() == null) {
            return check(ev.lineHashes(), byRows);
        }
        long[] rc = ev.subject().expectation().matrixView();
        return check(ev.matrix(), Math.toIntExact(rc[0]), Math.toIntExact(rc[1]), byRows);
    }

    /**
     * Whether identical rows of {@code length} values among {@code count} rows are negligible by chance, for
     * values whose collision probability is {@code q}.
     */
    static boolean meaningful(long count, long length, double q) {
        double logChance = 2 * Math.log(count) - Math.log(2) + length * Math.log(q);
        return count >= 2 && q < 1 && logChance <= Math.log(CHANCE_LIMIT);
    }

    /** Duplicate rows (byRows) or columns of the rows × cols C-order matrix {@code w}. */
    static CheckResult check(double[] w, int rows, int cols, boolean byRows) {
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
    static CheckResult check(LineHashes lines, boolean byRows) {
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
}
