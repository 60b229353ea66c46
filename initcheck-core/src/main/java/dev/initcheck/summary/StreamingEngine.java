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
        if (matrix != null) { // every worker holds its own line hashes: at most an eighth of the heap for them all
            long perWorker = LineHashes.bytes(matrix[0], matrix[1]);
            workers = (int) Math.max(1, Math.min(workers, Runtime.getRuntime().maxMemory() / 8 / perWorker));
        }
        // bfloat16: count bit patterns (the whole multiset in 65,536 counters) instead of binning and summing each
        // value; the order-free statistics follow from the counts once, the lag-1 sum is taken on the way
        boolean bf16 = edges.stored().precision() == dev.initcheck.check.Precision.BFLOAT16;
        double[] prefix = new double[(int) Math.min(PREFIX, source.info().size())];
        long[] offset = {0};
        List<Future<SampleMoments>> chunks = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        if (workers == 1) { // one thread: summarise in place, no copy, no hand-over, nothing left in thread-locals
            Part part = new Part(edges, bf16, matrix);
            parts.add(part);
            source.forEachChunk((buf, len) -> {
                long at = offset[0];
                offset[0] += len;
                keepPrefix(prefix, buf, len, at);
                chunks.add(java.util.concurrent.CompletableFuture.completedFuture(part.add(buf, len, at)));
            });
            return merge(edges, bf16, matrix, chunks, parts, prefix);
        }
        BlockingQueue<double[]> free = new ArrayBlockingQueue<>(2 * workers + 2);
        for (int i = 0; i < 2 * workers + 2; i++) {
            free.add(new double[CHUNK]);
        }
        ThreadLocal<Part> local = ThreadLocal.withInitial(() -> {
            Part p = new Part(edges, bf16, matrix);
            synchronized (parts) {
                parts.add(p);
            }
            return p;
        });
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon());
        try {
            source.forEachChunk((buf, len) -> {
                long at = offset[0];
                offset[0] += len;
                keepPrefix(prefix, buf, len, at);
                double[] copy = take(free);
                System.arraycopy(buf, 0, copy, 0, len);
                chunks.add(pool.submit(() -> {
                    try {
                        return local.get().add(copy, len, at);
                    } finally {
                        free.add(copy); // even when the summary fails: the reader must never wait for a lost buffer
                    }
                }));
            });
            return merge(edges, bf16, matrix, chunks, parts, prefix);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void keepPrefix(double[] prefix, double[] buf, int len, long at) {
        if (at < prefix.length) {
            System.arraycopy(buf, 0, prefix, (int) at, (int) Math.min(len, prefix.length - at));
        }
    }

    /** One thread's share of a pass: its histogram (or bfloat16 pattern counts) and line hashes. */
    private static final class Part {
        final BinEdges edges;
        final boolean bf16;
        final PitHistogram histogram;
        final long[] patterns;
        final LineHashes lines;

        Part(BinEdges edges, boolean bf16, long[] matrix) {
            this.edges = edges;
            this.bf16 = bf16;
            this.histogram = bf16 ? null : new PitHistogram(edges);
            this.patterns = bf16 ? new long[1 << 16] : null;
            this.lines = matrix == null ? null : new LineHashes(matrix[0], matrix[1]);
        }

        /** Summarises one chunk (values at positions at..at+len); returns its moments, merged later in order. */
        SampleMoments add(double[] values, int len, long at) {
            SampleMoments m;
            if (bf16) {
                m = SampleMoments.forLaw(edges.law()).addLagAndBfloat16Patterns(values, 0, len, patterns);
            } else {
                m = SampleMoments.forLaw(edges.law()).addChunk(values, 0, len);
                histogram.add(values, 0, len);
            }
            if (lines != null) {
                lines.add(values, 0, len, at);
            }
            return m;
        }
    }

    private static Streamed merge(BinEdges edges, boolean bf16, long[] matrix, List<Future<SampleMoments>> chunks,
                                  List<Part> parts, double[] prefix) {
        SampleMoments moments = SampleMoments.forLaw(edges.law());
        for (Future<SampleMoments> f : chunks) {
            moments.merge(get(f));
        }
        PitHistogram histogram = new PitHistogram(edges);
        LineHashes lines = matrix == null ? null : new LineHashes(matrix[0], matrix[1]);
        long[] total = bf16 ? new long[1 << 16] : null;
        for (Part part : parts) {
            if (bf16) {
                for (int b = 0; b < total.length; b++) {
                    total[b] += part.patterns[b];
                }
            } else {
                histogram.merge(part.histogram);
            }
            if (lines != null) {
                lines.merge(part.lines);
            }
        }
        if (bf16) {
            moments.addBfloat16Multiset(total);
            histogram.addBfloat16Patterns(total);
        }
        return new Streamed(new StreamingSummary(moments, histogram), lines, prefix);
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
