package dev.initcheck.app;

import dev.initcheck.check.Conformance;
import dev.initcheck.check.Precision;
import dev.initcheck.check.Verdict;
import dev.initcheck.io.DType;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorSource;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.scheme.Structure;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.StreamingEngine;
import dev.initcheck.summary.StreamingSummary;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
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

    /** Tensors above this many values are summarised in one streaming pass unless {@code --ks exact}. */
    public static final long STREAMING_ABOVE = 1L << 22;

    /** How the KS statistic is computed: exact (sorted copy), streaming (binned, D_lo <= D <= D_hi), or by size. */
    public enum KsMode { AUTO, EXACT, STREAMING }

    /**
     * Checks one tensor against {@code scheme} at the false-alarm probability {@code alphaPerTensor}.
     *
     * @throws TensorFormatException if the file or tensor cannot be read
     * @throws IllegalArgumentException if the shape cannot carry the scheme, or the heap cannot hold the checks
     */
    public static Verdict run(Target t, Scheme scheme, TensorSpec o, double alphaPerTensor, KsMode mode)
            throws TensorFormatException {
        try (TensorSource src = TensorFiles.open(t.file(), t.tensor(), o.csvShape())) {
            TensorInfo info = src.info();
            Expectation e = expectation(t, info, scheme, o);
            Precision p = precision(info.dtype());
            if (streaming(e, info.size(), mode) || HeapGuard.mustStream(t, info, e, mode)) {
                BinEdges edges = BinEdges.of(e.distribution(), p, StreamingSummary.DEFAULT_BINS);
                StreamingSummary s = StreamingEngine.summarize(src, edges, StreamingEngine.defaultThreads());
                return Conformance.check(s.moments(), s, e, p, alphaPerTensor);
            }
            return Conformance.check(src.readAllCOrder(), e, p, alphaPerTensor);
        }
    }

    /** Streaming needs an i.i.d. law with a continuous CDF; orthogonality and point masses need the values. */
    public static boolean streaming(Expectation e, long n, KsMode mode) {
        boolean possible = e.structure() == Structure.IID && e.distribution().variance() > 0;
        return possible && (mode == KsMode.STREAMING || (mode == KsMode.AUTO && n > STREAMING_ABOVE));
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
