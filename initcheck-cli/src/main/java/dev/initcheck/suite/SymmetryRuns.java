package dev.initcheck.suite;

import dev.initcheck.propagation.Activation;
import dev.initcheck.propagation.RegressionTask;
import dev.initcheck.propagation.SymmetryBreaking;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.report.SymmetrySection;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import java.util.ArrayList;
import java.util.List;

/**
 * Symmetry under training (seed document 000): a tanh network 4 → 8 → 6 → 2 trained by mini-batch gradient descent
 * on a fixed regression task from constant weights (the units stay identical: distance exactly 0), from Glorot
 * weights, and from constant weights with dropout 0.2 (the masks break the symmetry).
 */
final class SymmetryRuns {
    static final int[] WIDTHS = {4, 8, 6, 2};
    static final int STEPS = 100;
    static final double LEARNING_RATE = 0.1;
    static final int BATCH = 32;
    static final double DROPOUT = 0.2;

    private SymmetryRuns() {
    }

    static SymmetrySection run(Suite.Config c) {
        SeededRandom root = SeededRandom.of(c.seed());
        RegressionTask task = RegressionTask.of(WIDTHS[0], WIDTHS[WIDTHS.length - 1], 128, root.derive("symmetry/task"));
        String constant = "constant(value=0.1)";
        List<SymmetrySection.Trace> traces = new ArrayList<>();
        traces.add(trace("constant", constant, 0, true, task, root));
        traces.add(trace("random", "glorot_uniform", 0, false, task, root));
        traces.add(trace("constant + dropout", constant, DROPOUT, false, task, root));
        c.progress().step("symmetry", "training", 1, 1);
        return new SymmetrySection(WIDTHS.clone(), Activation.TANH.id(), STEPS, LEARNING_RATE, traces);
    }

    private static SymmetrySection.Trace trace(String label, String scheme, double dropout, boolean symmetric,
                                               RegressionTask task, SeededRandom root) {
        SymmetryBreaking.Training spec = new SymmetryBreaking.Training(WIDTHS, Activation.TANH,
                ReferenceInitializer.of(scheme, Layout.PYTORCH), 0.0, STEPS, LEARNING_RATE, BATCH, dropout,
                root.derive("symmetry/" + label));
        SymmetryBreaking.SymmetryTrace t = SymmetryBreaking.train(spec, task);
        return new SymmetrySection.Trace(label, scheme, dropout, symmetric, t.maxDistance(), t.loss());
    }
}
