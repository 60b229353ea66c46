package dev.initcheck.spark;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.audit.Audit;
import dev.initcheck.audit.Checkpoint;
import dev.initcheck.audit.Declaration;
import dev.initcheck.check.Verdict;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorSource;
import dev.initcheck.scheme.Expectation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Runs a batch of {@link WholeTask}s in an executor task, one tensor after the other, with the local audit's code in
 * the executor's JVM: {@link Audit#examine} (the exact checks, or identification), {@link TensorCheck#exactRecheck},
 * {@link Audit#valuesHash}. A file given as a Hadoop URI is opened through Hadoop's {@code FileSystem}
 * ({@link HadoopFiles}: positional reads of the header, once per file and task, and of the tensor's bytes); a local
 * path is opened at that path. The heap decisions ({@code HeapGuard}, {@code HeapShare}) are the executor's: a
 * tensor too large for its heap streams where its law allows, is left unidentified, keeps its streamed verdict, or is
 * refused with the local audit's message, as the local audit does in a JVM of that heap.
 *
 * <p>Failures: a problem of the data or the declaration (the local audit's exit 2) is sent back as a result, so that
 * the driver raises the first one in the audit's order; a failing read ({@link IOException} underneath) fails the
 * task, which Spark retries, and then the job, with one line naming the file and the tensor.
 */
final class WholeTensorReader {
    private WholeTensorReader() {
    }

    static List<WholeResult> run(List<WholeTask> batch, Map<String, String> hadoop) {
        Configuration conf = new Configuration();
        hadoop.forEach(conf::set);
        Map<String, Path> files = new HashMap<>(); // one Hadoop view, and so one header cache, per file and task
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<WholeResult> out = new ArrayList<>();
        for (WholeTask t : batch) {
            long cpu0 = cpu.getCurrentThreadCpuTime();
            try {
                Path file = files.get(t.file());
                if (file == null) {
                    file = HadoopFiles.resolve(t.file(), conf);
                    files.put(t.file(), file);
                }
                out.add(run(t, new Checkpoint.Item(file, t.info()), cpu0, cpu));
            } catch (TensorFormatException e) {
                if (readFailure(e)) {
                    throw new UncheckedIOException(new IOException(e.getMessage(), e));
                }
                out.add(failed(t, WholeResult.Failure.FORMAT, e.getMessage(), cpu.getCurrentThreadCpuTime() - cpu0));
            } catch (IllegalArgumentException e) {
                out.add(failed(t, WholeResult.Failure.ARGUMENT, e.getMessage(),
                        cpu.getCurrentThreadCpuTime() - cpu0));
            } catch (IOException e) { // no Hadoop file system for the scheme here, or it cannot be reached
                throw new UncheckedIOException(new IOException(t.file() + ": " + e.getMessage(), e));
            }
        }
        return out;
    }

    private static WholeResult run(WholeTask t, Checkpoint.Item item, long cpu0, ThreadMXBean cpu)
            throws TensorFormatException {
        switch (t.kind()) {
            case EXAMINE -> {
                Declaration d = t.declaration() == null ? null : t.declaration().declaration();
                long start = System.nanoTime();
                Audit.Examined e = Audit.examine(item, d, t.alpha(), t.ks());
                double seconds = (System.nanoTime() - start) / 1e9;
                Shipped.ExaminedForm f = Shipped.ExaminedForm.of(e);
                if (e.verdict() != null || e.identified() != null) { // timed as the local audit times it
                    f = new Shipped.ExaminedForm(f.verdict(), f.identified(), f.prefix(), f.note(), f.path(), seconds);
                }
                return done(t, f, null, null, cpu.getCurrentThreadCpuTime() - cpu0);
            }
            case RECHECK -> {
                Declaration d = t.declaration().declaration();
                TensorInfo info = item.info();
                Expectation e = TensorCheck.expectation(new TensorCheck.Target(item.file(), item.name()), info,
                        d.scheme(), d.spec());
                Verdict exact;
                try (TensorSource src = TensorFiles.open(item.file(), item.name())) {
                    exact = TensorCheck.exactRecheck(src, info, e, TensorCheck.precision(info.dtype()), t.alpha());
                }
                return done(t, null, Shipped.VerdictForm.of(exact), null, cpu.getCurrentThreadCpuTime() - cpu0);
            }
            case HASH -> {
                long[] hash = Audit.valuesHash(item);
                return done(t, null, null, hash, cpu.getCurrentThreadCpuTime() - cpu0);
            }
            default -> throw new IllegalStateException("unknown task " + t.kind());
        }
    }

    private static WholeResult done(WholeTask t, Shipped.ExaminedForm examined, Shipped.VerdictForm exact,
                                    long[] hash, long cpuNanos) {
        return new WholeResult(t.kind(), t.id(), examined, exact, hash, null, null, t.bytes(), cpuNanos);
    }

    private static WholeResult failed(WholeTask t, WholeResult.Failure failure, String message, long cpuNanos) {
        return new WholeResult(t.kind(), t.id(), null, null, null, failure, message, t.bytes(), cpuNanos);
    }

    /**
     * Whether the storage failed under the reader (retried by Spark), rather than the data being malformed: an
     * I/O failure in the cause chain that is not one the readers raise for a file's own content or absence (a
     * malformed zip or deflate stream, a file that ends early, a missing or unreadable file, undecodable text), which
     * would fail again on every retry and comes back as a result instead.
     */
    static boolean readFailure(Throwable t) {
        boolean io = false;
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof java.util.zip.ZipException || c instanceof java.io.EOFException
                    || c instanceof java.nio.file.FileSystemException
                    || c instanceof java.nio.charset.CharacterCodingException
                    || c instanceof java.io.FileNotFoundException) {
                return false; // anywhere in the chain: the content's problem, whatever wraps it
            }
            io |= c instanceof IOException;
        }
        return io;
    }
}
