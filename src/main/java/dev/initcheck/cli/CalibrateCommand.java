package dev.initcheck.cli;

import dev.initcheck.check.Calibration;
import dev.initcheck.check.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.shape.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code initcheck calibrate}: measured false-alarm rates of every check with correct samplers. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measure each check's rejection rate on correct samples (uniform, normal, Keras truncated normal).")
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "10000", description = "Seeded runs per law (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--alpha", defaultValue = "0.01", description = "False-alarm probability per check.")
    double alpha;

    @Option(names = "--shape", defaultValue = "40,25", description = "Tensor shape of each run (default ${DEFAULT-VALUE}).")
    String shape;

    @Option(names = "--seed", defaultValue = "20260101")
    long seed;

    @Option(names = "--out", description = "Also write the Markdown table to this file.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (runs < 1 || !(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("--runs must be >= 1 and --alpha in (0, 1)");
        }
        long t0 = System.nanoTime();
        List<Calibration.Row> rows = Calibration.run(Calibration.defaultCases(Shape.parse(shape)), runs, alpha,
                Precision.FLOAT64, SeededRandom.of(seed));
        String md = String.format(Locale.ROOT, "# Calibration%n%nReproduce: `java -jar target/initcheck.jar calibrate "
                        + "--runs %d --alpha %s --shape %s --seed %d`%n%nEach row: %d runs of a correct reference sampler "
                        + "(generator %s, seed %d, shape [%s]); a check must reject at most at its nominal rate %s: the "
                        + "count is compared with the binomial interval, and a check far below it is conservative. "
                        + "Measured in %.1f s.%n%n",
                runs, alpha, shape, seed, runs, SeededRandom.DEFAULT_SOURCE.name(), seed, shape, alpha,
                (System.nanoTime() - t0) * 1e-9) + Calibration.markdown(rows);
        if (out != null) {
            Files.writeString(out, md);
        }
        spec.commandLine().getOut().print(md);
        return rows.stream().allMatch(Calibration.Row::withinOrBelow) ? Main.EXIT_OK : Main.EXIT_NONCONFORMANT;
    }
}
