package dev.initcheck.summary;

import dev.initcheck.check.LineHashes;
import dev.initcheck.check.SampleMoments;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a {@link StreamingSummary} on several threads. In memory, each thread summarises one contiguous slice and
 * the slices merge in order. From a file, the reading thread decodes chunks into a bounded pool of buffers
 * (memory stays O(threads · chunk) whatever the tensor's size), workers summarise them into worker-local
 * histograms and per-chunk moments, and the moments merge in chunk order so the lag-1 sum stays exact.
 */
public final class StreamingEngine {
    private static final int CHUNK = 1 << 16;

    private StreamingEngine() {
    }

    /** Default parallelism: the available processors. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static StreamingSummary summarize(double[] values, BinEdges edges, int threads) {
        int t = Math.max(1, Math.min(threads, values.length / CHUNK + 1));
        if (t == 1) {
            return StreamingSummary.empty(edges).add(values, 0, values.length);
        }
        ExecutorService pool = Executors.newFixedThreadPool(t, daemon());
        try {
            List<Future<StreamingSummary>> parts = new ArrayList<>();
            for (int k = 0; k < t; k++) {
                int from = (int) ((long) values.length * k / t);
                int to = (int) ((long) values.length * (k + 1) / t);
                parts.add(pool.submit(() -> StreamingSummary.empty(edges).add(values, from, to)));
            }
            StreamingSummary total = get(parts.get(0));
            for (int k = 1; k < t; k++) {
                total.merge(get(parts.get(k)));
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

    public static StreamingSummary summarize(TensorSource source, BinEdges edges, int threads)
            throws TensorFormatException {
        return stream(source, edges, threads, null).summary();
    }

    /**
     * One pass over a tensor for every check a summary can serve.
     *
     * @param summary the moments and the binned CDF
     * @param lines   the row and column hashes of the 2-D view, or null when not asked for
     * @param prefix  the first {@value #PREFIX} values in storage order (fewer if the tensor is smaller)
     */
    public record Streamed(StreamingSummary summary, LineHashes lines, double[] prefix) {
    }

    /** Values kept from the start of the tensor ({@link Streamed#prefix}). */
    public static final int PREFIX = 32;

    /**
     * Summarises a tensor read from a file in one pass: moments, the binned CDF, and, when {@code matrix} (rows,
     * cols) is given, the hashes of the rows and columns of that C-order view ({@link LineHashes}).
     *
     * @throws TensorFormatException if the data cannot be read
     */
    public static Streamed stream(TensorSource source, BinEdges edges, int threads, long[] matrix)
            throws TensorFormatException {
        int workers = Math.max(1, threads);
        BlockingQueue<double[]> free = new ArrayBlockingQueue<>(2 * workers + 2);
        for (int i = 0; i < 2 * workers + 2; i++) {
            free.add(new double[CHUNK]);
        }
        List<PitHistogram> histograms = new ArrayList<>();
        List<LineHashes> lineParts = new ArrayList<>();
        ThreadLocal<PitHistogram> local = ThreadLocal.withInitial(() -> {
            PitHistogram h = new PitHistogram(edges);
            synchronized (histograms) {
                histograms.add(h);
            }
            return h;
        });
        ThreadLocal<LineHashes> localLines = ThreadLocal.withInitial(() -> {
            LineHashes h = new LineHashes(matrix[0], matrix[1]);
            synchronized (lineParts) {
                lineParts.add(h);
            }
            return h;
        });
        // bfloat16: count bit patterns (the whole multiset in 65,536 counters) instead of binning and summing each
        // value; the order-free statistics follow from the counts once, the lag-1 sum is taken on the way
        boolean bf16 = edges.stored().precision() == dev.initcheck.check.Precision.BFLOAT16;
        List<long[]> patternParts = new ArrayList<>();
        ThreadLocal<long[]> localPatterns = ThreadLocal.withInitial(() -> {
            long[] c = new long[1 << 16];
            synchronized (patternParts) {
                patternParts.add(c);
            }
            return c;
        });
        double[] prefix = new double[(int) Math.min(PREFIX, source.info().size())];
        long[] offset = {0};
        List<Future<SampleMoments>> chunks = new ArrayList<>();
        ExecutorService pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, daemon());
        try {
            source.forEachChunk((buf, len) -> {
                long at = offset[0];
                offset[0] += len;
                if (at < prefix.length) {
                    System.arraycopy(buf, 0, prefix, (int) at, (int) Math.min(len, prefix.length - at));
                }
                if (pool == null) { // one thread: summarise in place, no copy, no hand-over
                    SampleMoments m = summarizeChunk(buf, len, edges, bf16, local, localPatterns);
                    if (matrix != null) {
                        localLines.get().add(buf, 0, len, at);
                    }
                    chunks.add(java.util.concurrent.CompletableFuture.completedFuture(m));
                    return;
                }
                double[] copy = take(free);
                System.arraycopy(buf, 0, copy, 0, len);
                chunks.add(pool.submit(() -> {
                    SampleMoments m = summarizeChunk(copy, len, edges, bf16, local, localPatterns);
                    if (matrix != null) {
                        localLines.get().add(copy, 0, len, at);
                    }
                    free.add(copy);
                    return m;
                }));
            });
            SampleMoments moments = SampleMoments.forLaw(edges.law());
            for (Future<SampleMoments> f : chunks) {
                moments.merge(get(f));
            }
            PitHistogram histogram = new PitHistogram(edges);
            histograms.forEach(histogram::merge);
            if (bf16) {
                long[] total = new long[1 << 16];
                for (long[] part : patternParts) {
                    for (int b = 0; b < total.length; b++) {
                        total[b] += part[b];
                    }
                }
                moments.addBfloat16Multiset(total);
                histogram.addBfloat16Patterns(total);
            }
            LineHashes lines = null;
            if (matrix != null) {
                lines = new LineHashes(matrix[0], matrix[1]);
                for (LineHashes part : lineParts) {
                    lines.merge(part);
                }
            }
            return new Streamed(new StreamingSummary(moments, histogram), lines, prefix);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static SampleMoments summarizeChunk(double[] values, int len, BinEdges edges, boolean bf16,
                                                ThreadLocal<PitHistogram> histogram, ThreadLocal<long[]> patterns) {
        if (bf16) {
            return SampleMoments.forLaw(edges.law()).addLagAndBfloat16Patterns(values, 0, len, patterns.get());
        }
        SampleMoments m = SampleMoments.forLaw(edges.law()).addChunk(values, 0, len);
        histogram.get().add(values, 0, len);
        return m;
    }

    private static double[] take(BlockingQueue<double[]> free) {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "initcheck-summary");
            t.setDaemon(true);
            return t;
        };
    }
}
