package dev.initcheck.cli;

import dev.initcheck.propagation.Activation;
import dev.initcheck.propagation.TrainingClaims;
import dev.initcheck.propagation.TrainingStudy;
import dev.initcheck.propagation.TrainingTask;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code initcheck train}: how fast deep MLPs train from each initialization ({@link TrainingStudy}). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train deep MLPs (SGD, momentum 0.9, batch 32, fixed learning rate per activation: sigmoid "
                + "0.1, others 0.01) on a synthetic task from each scheme, K seeds each, paired; print steps to the "
                + "target loss, final loss, loss quartiles and the seed documents' claims (one-sided sign tests at "
                + "alpha 1e-3). Exit 0: the study ran (claims are reported, not enforced), 2: bad input.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--depth", defaultValue = "5", paramLabel = "D",
            description = "Hidden layers, at least 1 (default: ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--width", defaultValue = "50", paramLabel = "W",
            description = "Units per hidden layer, at least 1 (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--activation", defaultValue = "tanh,relu,sigmoid", paramLabel = "A",
            description = "Comma-separated hidden activations (default: ${DEFAULT-VALUE}).")
    String activations;

    @Option(names = "--schemes", paramLabel = "S",
            description = "Comma-separated catalogue schemes, or pretrained / lsuv (default: zeros, small_random, "
                    + "large_random, lecun_normal, glorot_uniform, he_normal, orthogonal, torch.linear_default, "
                    + "pretrained, lsuv).")
    String schemes;

    @Option(names = "--seeds", defaultValue = "10", paramLabel = "K",
            description = "Seeds per scheme and activation, at least 1; the claims need 10 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--steps", defaultValue = "200", paramLabel = "N",
            description = "SGD steps per run, at least 1 (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--task", defaultValue = "teacher", paramLabel = "NAME",
            description = "teacher (regression on a random tanh teacher network) or spiral (3-class spirals) "
                    + "(default: ${DEFAULT-VALUE}).")
    String task;

    @Mixin
    SeedOption seed;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        TrainingStudy.Config config = config();
        TrainingStudy.Study study = TrainingStudy.run(config);
        PrintWriter out = spec.commandLine().getOut();
        if (format.value() == OutputFormat.JSON) {
            out.print(TrainOutput.json(study));
        } else {
            TrainOutput.text(out, study, TrainingClaims.evaluate(study));
        }
        return Main.EXIT_OK;
    }

    private TrainingStudy.Config config() {
        Options.atLeast(spec.commandLine(), "--depth", depth, 1);
        Options.atLeast(spec.commandLine(), "--width", width, 1);
        Options.atLeast(spec.commandLine(), "--seeds", seeds, 1);
        Options.atLeast(spec.commandLine(), "--steps", steps, 1);
        List<Activation> acts = Arrays.stream(activations.split(",", -1)).map(Activation::parse).toList();
        List<String> list = schemes == null ? TrainingStudy.DEFAULT_SCHEMES
                : PropagateCommand.splitSchemes(schemes);
        return TrainingStudy.Config.defaults().with(depth, width, seeds, steps).withActivations(acts)
                .withSchemes(list).withTask(TrainingTask.Kind.parse(task)).withSeed(seed.value());
    }
}
