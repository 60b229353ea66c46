package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;

/** One (scheme, activation, seed) run of a {@link TrainingStudy}. */
final class SeedTraining {
    private SeedTraining() {
    }

    static TrainingResult.SeedRun run(TrainingStudy.Config config, String scheme, Activation a, int seed) {
        SeededRandom r = SeededRandom.of(config.seed()).derive("train/seed/" + seed);
        TrainingTask task = TrainingTask.of(config.task(), r.derive("task"));
        int[] widths = TrainingStudy.widths(config, task);
        Mlp init;
        try {
            init = TrainingStudy.initial(scheme, a, widths, task, r.derive("network"));
        } catch (IllegalStateException e) { // LSUV could not calibrate this network on this batch
            throw new IllegalArgumentException(scheme + " with " + a.id() + " on seed " + seed + ": "
                    + e.getMessage(), e);
        }
        Trainer.Run run = Trainer.train(init, task, new Trainer.Config(config.steps(), TrainingStudy.learningRate(a),
                config.momentum(), config.batch(), config.logEvery()), r);
        return new TrainingResult.SeedRun(seed, run.stepsToTarget(), run.finalLoss(), run.diverged(),
                symmetric(run.trained()), run.loss(), run.gradientNorms());
    }

    /** Every hidden layer has all its units' incoming weight vectors identical. */
    static boolean symmetric(Mlp net) {
        int[] w = net.widths();
        for (int l = 1; l < net.depth(); l++) {
            var groups = SymmetryBreaking.identicalRowGroups(net.weights(l), w[l], w[l - 1]);
            if (groups.size() != 1 || groups.get(0).size() != w[l]) {
                return false;
            }
        }
        return true;
    }
}
