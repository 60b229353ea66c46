package dev.initcheck.sample;

/**
 * Hashes of the leading values of the rows and columns of a rows × cols matrix, accumulated from chunks of its
 * C-order values in any order, so that a streaming pass can look for duplicate rows and columns without holding
 * the matrix.
 *
 * <p>Each line is hashed over its first {@link #LEAD} values (all of them if shorter): identical lines agree there,
 * and two independent lines of a law whose stored values coincide with probability q agree on k values with
 * probability q<sup>k</sup>, so "no two lines agree on their first k values" is a test of the same kind, with the
 * same meaningfulness rule ({@code check.DuplicateLinesCheck}) at length k, for a fraction of the cost (the first k values
 * of each row, and the first k rows).
 *
 * <p>Row r's hash is the pair Σ<sub>c&lt;k</sub> h<sub>j</sub>(x<sub>rc</sub>)·K<sub>j,c</sub> (j = 1, 2) and column c's
 * the pair Σ<sub>r&lt;k</sub> h<sub>j</sub>(x<sub>rc</sub>)·R<sub>j,r</sub>, mod 2<sup>64</sup>, with h<sub>1</sub>,
 * h<sub>2</sub> the SplitMix64 finalizer of the value's bits (-0.0 hashed as +0.0) under two salts and K, R fixed odd
 * pseudo-random keys. Identical lines have identical pairs. Lines that differ in one value never collide (each
 * term is a bijection of the value); lines that differ in several collide when both 64-bit sums of the differences
 * vanish, which for the values of a random initialization behaves like two independent 64-bit events: about
 * 2<sup>-128</sup> per pair, so even 2<sup>40</sup> pairs of {@value #MAX_LINES} lines leave a false duplicate far
 * below the 10<sup>-12</sup> the duplicate checks allow for chance coincidences. The sums being order-free, chunks
 * may be added by several threads and merged.
 */
public final class LineHashes implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Leading values hashed per line. */
    public static final int LEAD = 64;
    /** Most rows plus columns hashed: 32 bytes of accumulators each, per thread. */
    static final long MAX_LINES = 1L << 20;
    private static final long SALT = 0x632BE59BD9B4E019L;
    private final int rows;
    private final int cols;
    private final long[] rowKeys;
    private final long[] colKeys;
    private final long[] rowKeys2;
    private final long[] colKeys2;
    private final long[] rowHash;
    private final long[] colHash;
    private final long[] rowHash2;
    private final long[] colHash2;

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
        this.rowKeys2 = keys(Math.min(this.rows, LEAD), 0x94D049BB133111EBL);
        this.colKeys2 = keys(Math.min(this.cols, LEAD), 0xBF58476D1CE4E5B9L);
        this.rowHash = new long[this.rows];
        this.colHash = new long[this.cols];
        this.rowHash2 = new long[this.rows];
        this.colHash2 = new long[this.cols];
    }

    /** Whether a rows × cols matrix can be hashed within {@link #MAX_LINES}. */
    public static boolean feasible(long rows, long cols) {
        return rows >= 1 && cols >= 1 && rows + cols <= MAX_LINES;
    }

    /** Bytes one accumulator holds for a rows × cols matrix. */
    public static long bytes(long rows, long cols) {
        return 32 * (rows + cols) + 32L * LEAD;
    }

    private static long[] keys(int n, long salt) {
        long[] k = new long[n];
        for (int i = 0; i < n; i++) {
            k[i] = mix(salt + 0x9E3779B97F4A7C15L * (i + 1)) | 1;
        }
        return k;
    }

    /** SplitMix64's finalizer (Steele, Lea, Flood 2014). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Adds {@code values[from..to)}, the matrix's C-order values from position {@code offset} on. */
    public void add(double[] values, int from, int to, long offset) {
        int lead = Math.min(cols, LEAD);
        long end = offset + (to - from);
        long row = offset / cols;
        long rowStart = row * cols;
        while (rowStart < end) {
            int r = (int) row;
            boolean keyed = r < LEAD; // this row is among the first LEAD rows that the column hashes cover
            long rk = keyed ? rowKeys[r] : 0;
            long rk2 = keyed ? rowKeys2[r] : 0;
            // the first `lead` values of row r that fall inside this chunk
            long a = Math.max(rowStart, offset);
            long b = Math.min(rowStart + lead, end);
            long acc = 0;
            long acc2 = 0;
            for (long g = a; g < b; g++) {
                int c = (int) (g - rowStart);
                long bits = Double.doubleToLongBits(values[from + (int) (g - offset)] + 0.0);
                long h = mix(bits);
                long h2 = mix(bits ^ SALT);
                acc += h * colKeys[c];
                acc2 += h2 * colKeys2[c];
                if (keyed) {
                    colHash[c] += h * rk;
                    colHash2[c] += h2 * rk2;
                }
            }
            rowHash[r] += acc;
            rowHash2[r] += acc2;
            if (keyed && cols > LEAD) { // the row's values beyond its lead count only for their columns
                long c0 = Math.max(rowStart + lead, offset);
                long c1 = Math.min(rowStart + cols, end);
                for (long g = c0; g < c1; g++) {
                    int c = (int) (g - rowStart);
                    long bits = Double.doubleToLongBits(values[from + (int) (g - offset)] + 0.0);
                    colHash[c] += mix(bits) * rk;
                    colHash2[c] += mix(bits ^ SALT) * rk2;
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
            rowHash2[i] += other.rowHash2[i];
        }
        for (int j = 0; j < cols; j++) {
            colHash[j] += other.colHash[j];
            colHash2[j] += other.colHash2[j];
        }
    }

    /** The 128-bit hash of each row, as two arrays. */
    public long[][] rowHashes() {
        return new long[][] {rowHash, rowHash2};
    }

    /** The 128-bit hash of each column, as two arrays. */
    public long[][] columnHashes() {
        return new long[][] {colHash, colHash2};
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }
}
