package dev.initcheck.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --alpha}: the run's false-alarm budget, checked to lie in (0, 1) when the command line is parsed. */
final class AlphaOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private double alpha;

    @Option(names = "--alpha", defaultValue = "1e-6", paramLabel = "A",
            description = "False-alarm budget of the run, in (0, 1), split equally over what it checks "
                    + "(default: ${DEFAULT-VALUE}).")
    void set(double a) {
        alpha = Options.probability(mixee.commandLine(), "--alpha", a);
    }

    double value() {
        return alpha;
    }
}
