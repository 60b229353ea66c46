package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A synthetic supervised task that needs no download and is fixed by its seed: inputs {@code x[b]}, targets
 * {@code t[b]} (regression values, or a one-hot row for a class), the loss it is trained with, and the loss that
 * counts as "trained" ({@link #targetLoss()}).
 *
 * <ul>
 *   <li>{@link Kind#TEACHER}: x ~ N(0, I_{20}); a random teacher network with one tanh hidden layer of 32 units,
 *       A ~ N(0, 1/20), v ~ N(0, 1/32), gives s = v·tanh(A x); the target is s standardized over the task's
 *       samples (mean 0, variance 1). Loss: L = (1/(2B)) Σ_b (ŷ_b − t_b)², so predicting 0 costs 0.5;
 *       target loss 0.05 (90% of the variance explained).</li>
 *   <li>{@link Kind#SPIRAL}: three interleaved spirals in the plane (the CS231n toy set): class c, radius
 *       r = i/n ∈ [0, 1), angle θ = 4r + 2πc/3 + 0.2·N(0, 1); x = 2·(r sin θ, r cos θ) so each coordinate has
 *       variance ≈ 0.67. Loss: softmax cross-entropy (1/B) Σ_b −ln p_b(c_b); guessing costs ln 3 ≈ 1.0986;
 *       target loss 0.2.</li>
 * </ul>
 * Streams: {@code random.derive("task/inputs")}, {@code "task/teacher"}, {@code "task/noise"}.
 *
 * @param kind        which task
 * @param inputs      x, [samples][inputWidth]
 * @param targets     t, [samples][outputWidth] (one-hot for a classification)
 * @param loss        how outputs are scored
 * @param targetLoss  the loss below which the network counts as trained
 */
public record TrainingTask(Kind kind, double[][] inputs, double[][] targets, Loss loss, double targetLoss) {

    /** The tasks {@code initcheck train --task} accepts. */
    public enum Kind {
        TEACHER, SPIRAL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The loss below which a network counts as trained: 0.05 (teacher), 0.2 (spiral). */
        public double targetLoss() {
            return this == TEACHER ? 0.05 : 0.2;
        }

        /** Case-insensitive {@link #id()}; the error lists the valid choices. */
        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.id().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown task '" + text + "' (valid: "
                    + Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", ")) + ")");
        }
    }

    /** How a batch of outputs is scored. */
    enum Loss {
        /** (1/(2B)) Σ |ŷ − t|². */
        SQUARED_ERROR,
        /** (1/B) Σ −ln softmax(ŷ)_c for the one-hot target c. */
        SOFTMAX_CROSS_ENTROPY
    }

    /** Samples of the default tasks. */
    static final int DEFAULT_SAMPLES = 512;

    /** The task {@code kind} with {@link #DEFAULT_SAMPLES} samples. */
    static TrainingTask of(Kind kind, SeededRandom random) {
        return of(kind, DEFAULT_SAMPLES, random);
    }

    static TrainingTask of(Kind kind, int samples, SeededRandom random) {
        if (samples < 3) {
            throw new IllegalArgumentException("a task needs at least 3 samples, got " + samples);
        }
        return kind == Kind.TEACHER ? teacher(samples, random) : spiral(samples, random);
    }

    int samples() {
        return inputs.length;
    }

    int inputWidth() {
        return inputs[0].length;
    }

    int outputWidth() {
        return targets[0].length;
    }

    private static TrainingTask teacher(int samples, SeededRandom random) {
        int d = 20;
        int h = 32;
        double[][] x = RegressionTask.gaussian(samples, d, 1, random.derive("task/inputs").create());
        UniformRandomProvider teacher = random.derive("task/teacher").create();
        double[][] a = RegressionTask.gaussian(h, d, 1 / Math.sqrt(d), teacher);
        double[][] v = RegressionTask.gaussian(1, h, 1 / Math.sqrt(h), teacher);
        double[] s = new double[samples];
        for (int b = 0; b < samples; b++) {
            for (int j = 0; j < h; j++) {
                double z = 0;
                for (int i = 0; i < d; i++) {
                    z += a[j][i] * x[b][i];
                }
                s[b] += v[0][j] * Math.tanh(z);
            }
        }
        double mean = Arrays.stream(s).average().orElseThrow();
        double var = Arrays.stream(s).map(u -> (u - mean) * (u - mean)).sum() / samples;
        double[][] t = new double[samples][1];
        for (int b = 0; b < samples; b++) {
            t[b][0] = (s[b] - mean) / Math.sqrt(var);
        }
        return new TrainingTask(Kind.TEACHER, x, t, Loss.SQUARED_ERROR, Kind.TEACHER.targetLoss());
    }

    private static TrainingTask spiral(int samples, SeededRandom random) {
        int classes = 3;
        ContinuousSampler noise = ZigguratSampler.NormalizedGaussian.of(random.derive("task/noise").create());
        double[][] x = new double[samples][2];
        double[][] t = new double[samples][classes];
        int perClass = (samples + classes - 1) / classes;
        for (int b = 0; b < samples; b++) {
            int c = b % classes;
            double r = (double) (b / classes) / perClass;
            double theta = 4 * r + 2 * Math.PI * c / classes + 0.2 * noise.sample();
            x[b][0] = 2 * r * Math.sin(theta);
            x[b][1] = 2 * r * Math.cos(theta);
            t[b][c] = 1;
        }
        return new TrainingTask(Kind.SPIRAL, x, t, Loss.SOFTMAX_CROSS_ENTROPY, Kind.SPIRAL.targetLoss());
    }


    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%d samples, %d -> %d, target loss %s)", kind.id(), samples(),
                inputWidth(), outputWidth(), targetLoss);
    }
}
