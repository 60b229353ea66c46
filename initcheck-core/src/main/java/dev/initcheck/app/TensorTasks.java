package dev.initcheck.app;

import dev.initcheck.io.TensorFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;

/**
 * Runs one task per tensor on as many threads as there are processors, the largest tensors first (so that the last
 * to finish are small), and returns the results in the given order. Each task reads and summarises its tensor on its
 * own thread; tasks that read a tensor whole take their bytes from {@link HeapShare} first.
 */
public final class TensorTasks {
    private TensorTasks() {
    }

    /** The work on one tensor. */
    public interface Task<I, R> {
        R run(I item) throws TensorFormatException;
    }

    /** Told after each tensor, from any thread (calls are serialised). */
    public interface Progress {
        /**
         * One more tensor done.
         *
         * @param done  tensors done
         * @param total tensors in all
         * @param bytes data bytes of the tensors done
         */
        void tensorDone(int done, int total, long bytes);
    }

    /**
     * Runs {@code task} on every item.
     *
     * @param size     an item's number of values (for the order) ...
     * @param bytes    ... and its bytes in the file (for progress)
     * @param progress told after each item, or null
     * @throws TensorFormatException the first a task threw, in the given order
     */
    public static <I, R> List<R> runAll(List<I> items, ToLongFunction<I> size, ToLongFunction<I> bytes,
                                        Task<I, R> task, Progress progress) throws TensorFormatException {
        int n = items.size();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -size.applyAsLong(items.get(i))));
        Object[] out = new Object[n];
        long[] doneBytes = {0};
        int[] done = {0};
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "initcheck-tensor");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(Arrays.asList(new Future<?>[n]));
            for (int i : order) {
                futures.set(i, pool.submit(() -> {
                    I item = items.get(i);
                    out[i] = task.run(item);
                    if (progress != null) {
                        synchronized (out) {
                            doneBytes[0] += bytes.applyAsLong(item);
                            progress.tensorDone(++done[0], n, doneBytes[0]);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
        @SuppressWarnings("unchecked")
        List<R> results = (List<R>) (List<?>) Arrays.asList(out);
        return results;
    }

    /** Waits for a task; its own exceptions come out unwrapped. */
    private static void await(Future<?> f) throws TensorFormatException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof TensorFormatException t) {
                throw t;
            }
            if (c instanceof RuntimeException x) {
                throw x;
            }
            if (c instanceof Error x) {
                throw x;
            }
            throw new IllegalStateException(c);
        }
    }
}
