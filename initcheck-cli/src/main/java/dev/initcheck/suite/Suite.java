package dev.initcheck.suite;

import dev.initcheck.check.AlphaBudget;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.report.Report;
import dev.initcheck.report.TensorResult;
import dev.initcheck.report.TrainingSection;
import dev.initcheck.propagation.TrainingStudy;
import dev.initcheck.scheme.Catalogue;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The main job: every catalogue scheme on representative dense and convolution shapes in both layouts through all
 * checks under one false-alarm budget (Bonferroni over every tensor, {@link AlphaBudget}); the seed experiments;
 * forward and backward propagation for each scheme × activation; symmetry under training; training speed from each
 * initialization ({@link TrainingStudy}, the defaults of {@code initcheck train}, seeded by the suite's seed). Returns a
 * {@link Report}; nothing here prints or writes files.
 *
 * <p>Randomness: tensor k of (scheme, shape, layout) comes from
 * {@code SeededRandom.of(seed).derive("tensor/" + scheme + "/" + shape + "/" + layout + "/" + k)}, so results do not
 * depend on the order of the work; the other sections derive their streams the same way.
 */
public final class Suite {
    /** Default seed (that of seed document 000's table, {@link dev.initcheck.propagation.PropagationTable}). */
    public static final long DEFAULT_SEED = 42;

    private Suite() {
    }

    /** A shape in a layout, e.g. [256, 512] in the PyTorch layout. */
    public record ShapeSpec(Shape shape, Layout layout) {
        public static ShapeSpec of(Layout layout, long... dims) {
            return new ShapeSpec(Shape.of(dims), layout);
        }

        @Override
        public String toString() {
            return shape + " " + layout.id();
        }
    }

    /** Dense and convolution weights, both layouts. */
    public static final List<ShapeSpec> DEFAULT_SHAPES = List.of(
            ShapeSpec.of(Layout.PYTORCH, 256, 512), ShapeSpec.of(Layout.KERAS, 512, 256),
            ShapeSpec.of(Layout.PYTORCH, 64, 32, 3, 3), ShapeSpec.of(Layout.KERAS, 3, 3, 32, 64));

    /** Receives progress: {@code done} of {@code total} steps of {@code phase}, {@code item} the step just done. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (phase, item, done, total) -> { };

        void step(String phase, String item, int done, int total);
    }

    /**
     * What to run. {@link #defaults()} is the main job; tests narrow the schemes, shrink the sections, or replace
     * a scheme's sampler with a mutant ({@link #withOverride}) to see that the suite rejects it.
     *
     * @param seed        the run's seed
     * @param samples     values per (scheme, shape); 0 for the shape's size
     * @param alpha       the run's total false-alarm budget
     * @param schemes     the schemes checked
     * @param shapes      the shapes each scheme is checked on
     * @param overrides   samplers replacing the reference sampler, by canonical scheme spelling, per layout
     * @param propagation whether to run the propagation section (and the seed experiments)
     * @param symmetry    whether to run the symmetry-under-training section
     * @param training    the training study to run (its seed is the suite's), or null for none
     * @param progress    progress listener
     */
    public record Config(long seed, long samples, double alpha, List<Scheme> schemes, List<ShapeSpec> shapes,
                         Map<String, Function<Layout, Initializer>> overrides, boolean propagation, boolean symmetry,
                         TrainingStudy.Config training, Progress progress) {
        public Config {
            schemes = List.copyOf(schemes);
            shapes = List.copyOf(shapes);
            overrides = Map.copyOf(overrides);
            Objects.requireNonNull(progress, "progress");
            if (samples < 0) {
                throw new IllegalArgumentException("samples must be >= 0 (0: the shape's size), got " + samples);
            }
            AlphaShare.of(alpha); // 0 < alpha < 1
            if (schemes.isEmpty() || shapes.isEmpty()) {
                throw new IllegalArgumentException("need at least one scheme and one shape");
            }
            training = training == null ? null : training.withSeed(seed);
        }

        /**
         * The main job: every catalogue scheme, {@link #DEFAULT_SHAPES}, seed 42, budget 1e-6, all sections, the
         * training study of {@link TrainingStudy.Config#defaults()}.
         */
        public static Config defaults() {
            return new Config(DEFAULT_SEED, 0, AlphaBudget.DEFAULT_TOTAL, Catalogue.defaults(), DEFAULT_SHAPES,
                    Map.of(), true, true, TrainingStudy.Config.defaults(), Progress.NONE);
        }

        /** Runs {@code study} (seeded by this configuration's seed) as the training section; null for none. */
        public Config withTraining(TrainingStudy.Config study) {
            return new Config(seed, samples, alpha, schemes, shapes, overrides, propagation, symmetry, study,
                    progress);
        }

        /** No training section. */
        public Config withoutTraining() {
            return withTraining(null);
        }

        public Config withSeed(long s) {
            return new Config(s, samples, alpha, schemes, shapes, overrides, propagation, symmetry, training, progress);
        }

        public Config withSamples(long n) {
            return new Config(seed, n, alpha, schemes, shapes, overrides, propagation, symmetry, training, progress);
        }

        public Config withAlpha(double a) {
            return new Config(seed, samples, a, schemes, shapes, overrides, propagation, symmetry, training, progress);
        }

        /** Only these schemes (catalogue grammar). */
        public Config withSchemes(String... spelled) {
            return new Config(seed, samples, alpha, java.util.Arrays.stream(spelled).map(Scheme::parse).toList(),
                    shapes, overrides, propagation, symmetry, training, progress);
        }

        public Config withShapes(List<ShapeSpec> list) {
            return new Config(seed, samples, alpha, schemes, list, overrides, propagation, symmetry, training, progress);
        }

        /** Samples {@code scheme} (catalogue grammar) with {@code sampler} instead of the reference sampler. */
        public Config withOverride(String scheme, Function<Layout, Initializer> sampler) {
            Map<String, Function<Layout, Initializer>> m = new LinkedHashMap<>(overrides);
            m.put(Scheme.parse(scheme).toString(), sampler);
            return new Config(seed, samples, alpha, schemes, shapes, m, propagation, symmetry, training, progress);
        }

        public Config withSections(boolean withPropagation, boolean withSymmetry) {
            return new Config(seed, samples, alpha, schemes, shapes, overrides, withPropagation, withSymmetry,
                    training, progress);
        }

        public Config withProgress(Progress p) {
            return new Config(seed, samples, alpha, schemes, shapes, overrides, propagation, symmetry, training, p);
        }
    }

    /** Runs everything {@code config} asks for; {@code generatedAt} is recorded as given. */
    public static Report run(Config config, String generatedAt) {
        List<TensorResult> tensors = TensorRuns.run(config);
        var propagation = config.propagation() ? PropagationRuns.run(config) : null;
        var seed = config.propagation() ? PropagationRuns.seedExperiment(config) : null;
        var symmetry = config.symmetry() ? SymmetryRuns.run(config) : null;
        TrainingSection training = null;
        if (config.training() != null) {
            config.progress().step("training", "training", 0, 1);
            training = TrainingSection.of(TrainingStudy.run(config.training()));
            config.progress().step("training", "training", 1, 1);
        }
        Report.RunInfo info = new Report.RunInfo("suite", config.seed(),
                dev.initcheck.random.SeededRandom.DEFAULT_SOURCE.name(), config.alpha(),
                config.samples() == 0 ? null : config.samples(), generatedAt);
        return new Report(info, tensors, propagation, seed, symmetry, List.of(), training);
    }
}
