package dev.initcheck.bench;

import java.util.Arrays;

/** Wall-clock timings of repeated runs, after warm-up runs; the median is what reports quote. */
public record Timing(String what, double[] seconds) {

    public double median() {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    public double min() {
        return Arrays.stream(seconds).min().orElse(Double.NaN);
    }

    public double max() {
        return Arrays.stream(seconds).max().orElse(Double.NaN);
    }

    /** Times {@code task} {@code repeats} times after {@code warmups} untimed runs. */
    static Timing of(String what, int warmups, int repeats, Runnable task) {
        for (int i = 0; i < warmups; i++) {
            task.run();
        }
        double[] s = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            task.run();
            s[i] = (System.nanoTime() - t0) * 1e-9;
        }
        return new Timing(what, s);
    }
}
