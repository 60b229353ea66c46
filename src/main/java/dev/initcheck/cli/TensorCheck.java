package dev.initcheck.cli;

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
import dev.initcheck.shape.Shape;
import java.nio.file.Path;

/** Reads one tensor and checks it (wiring only: the statistics live in {@code check}). */
final class TensorCheck {
    private TensorCheck() {
    }

    record Target(Path file, String tensor) {
    }

    /** Tensors above this many values are summarised in one streaming pass unless {@code --ks exact}. */
    static final long STREAMING_ABOVE = 1L << 22;

    /** How the KS statistic is computed: exact (sorted copy), streaming (binned, D_lo <= D <= D_hi), or by size. */
    enum KsMode { AUTO, EXACT, STREAMING }

    static Verdict run(Target t, Scheme scheme, TensorOptions o, double alphaPerTensor, KsMode mode)
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
    static boolean streaming(Expectation e, long n, KsMode mode) {
        boolean possible = e.structure() == Structure.IID && e.distribution().variance() > 0;
        return possible && (mode == KsMode.STREAMING || (mode == KsMode.AUTO && n > STREAMING_ABOVE));
    }

    static Expectation expectation(Target t, TensorInfo info, Scheme scheme, TensorOptions o) {
        Shape shape;
        try {
            shape = Shape.of(info.rank() == 0 ? new long[] {1} : info.shape());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(t.file().getFileName() + ": tensor '" + info.name() + "': "
                    + e.getMessage());
        }
        Fans fans = Fans.of(shape, o.layout()).withOverrides(o.fanIn, o.fanOut);
        return scheme.resolve(shape, o.layout(), fans);
    }

    static Precision precision(DType d) {
        return switch (d) {
            case F16 -> Precision.FLOAT16;
            case BF16 -> Precision.BFLOAT16;
            case F32 -> Precision.FLOAT32;
            case F64 -> Precision.FLOAT64;
        };
    }
}
