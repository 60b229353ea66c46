package dev.initcheck.app;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.Conformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Precision;
import dev.initcheck.io.DType;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorSource;
import dev.initcheck.sample.LineHashes;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.scheme.Structure;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.StreamingEngine;
import dev.initcheck.summary.StreamingSummary;
import java.nio.file.Path;

/**
 * Reads one tensor and checks it against a scheme (wiring only: the statistics live in {@code check}). Small tensors
 * take the exact path (the values in memory, a sorted copy for KS); tensors above {@link #STREAMING_ABOVE} values, or
 * whose exact checks the heap cannot hold ({@link HeapGuard}), are summarised in one streaming pass when their law
 * allows it.
 */
public final class TensorCheck {
    private TensorCheck() {
    }

    /**
     * One tensor of a file.
     *
     * @param file   the file
     * @param tensor the tensor's name in the file, or null for a single-tensor file
     */
    public record Target(Path file, String tensor) {
    }

    /**
     * How a tensor's shape is read.
     *
     * @param layout   pytorch ([out, in, *k]) or keras ([*k, in, out])
     * @param fanIn    overrides fan_in when not null
     * @param fanOut   overrides fan_out when not null
     * @param csvShape the shape CSV values fill in C order, or null (other formats declare their own)
     */
    public record TensorSpec(Layout layout, Long fanIn, Long fanOut, long[] csvShape) {
        /** A tensor of a self-describing file in this layout, with its own fans. */
        public static TensorSpec of(Layout layout) {
            return new TensorSpec(layout, null, null, null);
        }
    }

    /**
     * In {@code --ks auto}, tensors of at least this many values whose law allows it are summarised in one streaming
     * pass (moments, binned CDF, row and column hashes); smaller ones are read whole and sorted, which costs less
     * than the summary's set-up at that size.
     */
    static final long STREAMING_ABOVE = 1L << 16;

    /** How the KS statistic is computed: exact (sorted copy), streaming (binned, D_lo <= D <= D_hi), or by size. */
    public enum KsMode { AUTO, EXACT, STREAMING }

    /** Only one exact re-check at a time, so that concurrent tensors never hold two sorted copies. */
    private static final Object EXACT_FALLBACK = new Object();

    /**
     * A checked tensor.
     *
     * @param verdict the checks
     * @param prefix  the first values in storage order (for the cross-tensor checks), read in the same pass
     * @param path    how it was checked: {@code exact}, {@code streaming}, or {@code streaming, then exact} when
     *                the binned KS bounds straddled the gate and the values were sorted to decide
     */
    public record Checked(Verdict verdict, double[] prefix, String path) {
    }

    /**
     * Checks one tensor against {@code scheme} spending the tensor's false-alarm share {@code share}.
     *
     * @throws TensorFormatException if the file or tensor cannot be read
     * @throws IllegalArgumentException if the shape cannot carry the scheme, or the heap cannot hold the checks
     */
    public static Verdict run(Target t, Scheme scheme, TensorSpec o, AlphaShare share, KsMode mode)
            throws TensorFormatException {
        return check(t, scheme, o, share, mode, StreamingEngine.defaultThreads()).verdict();
    }

    /**
     * Checks one tensor in a single pass where its law allows, with {@code threads} summarising threads.
     *
     * <p>In {@code auto}, a streamed tensor's KS gate uses D_lo ≤ D ≤ D_lo + 1/B; when the gate falls between the
     * two bounds (the summary cannot tell whether the exact D passes) the tensor is read again and sorted, if the
     * heap holds it, so that the verdict is the exact path's. Every other check of a summary is the exact path's.
     *
     * @throws TensorFormatException if the file or tensor cannot be read
     * @throws IllegalArgumentException if the shape cannot carry the scheme, or the heap cannot hold the checks
     */
    public static Checked check(Target t, Scheme scheme, TensorSpec o, AlphaShare share, KsMode mode,
                                int threads) throws TensorFormatException {
        return check(t, scheme, o, share, mode, threads, StreamingEngine.PREFIX);
    }

    /**
     * As {@link #check(Target, Scheme, TensorSpec, double, KsMode, int)}, keeping the first {@code prefixLength}
     * values in C order in {@link Checked#prefix} (null for a Fortran-ordered tensor of rank 2 or more that was
     * streamed), read in the same pass as the checks.
     *
     * @throws TensorFormatException if the file or tensor cannot be read
     * @throws IllegalArgumentException if the shape cannot carry the scheme, or the heap cannot hold the checks
     */
    public static Checked check(Target t, Scheme scheme, TensorSpec o, AlphaShare share, KsMode mode,
                                int threads, int prefixLength) throws TensorFormatException {
        try (TensorSource src = TensorFiles.open(t.file(), t.tensor(), o.csvShape())) {
            TensorInfo info = src.info();
            Expectation e = expectation(t, info, scheme, o);
            Precision p = precision(info.dtype());
            if (streaming(e, info.size(), mode)) {
                return stream(src, info, e, p, share, mode, threads, true, prefixLength);
            }
            // read whole: tensors checked at the same time share half the heap (HeapShare), and one that does not
            // fit streams when its law allows, or is refused up front (HeapGuard)
            return HeapShare.run(HeapGuard.checkBytes(e, info.size()), () -> {
                if (HeapGuard.mustStream(t, info, e, mode)) { // too big to sort: no exact re-check either
                    return stream(src, info, e, p, share, mode, threads, false, prefixLength);
                }
                double[] values = src.readAllCOrder();
                return new Checked(Conformance.check(values, e, p, share),
                        java.util.Arrays.copyOf(values, (int) Math.min(values.length, prefixLength)),
                        "exact");
            });
        }
    }

    private static Checked stream(TensorSource src, TensorInfo info, Expectation e, Precision p,
                                  AlphaShare share, KsMode mode, int threads, boolean mayResort,
                                  int prefixLength) throws TensorFormatException {
        BinEdges edges = BinEdges.of(e.distribution(), p, bins(info.size(), share, mode));
        StreamingEngine.Streamed s = StreamingEngine.stream(src, edges, threads,
                hashLines(info, e) ? e.matrixView() : null, prefixLength);
        return conclude(s, src, info, e, p, share, mode, mayResort);
    }

    /** The bins a streamed tensor of {@code n} values is summarised into ({@link StreamingSummary#binsFor} in auto). */
    public static int bins(long n, AlphaShare share, KsMode mode) {
        return mode == KsMode.AUTO ? StreamingSummary.binsFor(n, share.value()) : StreamingSummary.DEFAULT_BINS;
    }

    /** Whether a streamed tensor's rows and columns are hashed (C order, few enough lines). */
    public static boolean hashLines(TensorInfo info, Expectation e) {
        long[] rc = e.matrixView();
        return (!info.fortranOrder() || info.rank() < 2) && LineHashes.feasible(rc[0], rc[1]);
    }

    /**
     * The checks of a streamed tensor, from its summary wherever it was computed (this JVM, or pieces merged from
     * other machines): in {@code auto}, the exact re-check from {@code src} when the binned KS bounds straddle the
     * gate and {@code mayResort} ({@code src} is read for nothing else: null will do when {@code mayResort} is false).
     */
    public static Checked conclude(StreamingEngine.Streamed s, TensorSource src, TensorInfo info, Expectation e,
                                   Precision p, AlphaShare share, KsMode mode, boolean mayResort)
            throws TensorFormatException {
        Verdict v = Conformance.check(s.summary().moments(), s.summary(), s.lines(), e, p, share);
        // prefixes are compared in C order: a Fortran-ordered matrix streams its values in another order
        double[] prefix = info.fortranOrder() && info.rank() > 1 ? null : s.prefix();
        if (!mayResort || !exactRecheckDue(v, s.summary(), info, mode)) {
            return new Checked(v, prefix, "streaming");
        }
        Verdict exact = exactRecheck(src, info, e, p, share);
        return exact == null ? new Checked(v, prefix, "streaming")
                : new Checked(exact, prefix, "streaming, then exact");
    }

    /**
     * Whether a streamed tensor's verdict {@code v} is to be decided by the exact path: {@code --ks auto}, the KS gate
     * between the binned bounds D_lo and D_lo + 1/B of {@code s}, and the values few enough for one array.
     */
    public static boolean exactRecheckDue(Verdict v, StreamingSummary s, TensorInfo info, KsMode mode) {
        return mode == KsMode.AUTO && ksUndecided(v, s) && info.size() <= TensorSource.MAX_ARRAY_ELEMENTS;
    }

    /**
     * The exact path's verdict on {@code src}'s values (the re-check of {@link #exactRecheckDue}), or null when the
     * heap cannot hold the values and their sorted copy ({@link HeapGuard#checkBytes}); one re-check at a time in
     * this JVM, inside the heap share like any whole read.
     */
    public static Verdict exactRecheck(TensorSource src, TensorInfo info, Expectation e, Precision p,
                                       AlphaShare share) throws TensorFormatException {
        synchronized (EXACT_FALLBACK) {
            return HeapShare.run(HeapGuard.checkBytes(e, info.size()), () ->
                    HeapGuard.fits(HeapGuard.checkBytes(e, info.size()))
                            ? Conformance.check(src.readAllCOrder(), e, p, share) : null);
        }
    }

    /** Whether the KS gate lies between the binned bounds D_lo and D_lo + 1/B. */
    static boolean ksUndecided(Verdict v, StreamingSummary s) {
        return v.check(CheckName.KS).filter(CheckResult::ran).map(ks -> {
            double lo = s.histogram().ksStatistic().d();
            double hi = s.histogram().ksStatistic().upper();
            return lo <= ks.threshold() && hi > ks.threshold();
        }).orElse(false);
    }

    /** Streaming needs an i.i.d. law with a continuous CDF; orthogonality and point masses need the values. */
    public static boolean streaming(Expectation e, long n, KsMode mode) {
        boolean possible = e.structure() == Structure.IID && e.distribution().variance() > 0;
        return possible && (mode == KsMode.STREAMING || (mode == KsMode.AUTO && n >= STREAMING_ABOVE));
    }

    /** The scheme resolved for the tensor's shape, layout and fans. */
    public static Expectation expectation(Target t, TensorInfo info, Scheme scheme, TensorSpec o) {
        Shape shape;
        try {
            shape = Shape.of(info.rank() == 0 ? new long[] {1} : info.shape());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(t.file().getFileName() + ": tensor '" + info.name() + "': "
                    + e.getMessage());
        }
        Fans fans = Fans.of(shape, o.layout()).withOverrides(o.fanIn(), o.fanOut());
        return scheme.resolve(shape, o.layout(), fans);
    }

    /** The stored precision of a file dtype. */
    public static Precision precision(DType d) {
        return switch (d) {
            case F16 -> Precision.FLOAT16;
            case BF16 -> Precision.BFLOAT16;
            case F32 -> Precision.FLOAT32;
            case F64 -> Precision.FLOAT64;
        };
    }
}
