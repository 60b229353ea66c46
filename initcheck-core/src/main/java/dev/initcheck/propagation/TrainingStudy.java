package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains deep MLPs from each initialization scheme on a synthetic task, K seeds each: the application behind
 * {@code initcheck train} and the suite's training section.
 *
 * <p>The network: {@code depth} hidden layers of {@code width} units with one activation, a linear output layer,
 * zero biases (for every scheme; {@code pretrained} learns its hidden biases). Weights come from the scheme's
 * reference sampler in PyTorch layout, or from {@link Pretraining} (given the task's inputs) or {@link Lsuv}
 * (given the first {@value #CALIBRATION_BATCH} inputs). Training: {@link Trainer} with the configuration's
 * steps, batch and momentum, and the learning rate of the activation ({@link #learningRate}).
 *
 * <p>Seeds and pairing: seed s uses {@code r_s = SeededRandom.of(config.seed()).derive("train/seed/" + s)}; its
 * task is {@code TrainingTask.of(kind, r_s.derive("task"))}, every scheme's weights come from
 * {@code r_s.derive("network")} and its mini-batches from {@code r_s}. So on seed s every scheme sees the same
 * data in the same order and the catalogue schemes draw from the same stream: comparisons are paired
 * ({@link PairedComparison}).
 */
public final class TrainingStudy {
    /** Inputs LSUV calibrates on: the first 128 samples of the task. */
    static final int CALIBRATION_BATCH = 128;
    /** The data-dependent schemes, beside the catalogue's. */
    static final List<String> DATA_SCHEMES = List.of("pretrained", "lsuv");
    /** The schemes {@code initcheck train} compares by default. */
    public static final List<String> DEFAULT_SCHEMES = List.of("zeros", "small_random", "large_random",
            "lecun_normal", "glorot_uniform", "he_normal", "orthogonal", "torch.linear_default", "pretrained", "lsuv");

    private TrainingStudy() {
    }

    /**
     * The fixed learning rate of each activation (chosen once, before any comparison was run, and never tuned to
     * a claim): 0.1 for the sigmoid (its derivative is at most ¼, so gradients are 4× smaller per layer than
     * tanh's), 0.01 for every other activation.
     */
    public static double learningRate(Activation a) {
        return a == Activation.SIGMOID ? 0.1 : 0.01;
    }

    /**
     * What to run.
     *
     * @param depth       hidden layers (≥ 1)
     * @param width       units per hidden layer
     * @param activations the hidden activations
     * @param schemes     catalogue schemes (grammar of {@link Scheme#parse}) or {@code pretrained} / {@code lsuv}
     * @param seeds       K, seeds per scheme and activation
     * @param steps       SGD steps per run
     * @param task        the synthetic task
     * @param seed        the root seed
     * @param batch       mini-batch size
     * @param momentum    SGD momentum
     * @param logEvery    the loss is recorded every this many steps
     * @param threads     worker threads (results do not depend on it)
     */
    public record Config(int depth, int width, List<Activation> activations, List<String> schemes, int seeds,
                         int steps, TrainingTask.Kind task, long seed, int batch, double momentum, int logEvery,
                         int threads) {
        public Config {
            activations = List.copyOf(activations);
            schemes = List.copyOf(schemes);
            if (depth < 1 || width < 1 || seeds < 1 || steps < 1 || threads < 1 || activations.isEmpty()
                    || schemes.isEmpty()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "need depth, width, seeds, steps, "
                        + "threads >= 1 and at least one activation and scheme; got %d, %d, %d, %d, %d", depth, width,
                        seeds, steps, threads));
            }
            new Trainer.Config(steps, 0.01, momentum, batch, logEvery);
        }

        /**
         * The defaults of {@code initcheck train}: 5 hidden layers of 50 (seed document 000's network), tanh,
         * ReLU and sigmoid, {@link #DEFAULT_SCHEMES}, 10 seeds, 200 steps of batch 32 with momentum 0.9, the
         * teacher task, seed 42, the loss logged every 10 steps, 2 threads.
         */
        public static Config defaults() {
            return new Config(5, 50, List.of(Activation.TANH, Activation.RELU, Activation.SIGMOID), DEFAULT_SCHEMES,
                    10, 200, TrainingTask.Kind.TEACHER, 42, 32, 0.9, 10, 2);
        }

        public Config with(int newDepth, int newWidth, int newSeeds, int newSteps) {
            return new Config(newDepth, newWidth, activations, schemes, newSeeds, newSteps, task, seed, batch,
                    momentum, logEvery, threads);
        }

        public Config withActivations(List<Activation> a) {
            return new Config(depth, width, a, schemes, seeds, steps, task, seed, batch, momentum, logEvery, threads);
        }

        public Config withSchemes(List<String> s) {
            return new Config(depth, width, activations, s, seeds, steps, task, seed, batch, momentum, logEvery,
                    threads);
        }

        public Config withTask(TrainingTask.Kind k) {
            return new Config(depth, width, activations, schemes, seeds, steps, k, seed, batch, momentum, logEvery,
                    threads);
        }

        public Config withSeed(long s) {
            return new Config(depth, width, activations, schemes, seeds, steps, task, s, batch, momentum, logEvery,
                    threads);
        }

        Config withThreads(int t) {
            return new Config(depth, width, activations, schemes, seeds, steps, task, seed, batch, momentum, logEvery,
                    t);
        }
    }

    /** The study's results and the settings that made them. */
    public record Study(Config config, String generator, List<TrainingResult> results) {
        public Study {
            results = List.copyOf(results);
        }

        /** The result of {@code scheme} with {@code activation}; absent schemes throw. */
        TrainingResult result(String scheme, Activation activation) {
            return results.stream().filter(r -> r.scheme().equals(scheme) && r.activation() == activation)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no result for " + scheme + "/"
                            + activation.id()));
        }
    }

    /** Runs every (activation, scheme) of {@code config}, in that order. */
    public static Study run(Config config) {
        for (String s : config.schemes()) {
            if (!DATA_SCHEMES.contains(s)) {
                Scheme.parse(s); // fail before any work on a misspelled scheme
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(config.threads());
        try {
            List<List<Future<TrainingResult.SeedRun>>> futures = new ArrayList<>();
            for (Activation a : config.activations()) {
                for (String s : config.schemes()) {
                    List<Future<TrainingResult.SeedRun>> f = new ArrayList<>();
                    for (int k = 0; k < config.seeds(); k++) {
                        int seed = k;
                        f.add(pool.submit(() -> SeedTraining.run(config, s, a, seed)));
                    }
                    futures.add(f);
                }
            }
            List<TrainingResult> results = new ArrayList<>();
            int i = 0;
            for (Activation a : config.activations()) {
                for (String s : config.schemes()) {
                    List<TrainingResult.SeedRun> runs = new ArrayList<>();
                    for (Future<TrainingResult.SeedRun> f : futures.get(i++)) {
                        runs.add(get(f));
                    }
                    results.add(summarize(config, s, a, runs));
                }
            }
            return new Study(config, SeededRandom.DEFAULT_SOURCE.name(), results);
        } finally {
            pool.shutdownNow();
        }
    }

    private static TrainingResult.SeedRun get(Future<TrainingResult.SeedRun> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static TrainingResult summarize(Config config, String scheme, Activation a, List<TrainingResult.SeedRun> runs) {
        int[] steps = new Trainer.Config(config.steps(), learningRate(a), config.momentum(), config.batch(),
                config.logEvery()).loggedSteps();
        double[] q1 = new double[steps.length];
        double[] q2 = new double[steps.length];
        double[] q3 = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            int at = i;
            double[] v = runs.stream().mapToDouble(r -> r.loss()[at]).toArray();
            q1[i] = SeedStatistics.quantile(v, 0.25);
            q2[i] = SeedStatistics.quantile(v, 0.5);
            q3[i] = SeedStatistics.quantile(v, 0.75);
        }
        double[] reach = runs.stream().mapToDouble(r -> r.stepsToTarget() == null ? Double.POSITIVE_INFINITY
                : r.stepsToTarget()).toArray();
        int layers = runs.get(0).gradientNorms().length;
        double[] norms = new double[layers];
        for (int l = 0; l < layers; l++) {
            int at = l;
            norms[l] = SeedStatistics.quantile(runs.stream().mapToDouble(r -> r.gradientNorms()[at]).toArray(), 0.5);
        }
        double target = config.task().targetLoss();
        return new TrainingResult(scheme, a, config.depth(), config.width(), learningRate(a), target, runs,
                new TrainingResult.Curve(steps, q1, q2, q3), SeedStatistics.medianInterval(reach), norms);
    }

    /** The widths [n_0, width × depth, n_out] of the network for {@code task}. */
    static int[] widths(Config config, TrainingTask task) {
        int[] w = new int[config.depth() + 2];
        Arrays.fill(w, config.width());
        w[0] = task.inputWidth();
        w[w.length - 1] = task.outputWidth();
        return w;
    }

    /** The initial network of {@code scheme} for one seed (see the class comment for the streams). */
    static Mlp initial(String scheme, Activation a, int[] widths, TrainingTask task, SeededRandom network) {
        return switch (scheme) {
            case "pretrained" -> Pretraining.pretrain(widths, a, task.inputs(),
                    Pretraining.Config.defaults(learningRate(a)), network).network();
            case "lsuv" -> Lsuv.initialize(widths, a,
                    Arrays.copyOf(task.inputs(), Math.min(CALIBRATION_BATCH, task.samples())), network).network();
            default -> {
                Initializer init = Propagation.initializer(Scheme.parse(scheme), Layout.PYTORCH);
                yield Mlp.initialize(widths, a, init, 0, network);
            }
        };
    }
}
