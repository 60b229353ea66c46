package dev.initcheck.cli;

import dev.initcheck.app.Calibration;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.Conformance;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.shape.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code initcheck calibrate}: measured false-alarm rates of every check with correct samplers. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measure each check's rejection rate on correct samples (uniform, normal, Keras truncated normal).")
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "10000", description = "Seeded runs per law (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--alpha", defaultValue = "0.01", paramLabel = "A", description = "False-alarm probability of "
            + "each check; a tensor's k stochastic checks spend k·A together, which must stay below 1 "
            + "(default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--shape", defaultValue = "40,25", description = "Tensor shape of each run (default ${DEFAULT-VALUE}).")
    String shape;

    @Option(names = "--seed", defaultValue = "20260101", paramLabel = "S",
            description = "Seed every run's stream derives from (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown table to this file.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Options.atLeast(spec.commandLine(), "--runs", runs, 1);
        Options.probability(spec.commandLine(), "--alpha", alpha);
        List<Calibration.Case> cases = Calibration.defaultCases(Shape.parse(shape));
        checkTensorShare(cases);
        if (out != null) {
            OutputPaths.file("--out", out);
        }
        long t0 = System.nanoTime();
        List<Calibration.Row> rows = Calibration.run(cases, runs, alpha, Precision.FLOAT64, SeededRandom.of(seed));
        String md = String.format(Locale.ROOT, "# Calibration%n%nReproduce: `java -jar target/initcheck.jar calibrate "
                        + "--runs %d --alpha %s --shape %s --seed %d`%n%nEach row: %d runs of a correct reference sampler "
                        + "(generator %s, seed %d, shape [%s]); a check must reject at most at its nominal rate %s: the "
                        + "count is compared with the binomial interval, and a check far below it is conservative. "
                        + "Measured in %.1f s.%n%n",
                runs, alpha, shape, seed, runs, SeededRandom.DEFAULT_SOURCE.name(), seed, shape, alpha,
                (System.nanoTime() - t0) * 1e-9) + Calibration.markdown(rows);
        if (out != null) {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            Files.writeString(out, md);
        }
        spec.commandLine().getOut().print(md);
        return rows.stream().allMatch(Calibration.Row::withinOrBelow) ? Main.EXIT_OK : Main.EXIT_NONCONFORMANT;
    }

    /** Each run checks a tensor at k·alpha (k stochastic checks at alpha each): that share must stay below 1. */
    private void checkTensorShare(List<Calibration.Case> cases) {
        for (Calibration.Case c : cases) {
            Expectation e = c.expectation();
            int k = Conformance.stochasticChecks(e, e.shape().size(), Precision.FLOAT64, AlphaShare.of(alpha)).size();
            if (!(k * alpha < 1)) {
                throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "--alpha %s is too "
                        + "large: the %d stochastic checks of a %s tensor would spend %d × %s together, which must be "
                        + "below 1 (give --alpha below %s)", Options.show(alpha), k, c.label(), k, Options.show(alpha),
                        Options.show(1.0 / k)));
            }
        }
    }
}
