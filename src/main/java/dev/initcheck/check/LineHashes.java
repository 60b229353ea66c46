package dev.initcheck.check;

/**
 * Hashes of the rows and columns of a rows × cols matrix, accumulated from chunks of its C-order values in any
 * order, so that a streaming pass can look for duplicate rows and columns without holding the matrix.
 *
 * <p>Row r's hash is Σ<sub>c</sub> h(x<sub>rc</sub>)·K<sub>c</sub> and column c's is
 * Σ<sub>r</sub> h(x<sub>rc</sub>)·R<sub>r</sub> (mod 2<sup>64</sup>), with h the SplitMix64 finalizer of the value's
 * bits (-0.0 hashed as +0.0) and K, R fixed odd pseudo-random keys. Identical lines have identical hashes; two
 * different lines share one with probability about 2<sup>-64</sup> over the keys (at most 2<sup>-60</sup> when a
 * value difference is divisible by 2<sup>4</sup>), so over the ≤ 2<sup>44</sup> pairs of
 * {@value #MAX_LINES} lines a false duplicate has probability below 2<sup>-16</sup> in the worst case and about
 * 2<sup>-20</sup>·(lines/2<sup>22</sup>)² in general; the sums being order-free, chunks may be added by several
 * threads and merged.
 */
public final class LineHashes {
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
        this.rowKeys = keys(this.rows, 0x5DEECE66DL);
        this.colKeys = keys(this.cols, 0x2545F4914F6CDD1DL);
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
        int r = (int) (offset / cols);
        int c = (int) (offset % cols);
        for (int i = from; i < to; i++) {
            long h = mix(Double.doubleToLongBits(values[i] + 0.0));
            rowHash[r] += h * colKeys[c];
            colHash[c] += h * rowKeys[r];
            if (++c == cols) {
                c = 0;
                r++;
            }
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
