package dev.initcheck.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark job for the tensors read whole ({@link WholeTask}): each task runs a batch of them in an executor
 * ({@link WholeTensorReader}) and sends back one small result per tensor (its verdict and first values, a re-check's
 * verdict, or a 16-byte hash), collected by the driver.
 *
 * <p>Batches: a tensor of at least {@link #OWN_TASK_BYTES} bytes is a task of its own; the smaller ones are dealt,
 * largest first, each to the batch with the fewest bytes so far (ties: the first such batch), into
 * {@code max(slots, ⌈their bytes / OWN_TASK_BYTES⌉)} batches (at most one per tensor), so that small tensors such
 * as biases and norms make a few tasks, spread over the executors' cores. The batches change neither what a
 * tensor's task computes nor how the driver places it: results are keyed by the task's id.
 *
 * @param partitions  batches of small tensors: 0 for Spark's default parallelism
 * @param shuffleSeed the tensors are dealt in an order shuffled by this seed (0: largest first, then in the audit's
 *                    order) before the stable sort by size, which changes the batches of equal-sized tensors
 */
record WholeTensorJob(int partitions, long shuffleSeed) {
    /** Bytes from which a tensor has a task of its own. */
    static final long OWN_TASK_BYTES = 8L << 20;

    /** Tensors examined by completed jobs in this JVM (tests and diagnostics). */
    static final AtomicLong EXAMINED = new AtomicLong();

    /** What a completed job did: tasks, tensors, bytes, wall time, the tasks' CPU time. */
    record Done(int tasks, int tensors, long bytes, long nanos, long taskCpuNanos) {
        String describe() {
            return String.format(Locale.ROOT, "spark: %d tensor%s (%.1f MB) read whole in %d task%s in %.2f s; tasks' "
                    + "CPU time %.2f s", tensors, tensors == 1 ? "" : "s", bytes / 1e6, tasks, tasks == 1 ? "" : "s",
                    nanos / 1e9, taskCpuNanos / 1e9);
        }

        Done plus(Done o) {
            return o == null ? this : new Done(tasks + o.tasks, tensors + o.tensors, bytes + o.bytes,
                    nanos + o.nanos, taskCpuNanos + o.taskCpuNanos);
        }
    }

    /** The jobs of the current audit in this JVM, summed (reset by the command). */
    static final AtomicReference<Done> LAST = new AtomicReference<>();

    WholeTensorJob {
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
        }
    }

    /** The tasks' batches for {@code slots} parallel task slots (see the class comment). */
    List<List<WholeTask>> batches(List<WholeTask> tasks, int slots) {
        List<WholeTask> order = new ArrayList<>(tasks);
        if (shuffleSeed != 0) {
            Collections.shuffle(order, new Random(shuffleSeed));
        }
        order.sort(Comparator.comparingLong(t -> -t.bytes())); // stable: equal sizes keep the order above
        List<List<WholeTask>> out = new ArrayList<>();
        List<WholeTask> small = new ArrayList<>();
        long smallBytes = 0;
        for (WholeTask t : order) {
            if (t.bytes() >= OWN_TASK_BYTES) {
                out.add(new ArrayList<>(List.of(t)));
            } else {
                small.add(t);
                smallBytes += t.bytes();
            }
        }
        if (small.isEmpty()) {
            return out;
        }
        int k = (int) Math.min(small.size(), Math.max(Math.max(1, slots),
                (smallBytes + OWN_TASK_BYTES - 1) / OWN_TASK_BYTES));
        List<List<WholeTask>> bins = new ArrayList<>();
        long[] load = new long[k];
        for (int b = 0; b < k; b++) {
            bins.add(new ArrayList<>());
        }
        for (WholeTask t : small) {
            int least = 0;
            for (int b = 1; b < k; b++) {
                if (load[b] < load[least]) {
                    least = b;
                }
            }
            bins.get(least).add(t);
            load[least] += t.bytes();
        }
        out.addAll(bins);
        return out;
    }

    /**
     * Runs the tasks and returns one result per task, in no particular order.
     *
     * @throws org.apache.spark.SparkException (unchecked as thrown by Spark) when a task fails: a read failing
     *     under the reader, named in one line by the task
     */
    List<WholeResult> run(JavaSparkContext sc, List<WholeTask> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        long started = System.nanoTime();
        List<List<WholeTask>> batches = batches(tasks, partitions > 0 ? partitions : sc.defaultParallelism());
        Broadcast<HashMap<String, String>> hadoop = sc.broadcast(DistributedSummaries.settings(
                sc.hadoopConfiguration()));
        sc.setJobDescription("initcheck audit: " + tasks.size() + " tensors read whole in " + batches.size()
                + " tasks");
        List<WholeResult> out;
        try {
            out = sc.parallelize(batches, batches.size())
                    .flatMap(b -> WholeTensorReader.run(b, hadoop.value()).iterator())
                    .collect();
        } finally {
            hadoop.destroy(); // a shared context runs many audits: nothing of this one stays behind
            sc.setJobDescription(null);
        }
        EXAMINED.addAndGet(out.size());
        Done done = new Done(batches.size(), tasks.size(), out.stream().mapToLong(WholeResult::bytes).sum(),
                System.nanoTime() - started, out.stream().mapToLong(WholeResult::cpuNanos).sum());
        LAST.accumulateAndGet(done, (a, b) -> a == null ? b : a.plus(b));
        return out;
    }
}
