package dev.initcheck.cli;

import dev.initcheck.bench.BenchReport;
import dev.initcheck.bench.Benchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code initcheck bench}: timings against Hipparchus and scipy on the same samples, written to bench.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time initcheck (streaming and exact), Hipparchus KS and scipy kstest on the same samples.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", defaultValue = "1000000,10000000", split = ",", description = "Sample sizes.")
    List<Long> sizes;

    @Option(names = "--families", defaultValue = "uniform,normal", split = ",", description = "uniform, normal.")
    List<String> families;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed runs per tool (median reported).")
    int repeats;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--python", split = ",", defaultValue = "/usr/bin/python3,python3",
            description = "Interpreters to try for scipy (first that imports scipy).")
    List<String> pythons;

    @Option(names = "--end-to-end", defaultValue = "100000000",
            description = "Elements of the float32 .npy checked end to end with -Xmx256m (0 to skip).")
    long endToEnd;

    @Option(names = "--out", defaultValue = "reports/bench.md", description = "Markdown report.")
    Path out;

    @Option(names = "--work", defaultValue = "target/bench", description = "Scratch directory for sample files.")
    Path work;

    @Override
    public Integer call() throws IOException {
        if (repeats < 1 || sizes.stream().anyMatch(n -> n < 1000)) {
            throw new IllegalArgumentException("--repeats must be >= 1 and --sizes >= 1000");
        }
        PrintWriter err = spec.commandLine().getErr();
        Benchmark.Config c = new Benchmark.Config(sizes, families, repeats, seed, pythons, endToEnd, work);
        Benchmark.Result r = Benchmark.run(c, line -> err.println("bench: " + line));
        String md = BenchReport.markdown(r, "java -jar target/initcheck.jar bench " + String.join(" ", commandArgs()));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, md);
        spec.commandLine().getOut().print(md);
        return Main.EXIT_OK;
    }

    private List<String> commandArgs() {
        return Arrays.asList(spec.commandLine().getParseResult().originalArgs().stream()
                .skip(1).toArray(String[]::new));
    }
}
