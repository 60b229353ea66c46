package dev.initcheck.check;

/**
 * Hashes of the leading values of the rows and columns of a rows × cols matrix, accumulated from chunks of its
 * C-order values in any order, so that a streaming pass can look for duplicate rows and columns without holding
 * the matrix.
 *
 * <p>Each line is hashed over its first {@link #LEAD} values (all of them if shorter): identical lines agree there,
 * and two independent lines of a law whose stored values coincide with probability q agree on k values with
 * probability q<sup>k</sup>, so "no two lines agree on their first k values" is a test of the same kind, with the
 * same meaningfulness rule ({@code IndependenceChecks}) at length k, for a fraction of the cost (the first k values
 * of each row, and the first k rows). Row r's hash is Σ<sub>c&lt;k</sub> h(x<sub>rc</sub>)·K<sub>c</sub> and column
 * c's is Σ<sub>r&lt;k</sub> h(x<sub>rc</sub>)·R<sub>r</sub> (mod 2<sup>64</sup>), with h the SplitMix64 finalizer of the value's
 * bits (-0.0 hashed as +0.0) and K, R fixed odd pseudo-random keys. Identical lines have identical hashes; two
 * different lines share one with probability about 2<sup>-64</sup> over the keys (at most 2<sup>-60</sup> when a
 * value difference is divisible by 2<sup>4</sup>), so over the ≤ 2<sup>44</sup> pairs of
 * {@value #MAX_LINES} lines a false duplicate has probability below 2<sup>-16</sup> in the worst case and about
 * 2<sup>-20</sup>·(lines/2<sup>22</sup>)² in general; the sums being order-free, chunks may be added by several
 * threads and merged.
 */
public final class LineHashes {
    /** Leading values hashed per line. */
    public static final int LEAD = 64;
    /** Most rows plus columns hashed (16 bytes of accumulators and keys each, per thread). */
    public static final long MAX_LINES = 1L << 22;
    private final int rows;
    private final int cols;
    private final long[] rowKeys;
    private final long[] colKeys;
    private final long[] rowHash;
    private final long[] colHash;

    /**
     * Empty accumulators for a rows × cols matrix.
     *
     * @throws IllegalArgumentException when rows + cols exceeds {@link #MAX_LINES}
     */
    public LineHashes(long rows, long cols) {
        if (!feasible(rows, cols)) {
            throw new IllegalArgumentException("too many lines to hash: " + rows + " x " + cols);
        }
        this.rows = (int) rows;
        this.cols = (int) cols;
        this.rowKeys = keys(Math.min(this.rows, LEAD), 0x5DEECE66DL);
        this.colKeys = keys(Math.min(this.cols, LEAD), 0x2545F4914F6CDD1DL);
        this.rowHash = new long[this.rows];
        this.colHash = new long[this.cols];
    }

    /** Whether a rows × cols matrix can be hashed within {@link #MAX_LINES}. */
    public static boolean feasible(long rows, long cols) {
        return rows >= 1 && cols >= 1 && rows + cols <= MAX_LINES;
    }

    private static long[] keys(int n, long salt) {
        long[] k = new long[n];
        for (int i = 0; i < n; i++) {
            k[i] = mix(salt + 0x9E3779B97F4A7C15L * (i + 1)) | 1;
        }
        return k;
    }

    /** SplitMix64's finalizer (Steele, Lea, Flood 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Adds {@code values[from..to)}, the matrix's C-order values from position {@code offset} on. */
    public void add(double[] values, int from, int to, long offset) {
        int lead = Math.min(cols, LEAD);
        long row = offset / cols;
        long rowStart = row * cols;
        while (rowStart < offset + (to - from)) {
            int r = (int) row;
            // the first `lead` values of row r that fall inside this chunk
            long a = Math.max(rowStart, offset);
            long b = Math.min(rowStart + lead, offset + (to - from));
            long acc = 0;
            long rowKey = r < LEAD ? rowKeys[r] : 0;
            for (long g = a; g < b; g++) {
                int c = (int) (g - rowStart);
                long h = mix(Double.doubleToLongBits(values[from + (int) (g - offset)] + 0.0));
                acc += h * colKeys[c];
                if (r < LEAD) {
                    colHash[c] += h * rowKey;
                }
            }
            rowHash[r] += acc;
            if (r < LEAD && cols > LEAD) { // columns beyond the row's lead: only their first LEAD rows count
                long c0 = Math.max(rowStart + lead, offset);
                long c1 = Math.min(rowStart + cols, offset + (to - from));
                for (long g = c0; g < c1; g++) {
                    int c = (int) (g - rowStart);
                    colHash[c] += mix(Double.doubleToLongBits(values[from + (int) (g - offset)] + 0.0)) * rowKey;
                }
            }
            row++;
            rowStart += cols;
        }
    }

    /** Adds another accumulator of the same matrix (other chunks). */
    public void merge(LineHashes other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException("different matrices");
        }
        for (int i = 0; i < rows; i++) {
            rowHash[i] += other.rowHash[i];
        }
        for (int j = 0; j < cols; j++) {
            colHash[j] += other.colHash[j];
        }
    }

    long[] rowHashes() {
        return rowHash;
    }

    long[] columnHashes() {
        return colHash;
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }
}
