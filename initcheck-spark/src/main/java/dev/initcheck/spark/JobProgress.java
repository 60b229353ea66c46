package dev.initcheck.spark;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress from Spark's listener bus: tasks finished over tasks submitted, at most one line every
 * two seconds on stderr (the result goes to stdout or a file, so progress never mixes with it).
 */
final class JobProgress extends SparkListener {
    private static final long EVERY_NANOS = 2_000_000_000L;
    private final PrintWriter err;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong finished = new AtomicLong();
    private final long started = System.nanoTime();

    private volatile long shown = System.nanoTime();
    private final JavaSparkContext sc;

    private JobProgress(JavaSparkContext sc, PrintWriter err) {
        this.sc = sc;
        this.err = err;
    }

    static JobProgress attach(JavaSparkContext sc, PrintWriter err) {
        JobProgress p = new JobProgress(sc, err);
        sc.sc().addSparkListener(p);
        return p;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted stage) {
        submitted.addAndGet(stage.stageInfo().numTasks());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        finished.incrementAndGet();
        long now = System.nanoTime();
        if (now - shown > EVERY_NANOS) {
            shown = now;
            show(now);
        }
    }

    private void show(long now) {
        synchronized (err) {
            err.printf(Locale.ROOT, "spark: %d/%d tasks done, %.1f s%n", finished.get(), submitted.get(),
                    (now - started) / 1e9);
            err.flush();
        }
    }

    /** Stops listening. */
    void finish() {
        sc.sc().removeSparkListener(this);
    }
}
