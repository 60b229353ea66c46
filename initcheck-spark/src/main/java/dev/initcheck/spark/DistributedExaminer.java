package dev.initcheck.spark;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.app.TensorTasks;
import dev.initcheck.audit.Audit;
import dev.initcheck.audit.Checkpoint;
import dev.initcheck.audit.Declaration;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.io.ByteRanges;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.ChunkSummarizer;
import dev.initcheck.summary.StreamingEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Examines a checkpoint's tensors as {@link Audit#examine} does, every tensor's data read on the executors; the
 * driver reads only the files' headers (to plan) and turns small results into verdicts.
 *
 * <ul>
 *   <li><b>Streamed tensors</b> (the i.i.d. tensors of a safetensors file that the local audit streams: at least
 *       2<sup>16</sup> values in {@code --ks auto}, nearly all the bytes of a large model): byte ranges summarised
 *       by a Spark job ({@link DistributedSummaries}), merged exactly, the checks run on the driver from the merged
 *       summary with the local audit's code ({@link TensorCheck#conclude}). When the binned KS bounds straddle the
 *       gate ({@link TensorCheck#exactRecheckDue}), the exact re-check runs in an executor task.</li>
 *   <li><b>Tensors read whole</b> (below 2<sup>16</sup> values on the exact path, orthogonal laws, point masses,
 *       undeclared tensors to identify, every tensor in {@code --ks exact}, and tensors of other formats): one
 *       executor task per tensor or per batch of small ones ({@link WholeTensorJob}), running {@link Audit#examine}
 *       in the executor's JVM and its heap; the driver rebuilds the task's examination ({@link Shipped}).</li>
 *   <li><b>Ties</b>: the hashes of the tied tensors' values are computed in executor tasks as well
 *       ({@link #valuesHashes}); ties and skips need nothing else.</li>
 * </ul>
 *
 * <p>The results are the local audit's, digit for digit: the same code computes them; only where it runs differs.
 * A problem the local audit stops on (exit 2) is raised for the first affected tensor in the audit's order.
 */
final class DistributedExaminer implements Audit.Examiner {
    private final JavaSparkContext sc;
    private final DistributedSummaries job;
    private final WholeTensorJob whole;
    /** Driver time spent turning merged summaries into verdicts, for the run's closing line. */
    private long concludeNanos;

    DistributedExaminer(JavaSparkContext sc, DistributedSummaries job, WholeTensorJob whole) {
        this.sc = sc;
        this.job = job;
        this.whole = whole;
    }

    /** Driver time spent concluding the streamed tensors from their summaries. */
    long concludeNanos() {
        return concludeNanos;
    }

    /** A streamed tensor: where it sits in the audit, and its expectation. */
    private record Planned(int index, Expectation expectation, TensorJob job) {
    }

    @Override
    public List<Audit.Examined> examineAll(List<Checkpoint.Item> items, List<Declaration> declarations,
                                           AlphaShare alpha,
                                           TensorCheck.KsMode ks, TensorTasks.Progress progress)
            throws TensorFormatException {
        Audit.Examined[] out = new Audit.Examined[items.size()];
        List<Planned> planned = new ArrayList<>();
        List<WholeTask> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Checkpoint.Item it = items.get(i);
            Declaration d = declarations.get(i);
            if (d != null && d.kind() != Declaration.Kind.SCHEME) {
                out[i] = Audit.examine(it, d, alpha, ks); // a tie or a skip: nothing to read
                continue;
            }
            Planned p = plan(i, it, d, alpha, ks, planned.size());
            if (p == null) {
                read.add(WholeTask.of(WholeTask.Kind.EXAMINE, i, it, d, alpha, ks));
            } else {
                planned.add(p);
            }
        }
        Map<Integer, TensorCheck.Checked> streamed = new HashMap<>(); // awaiting an exact re-check
        job.run(sc, planned.stream().map(Planned::job).toList(), s -> {
            long t0 = System.nanoTime();
            Planned p = planned.get(s.tensor);
            int i = p.index();
            Concluded c = conclude(items.get(i), declarations.get(i), p, s, alpha, ks);
            if (c.recheck()) {
                read.add(WholeTask.of(WholeTask.Kind.RECHECK, i, items.get(i), declarations.get(i), alpha, ks));
                streamed.put(i, c.checked());
            } else {
                out[i] = Audit.checked(items.get(i), declarations.get(i), c.checked());
            }
            concludeNanos += System.nanoTime() - t0;
        });
        List<WholeResult> results = sorted(whole.run(sc, read));
        for (WholeResult r : results) {
            r.rethrow(); // the first problem in the audit's order, as the local audit stops on it
        }
        int done = 0;
        long doneBytes = 0;
        for (WholeResult r : results) {
            int i = r.id();
            if (r.kind() == WholeTask.Kind.EXAMINE) {
                out[i] = r.examined().examined(items.get(i), declarations.get(i));
            } else {
                TensorCheck.Checked c = streamed.get(i);
                out[i] = Audit.checked(items.get(i), declarations.get(i), r.exact() == null ? c
                        : new TensorCheck.Checked(r.exact().verdict(), c.prefix(), "streaming, then exact"));
            }
            if (progress != null) {
                progress.tensorDone(++done, results.size(), doneBytes += r.bytes());
            }
        }
        return Arrays.asList(out);
    }

    /** The hashes of the tied tensors' values, each computed by an executor task. */
    @Override
    public Map<String, long[]> valuesHashes(List<Checkpoint.Item> items) throws TensorFormatException {
        List<WholeTask> tasks = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            tasks.add(WholeTask.of(WholeTask.Kind.HASH, k, items.get(k), null, null, TensorCheck.KsMode.AUTO));
        }
        Map<String, long[]> out = new HashMap<>();
        for (WholeResult r : sorted(whole.run(sc, tasks))) {
            r.rethrow();
            out.put(items.get(r.id()).name(), r.hash());
        }
        return out;
    }

    private static List<WholeResult> sorted(List<WholeResult> results) {
        List<WholeResult> out = new ArrayList<>(results);
        out.sort(Comparator.comparingInt(WholeResult::id));
        return out;
    }

    /** The tensor's Spark job when the local audit would stream it from a safetensors file, else null. */
    private static Planned plan(int index, Checkpoint.Item it, Declaration d, AlphaShare alpha, TensorCheck.KsMode ks,
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

    /**
     * A streamed tensor's checks from its summary, and whether the exact re-check is due (its verdict then replaces
     * them, path {@code streaming, then exact}, unless the executor's heap cannot hold the values).
     */
    private record Concluded(TensorCheck.Checked checked, boolean recheck) {
    }

    /** The checks from the merged summary, by the local audit's code, without reading the tensor. */
    private static Concluded conclude(Checkpoint.Item it, Declaration d, Planned p, RangeSummary s, AlphaShare alpha,
                                      TensorCheck.KsMode ks) throws TensorFormatException {
        TensorJob j = p.job();
        BinEdges edges = BinEdges.of(j.law(), j.precision(), j.bins());
        ChunkSummarizer total = new ChunkSummarizer(edges, j.dtype(), null);
        total.addCells(s.cells);
        StreamingEngine.Streamed streamed = new StreamingEngine.Streamed(total.finish(s.moments), s.lines, s.prefix);
        try {
            TensorCheck.Checked c = TensorCheck.conclude(streamed, null, it.info(), p.expectation(), j.precision(),
                    alpha, ks, false); // no re-check here: the source is not opened
            return new Concluded(c, TensorCheck.exactRecheckDue(c.verdict(), streamed.summary(), it.info(), ks));
        } catch (IllegalArgumentException x) {
            throw Audit.badDeclaration(it, d, x);
        }
    }
}
