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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code initcheck bench}: timings against Hipparchus and scipy on the same samples, and of {@code audit} on a
 * real-shaped checkpoint, written to bench.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time initcheck (streaming and exact), Hipparchus KS and scipy kstest on the same samples; "
                + "check end to end on a float32 .npy; and audit of a GPT-2-shaped checkpoint (f32 and bf16) beside "
                + "its read floor, JVM start-up and a scipy kstest loop over the same file.",
                "The checkpoint (1 + 6 x layers tensors: wte [32000, d], per layer c_attn, c_proj, c_fc, mlp c_proj "
                + "weights N(0, 0.02) and c_attn, c_fc biases U(+-1/sqrt(d))) and its policy are written into "
                + "--work once and reused while their size and seed sidecar match."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", defaultValue = "1000000,10000000", split = ",", paramLabel = "N",
            description = "Sample sizes, each at least 1000 (default: ${DEFAULT-VALUE}).")
    List<Long> sizes;

    @Option(names = "--families", defaultValue = "uniform,normal", split = ",",
            description = "uniform and/or normal (default: ${DEFAULT-VALUE}).")
    List<String> families;

    @Option(names = "--repeats", defaultValue = "5",
            description = "Timed runs per tool, the median reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Mixin
    SeedOption seed;

    @Option(names = "--python", split = ",", defaultValue = "/usr/bin/python3,python3",
            description = "Interpreters to try for scipy (first that imports scipy).")
    List<String> pythons;

    @Option(names = "--end-to-end", defaultValue = "100000000",
            description = "Elements of the float32 .npy checked end to end with -Xmx256m, 0 to skip "
                    + "(default: ${DEFAULT-VALUE}).")
    long endToEnd;

    @Option(names = "--checkpoint-layers", defaultValue = "24", paramLabel = "L",
            description = "Layers of the checkpoint audited by the checkpoint benchmark, 0 to skip it; 24 layers of "
                    + "d = 1024 are 145 tensors, 334,929,920 values (1.34 GB f32, 0.67 GB bf16) "
                    + "(default: ${DEFAULT-VALUE}).")
    int checkpointLayers;

    @Option(names = "--checkpoint-width", defaultValue = "1024", paramLabel = "D",
            description = "Width d of the checkpoint's layers (default: ${DEFAULT-VALUE}).")
    int checkpointWidth;

    @Option(names = "--out", defaultValue = "reports/bench.md", paramLabel = "FILE",
            description = "Markdown report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR",
            description = "Scratch directory for sample files (default: ${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        Benchmark.Config c = new Benchmark.Config(sizes, families, repeats, seed.value(), pythons, endToEnd, work,
                checkpointLayers, checkpointWidth);
        Benchmark.Result r = Benchmark.run(c, line -> err.println("bench: " + line));
        String md = BenchReport.markdown(r, "java -jar target/initcheck.jar bench " + String.join(" ", commandArgs()));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, md);
        spec.commandLine().getOut().print(md);
        return Main.EXIT_OK;
    }

    private void validate() {
        CommandLine cl = spec.commandLine();
        Options.atLeast(cl, "--repeats", repeats, 1);
        sizes.forEach(n -> Options.atLeast(cl, "--sizes", n, 1000));
        Options.atLeast(cl, "--end-to-end", endToEnd, 0);
        Options.atLeast(cl, "--checkpoint-layers", checkpointLayers, 0);
        Options.atLeast(cl, "--checkpoint-width", checkpointWidth, 1);
        for (String f : families) {
            if (!List.of("uniform", "normal").contains(f)) {
                throw new CommandLine.ParameterException(cl, "--families must list uniform and/or normal, got '" + f
                        + "'");
            }
        }
        OutputPaths.file("--out", out);
        OutputPaths.directory("--work", work);
    }

    private List<String> commandArgs() {
        return Arrays.asList(spec.commandLine().getParseResult().originalArgs().stream()
                .skip(1).toArray(String[]::new));
    }
}
