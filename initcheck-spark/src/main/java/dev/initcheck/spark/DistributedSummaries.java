package dev.initcheck.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/**
 * The Spark job: every streamed tensor split into ranges of whole chunks, each range summarised by a task
 * ({@link RangeReader}), the ranges' summaries merged per tensor with {@code reduceByKey} (map-side combined, then
 * merged in whatever order the shuffle delivers them: the merge is order-free, see {@link RangeSummary}).
 *
 * @param partitions    partitions of the ranges (0: Spark's default parallelism)
 * @param rangeValues   values per range, a multiple of the chunk; the last range of a tensor may be shorter
 * @param shuffleSeed   the ranges are dealt to partitions in an order shuffled by this seed (0: in file order)
 */
record DistributedSummaries(int partitions, long rangeValues, long shuffleSeed) {
    /** Ranges summarised by completed jobs in this JVM (for tests and diagnostics). */
    static final java.util.concurrent.atomic.AtomicLong SUMMARISED = new java.util.concurrent.atomic.AtomicLong();

    /** What the last completed job in this JVM did: ranges, tensors, bytes read, wall time. */
    record Done(int ranges, int tensors, long bytes, long nanos, long taskCpuNanos) {
        String describe() {
            return String.format(java.util.Locale.ROOT, "spark: %d ranges of %d tensors (%.1f MB) summarised in "
                    + "%.2f s (%.0f MB/s); tasks' CPU time %.2f s (%.0f MB/s per core)", ranges, tensors,
                    bytes / 1e6, nanos / 1e9, bytes / 1e3 / (nanos / 1e6), taskCpuNanos / 1e9,
                    bytes / 1e3 / (taskCpuNanos / 1e6));
        }
    }

    static final java.util.concurrent.atomic.AtomicReference<Done> LAST =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Default range: 32 MiB of bfloat16 values (2^24). */
    static final long DEFAULT_RANGE_VALUES = 1L << 24;

    DistributedSummaries {
        if (rangeValues <= 0 || rangeValues % dev.initcheck.io.ByteRanges.CHUNK != 0) {
            throw new IllegalArgumentException("a range must be a positive multiple of "
                    + dev.initcheck.io.ByteRanges.CHUNK + " values, got " + rangeValues);
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("partitions must be >= 0, got " + partitions);
        }
    }

    /** The ranges of every job's tensor, in file order or shuffled. */
    List<RangeTask> ranges(List<TensorJob> jobs) {
        List<RangeTask> out = new ArrayList<>();
        for (TensorJob j : jobs) {
            for (long from = 0; from < j.size(); from += rangeValues) {
                out.add(new RangeTask(j.id(), from, Math.min(j.size(), from + rangeValues)));
            }
        }
        if (shuffleSeed != 0) {
            Collections.shuffle(out, new Random(shuffleSeed));
        }
        return out;
    }

    /** Receives each tensor's merged summary on the driver. */
    @FunctionalInterface
    interface Sink {
        void accept(RangeSummary merged) throws dev.initcheck.io.TensorFormatException;
    }

    /**
     * Runs the job and hands each tensor's merged summary to {@code sink} on the driver, one reduce partition at a
     * time ({@code toLocalIterator}), so the driver holds the summaries of one partition, not of the whole model.
     *
     * @throws org.apache.spark.SparkException (unchecked as thrown by Spark) when a task fails, e.g. a shard that
     *     cannot be read; its message names the file
     */
    void run(JavaSparkContext sc, List<TensorJob> jobs, Sink sink) throws dev.initcheck.io.TensorFormatException {
        if (jobs.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<RangeTask> ranges = ranges(jobs);
        int slices = partitions > 0 ? partitions : sc.defaultParallelism();
        Broadcast<List<TensorJob>> shared = sc.broadcast(new ArrayList<>(jobs));
        Broadcast<HashMap<String, String>> hadoop = sc.broadcast(settings(sc.hadoopConfiguration()));
        sc.setJobDescription("initcheck audit: " + ranges.size() + " ranges of " + jobs.size() + " tensors");
        long cpu = 0;
        try {
            java.util.Iterator<Tuple2<Integer, RangeSummary>> merged = sc.parallelize(ranges,
                            Math.max(1, Math.min(slices, ranges.size())))
                    .mapToPair(r -> new Tuple2<>(r.tensor(),
                            RangeReader.read(shared.value().get(r.tensor()), r.from(), r.to(), hadoop.value())))
                    .reduceByKey(RangeSummary::merge, Math.max(1, Math.min(slices, jobs.size())))
                    .toLocalIterator();
            while (merged.hasNext()) {
                RangeSummary s = merged.next()._2();
                cpu += s.cpuNanos;
                sink.accept(s);
            }
        } finally {
            // a shared context runs many audits: nothing of this one stays behind (toLocalIterator is drained,
            // or the job failed, so no task still reads them)
            shared.destroy();
            hadoop.destroy();
            sc.setJobDescription(null);
        }
        SUMMARISED.addAndGet(ranges.size());
        LAST.set(new Done(ranges.size(), jobs.size(), jobs.stream().mapToLong(j -> j.size() * j.dtype().itemSize())
                .sum(), System.nanoTime() - started, cpu));
    }

    /** The merged summaries by tensor id (tests). */
    Map<Integer, RangeSummary> run(JavaSparkContext sc, List<TensorJob> jobs)
            throws dev.initcheck.io.TensorFormatException {
        Map<Integer, RangeSummary> out = new HashMap<>();
        run(sc, jobs, s -> out.put(s.tensor, s));
        return out;
    }

    static HashMap<String, String> settings(Configuration conf) {
        HashMap<String, String> out = new HashMap<>();
        conf.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
