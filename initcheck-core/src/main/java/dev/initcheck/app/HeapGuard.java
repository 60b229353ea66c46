package dev.initcheck.app;

import dev.initcheck.distribution.Family;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorSource;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Structure;
import java.util.Locale;

/**
 * Never allocate what the heap cannot hold: before a tensor is read whole, the bytes the work needs at its peak are
 * counted (8 per value, every copy included) and compared with the heap still free; when they do not fit, the
 * streaming path is taken where it exists, and otherwise the command is refused up front (exit 2, one line naming
 * the file, the tensor, the bytes needed and the bytes available) instead of dying of an OutOfMemoryError.
 *
 * <p>Peak bytes of the exact checks of n values ({@code Conformance.check} on the values):
 * <ul>
 *   <li>point mass: the values, 8n;</li>
 *   <li>orthogonal: the values and, when the matrix has more rows than columns, its transpose: 8n or 16n;</li>
 *   <li>i.i.d. laws: the values plus the larger of the sorted copy for KS (8n) and the duplicate rows/columns
 *       check ({@value #BYTES_PER_HASHED_LINE} bytes per hashed row or column: its 8-byte hash and its hash-map
 *       entry, for the larger side whose lines hold at least 2 values); the checks run one after the other.</li>
 * </ul>
 * {@code identify} keeps the values and a sorted copy while it runs the exact checks of every catalogue scheme:
 * 16n plus the largest of those transients. Free heap is {@code maxMemory - (totalMemory - freeMemory)}, measured
 * again after a garbage collection before anything is refused.
 */
public final class HeapGuard {
    /** A row's 8-byte hash, its boxed key and value, the hash-map node and table slot, with room for a resize. */
    public static final long BYTES_PER_HASHED_LINE = 96;

    private HeapGuard() {
    }

    /** Peak bytes of the exact checks of {@code n} values of {@code e} (see the class comment). */
    public static long checkBytes(Expectation e, long n) {
        long values = 8 * n;
        if (e.distribution().family() == Family.POINT_MASS) {
            return values;
        }
        long[] rc = e.matrixView();
        if (e.structure() == Structure.ORTHOGONAL) {
            return rc[0] > rc[1] ? 2 * values : values;
        }
        return values + Math.max(values, duplicateBytes(rc[0], rc[1]));
    }

    /** Peak bytes of {@code identify} on {@code n} values of this shape: values, sorted copy, one check's transient. */
    public static long identifyBytes(Expectation shape, long n) {
        long[] rc = shape.matrixView();
        return 16 * n + Math.max(8 * n, duplicateBytes(rc[0], rc[1]));
    }

    private static long duplicateBytes(long rows, long cols) {
        return BYTES_PER_HASHED_LINE * Math.max(cols >= 2 ? rows : 0, rows >= 2 ? cols : 0);
    }

    /**
     * Whether {@code check} must stream a tensor it would otherwise read whole: false when the exact checks fit,
     * true when they do not and {@code --ks auto} may stream this law.
     *
     * @throws IllegalArgumentException when they do not fit and cannot stream: one line with the bytes needed
     */
    static boolean mustStream(TensorCheck.Target t, TensorInfo info, Expectation e, TensorCheck.KsMode mode) {
        long n = info.size();
        long need = checkBytes(e, n);
        if (n <= TensorSource.MAX_ARRAY_ELEMENTS && fits(need)) {
            return false;
        }
        boolean canStream = TensorCheck.streaming(e, n, TensorCheck.KsMode.STREAMING);
        if (mode == TensorCheck.KsMode.AUTO && canStream) {
            return true;
        }
        String what = e.structure() == Structure.ORTHOGONAL ? "the values and a transposed copy"
                : e.distribution().family() == Family.POINT_MASS ? "the values" : "the values and a sorted copy";
        String doing = mode == TensorCheck.KsMode.EXACT && canStream ? "--ks exact" : "checking " + e.scheme();
        throw refusal(t, n, doing, what, need, canStream);
    }

    /**
     * Refuses {@code identify} on a tensor whose values, sorted copy and checks do not fit in the heap.
     *
     * @throws IllegalArgumentException one line with the bytes needed and available
     */
    public static void requireIdentify(TensorCheck.Target t, TensorInfo info, Expectation shape) {
        long n = info.size();
        long need = identifyBytes(shape, n);
        if (n > TensorSource.MAX_ARRAY_ELEMENTS || !fits(need)) {
            throw refusal(t, n, "identify", "the values, a sorted copy and the checks of each scheme", need, false);
        }
    }

    /** Whether {@code bytes} more fit in the heap now (after a collection if needed). */
    public static boolean fits(long bytes) {
        if (bytes <= available()) {
            return true;
        }
        System.gc(); // garbage counts as used until collected; measure once more before refusing
        return bytes <= available();
    }

    public static long available() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    private static IllegalArgumentException refusal(TensorCheck.Target t, long n, String doing, String what,
                                                    long need, boolean canStream) {
        Runtime r = Runtime.getRuntime();
        long used = r.totalMemory() - r.freeMemory();
        String where = t.file() + ": tensor '" + t.tensor() + "': ";
        if (n > TensorSource.MAX_ARRAY_ELEMENTS) {
            return new IllegalArgumentException(String.format(Locale.ROOT, "%s%s needs its %d values in one array, "
                    + "which holds at most %d%s", where, doing, n, TensorSource.MAX_ARRAY_ELEMENTS,
                    canStream ? ": use --ks streaming" : ""));
        }
        long xmxGiB = (need + used + (1L << 30) - 1) >> 30;
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s%s needs %s of heap for %d values (%s); "
                        + "the JVM has %s available: %sa larger heap (java -Xmx%dg)", where, doing, bytes(need), n,
                what, bytes(r.maxMemory() - used), canStream ? "use --ks streaming or " : "give it ", xmxGiB));
    }

    /** "8.6 GB", "80 MB": decimal units, as disk sizes are shown. */
    public static String bytes(long b) {
        return b >= 1_000_000_000L ? String.format(Locale.ROOT, "%.1f GB", b / 1e9)
                : String.format(Locale.ROOT, "%.0f MB", b / 1e6);
    }
}
