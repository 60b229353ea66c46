package dev.initcheck.summary;

import dev.initcheck.io.DType;
import dev.initcheck.io.RawChunk;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorSource;
import dev.initcheck.sample.LineHashes;
import dev.initcheck.sample.SampleMoments;
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
     * @param prefix  the first values in storage order ({@value #PREFIX} unless asked otherwise; fewer if the tensor
     *                is smaller)
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
        return stream(source, edges, threads, matrix, PREFIX);
    }

    /**
     * As {@link #stream(TensorSource, BinEdges, int, long[])}, keeping the first {@code prefixLength} values in
     * storage order in {@link Streamed#prefix}.
     *
     * @throws TensorFormatException if the data cannot be read
     */
    public static Streamed stream(TensorSource source, BinEdges edges, int threads, long[] matrix, int prefixLength)
            throws TensorFormatException {
        int workers = Math.max(1, threads);
        if (matrix != null) { // every worker holds its own line hashes: at most an eighth of the heap for them all
            long perWorker = LineHashes.bytes(matrix[0], matrix[1]);
            workers = (int) Math.max(1, Math.min(workers, Runtime.getRuntime().maxMemory() / 8 / perWorker));
        }
        double[] prefix = new double[(int) Math.min(prefixLength, source.info().size())];
        long[] offset = {0};
        // chunk moments merge in storage order as soon as they are done: memory stays O(threads · chunk)
        SampleMoments moments = SampleMoments.forLaw(edges.law());
        java.util.ArrayDeque<Future<SampleMoments>> chunks = new java.util.ArrayDeque<>();
        List<ChunkSummarizer> shares = new ArrayList<>();
        if (workers == 1) { // one thread: summarise in place, no copy, no hand-over, nothing left in thread-locals
            source.forEachRawChunk(chunk -> {
                long at = offset[0];
                offset[0] += chunk.length();
                keepPrefix(prefix, chunk, at);
                if (shares.isEmpty()) {
                    shares.add(new ChunkSummarizer(edges, chunk.dtype(), matrix));
                }
                moments.merge(shares.get(0).add(chunk, at));
            });
            return merge(edges, matrix, moments, chunks, shares, prefix);
        }
        int inFlight = 2 * workers + 2;
        BlockingQueue<RawChunk> free = new ArrayBlockingQueue<>(inFlight);
        ThreadLocal<ChunkSummarizer> local = new ThreadLocal<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemon());
        int[] buffers = {0};
        try {
            source.forEachRawChunk(chunk -> {
                long at = offset[0];
                offset[0] += chunk.length();
                keepPrefix(prefix, chunk, at);
                RawChunk copy;
                if (free.isEmpty() && buffers[0] < inFlight) { // at most 2·workers + 2 buffers in flight
                    copy = RawChunk.of(chunk.dtype(), CHUNK);
                    buffers[0]++;
                } else {
                    copy = take(free);
                }
                chunk.copyInto(copy);
                chunks.add(pool.submit(() -> {
                    try {
                        ChunkSummarizer share = local.get();
                        if (share == null) {
                            share = new ChunkSummarizer(edges, copy.dtype(), matrix);
                            local.set(share);
                            synchronized (shares) {
                                shares.add(share);
                            }
                        }
                        return share.add(copy, at);
                    } finally {
                        free.add(copy); // even when the summary fails: the reader must never wait for a lost buffer
                    }
                }));
                while (!chunks.isEmpty() && chunks.peekFirst().isDone()) {
                    moments.merge(get(chunks.pollFirst()));
                }
            });
            return merge(edges, matrix, moments, chunks, shares, prefix);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void keepPrefix(double[] prefix, RawChunk chunk, long at) {
        if (at < prefix.length) {
            int n = (int) Math.min(chunk.length(), prefix.length - at);
            chunk.widen(0, n, prefix, (int) at);
        }
    }

    private static Streamed merge(BinEdges edges, long[] matrix, SampleMoments moments,
                                  java.util.ArrayDeque<Future<SampleMoments>> chunks, List<ChunkSummarizer> shares,
                                  double[] prefix) {
        for (Future<SampleMoments> f : chunks) { // the rest, in order
            moments.merge(get(f));
        }
        // the chunks' own type (a source that widens delivers float64 whatever its file type)
        ChunkSummarizer total = new ChunkSummarizer(edges, shares.isEmpty() ? DType.F64 : shares.get(0).dtype(),
                matrix);
        for (ChunkSummarizer share : shares) {
            total.merge(share);
        }
        return new Streamed(total.finish(moments), total.lines(), prefix);
    }

    private static RawChunk take(BlockingQueue<RawChunk> free) {
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
