package dev.initcheck.spark;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.app.TensorTasks;
import dev.initcheck.audit.Audit;
import dev.initcheck.audit.Checkpoint;
import dev.initcheck.audit.Declaration;
import dev.initcheck.distribution.Precision;
import dev.initcheck.io.ByteRanges;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorSource;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.ChunkSummarizer;
import dev.initcheck.summary.StreamingEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Examines a checkpoint's tensors as {@link Audit#examine} does, with the summaries of the streamed tensors (the
 * i.i.d. tensors of at least 2<sup>16</sup> values in {@code --ks auto}: nearly all the bytes of a large model)
 * computed by a Spark job over byte ranges. The checks then run on the driver from the merged summaries with the
 * local audit's code ({@link TensorCheck#conclude}), so the verdicts are the local audit's, digit for digit.
 *
 * <p>Tensors that need their values whole (below 2<sup>16</sup> values, orthogonal or constant laws, undeclared
 * tensors to identify, and the exact KS re-check when the binned bounds straddle the gate) are examined in the
 * driver's JVM by the local code, reading the file directly; they are small in a transformer checkpoint (biases,
 * norms) except for an occasional re-check.
 */
final class DistributedExaminer implements Audit.Examiner {
    private final JavaSparkContext sc;
    private final DistributedSummaries job;
    /** Driver time spent turning merged summaries into verdicts, for the run's closing line. */
    private long concludeNanos;

    DistributedExaminer(JavaSparkContext sc, DistributedSummaries job) {
        this.sc = sc;
        this.job = job;
    }

    /** Driver time spent concluding the streamed tensors from their summaries. */
    long concludeNanos() {
        return concludeNanos;
    }

    /** A streamed tensor: where it sits in the audit, and its expectation. */
    private record Planned(int index, Expectation expectation, TensorJob job) {
    }

    @Override
    public List<Audit.Examined> examineAll(List<Checkpoint.Item> items, List<Declaration> declarations, double alpha,
                                           TensorCheck.KsMode ks, TensorTasks.Progress progress)
            throws TensorFormatException {
        Audit.Examined[] out = new Audit.Examined[items.size()];
        List<Planned> planned = new ArrayList<>();
        List<Integer> local = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Planned p = plan(i, items.get(i), declarations.get(i), alpha, ks, planned.size());
            if (p == null) {
                local.add(i);
            } else {
                planned.add(p);
            }
        }
        job.run(sc, planned.stream().map(Planned::job).toList(), s -> {
            long t0 = System.nanoTime();
            Planned p = planned.get(s.tensor);
            out[p.index()] = conclude(items.get(p.index()), declarations.get(p.index()), p, s, alpha, ks);
            concludeNanos += System.nanoTime() - t0;
        });
        List<Audit.Examined> rest = TensorTasks.runAll(local, i -> items.get(i).info().size(),
                i -> items.get(i).info().byteSize(), i -> Audit.examine(items.get(i), declarations.get(i), alpha, ks),
                progress);
        for (int k = 0; k < local.size(); k++) {
            out[local.get(k)] = rest.get(k);
        }
        return Arrays.asList(out);
    }

    /** The tensor's Spark job when the local audit would stream it from a safetensors file, else null. */
    private static Planned plan(int index, Checkpoint.Item it, Declaration d, double alpha, TensorCheck.KsMode ks,
                                int id) throws TensorFormatException {
        if (d == null || d.kind() != Declaration.Kind.SCHEME
                || !it.file().getFileName().toString().endsWith(".safetensors")) {
            return null;
        }
        TensorInfo info = it.info();
        Expectation e;
        try {
            e = TensorCheck.expectation(new TensorCheck.Target(it.file(), it.name()), info, d.scheme(), d.spec());
        } catch (IllegalArgumentException x) {
            throw Audit.badDeclaration(it, d, x);
        }
        if (!TensorCheck.streaming(e, info.size(), ks)) {
            return null;
        }
        ByteRanges.Region region = ByteRanges.safetensors(it.file(), it.name());
        boolean hash = TensorCheck.hashLines(info, e);
        long[] rc = e.matrixView();
        TensorJob job = new TensorJob(id, it.name(), it.file().toAbsolutePath().toUri().toString(), region.offset(),
                info.dtype(), region.bigEndian(), info.size(), e.distribution(), TensorCheck.precision(info.dtype()),
                TensorCheck.bins(info.size(), alpha, ks), hash ? rc[0] : 0, hash ? rc[1] : 0);
        return new Planned(index, e, job);
    }

    /** The checks from the merged summary, by the local audit's code. */
    private static Audit.Examined conclude(Checkpoint.Item it, Declaration d, Planned p, RangeSummary s, double alpha,
                                           TensorCheck.KsMode ks) throws TensorFormatException {
        TensorJob j = p.job();
        BinEdges edges = BinEdges.of(j.law(), j.precision(), j.bins());
        ChunkSummarizer total = new ChunkSummarizer(edges, j.dtype(), null);
        total.addCells(s.cells);
        StreamingEngine.Streamed streamed = new StreamingEngine.Streamed(total.finish(s.moments), s.lines, s.prefix);
        Precision precision = j.precision();
        try (TensorSource src = TensorFiles.open(it.file(), it.name())) {
            return Audit.checked(it, d, TensorCheck.conclude(streamed, src, it.info(), p.expectation(), precision,
                    alpha, ks, true));
        } catch (IllegalArgumentException x) {
            throw Audit.badDeclaration(it, d, x);
        }
    }
}
