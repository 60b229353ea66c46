package dev.initcheck.cli;

import dev.initcheck.report.Report;
import dev.initcheck.report.ReportFiles;
import dev.initcheck.report.TensorResult;
import dev.initcheck.suite.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code initcheck suite}: the main job; writes index.html, report.json, junit.xml and summary.md. */
@Command(name = "suite", mixinStandardHelpOptions = true,
        description = "Check every catalogue scheme on dense and convolution shapes in both layouts, run the seed "
                + "experiments, propagation, symmetry under training and the training study of 'train', and write "
                + "the reports. "
                + "Exit 0: every scheme conforms, 1: some do not, 2: bad input.")
final class SuiteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "target/reports", paramLabel = "DIR",
            description = "Report directory (default: ${DEFAULT-VALUE}; --out reports refreshes the committed reports).")
    Path out;

    @Mixin
    SeedOption seed;

    @Option(names = "--samples", paramLabel = "N",
            description = "Values per (scheme, shape), at least 1; independent tensors are pooled when N exceeds the "
                    + "shape's size (default: the shape's size).")
    Long samples;

    @Mixin
    AlphaOption alpha;

    @Override
    public Integer call() throws Exception {
        long n = samples == null ? 0 : Options.atLeast(spec.commandLine(), "--samples", samples, 1);
        OutputPaths.directory("--out", out);
        PrintWriter err = spec.commandLine().getErr();
        ProgressDisplay progress = new ProgressDisplay(err, System.console() != null);
        long start = System.nanoTime();
        Suite.Config config = Suite.Config.defaults().withSeed(seed.value()).withSamples(n).withAlpha(alpha.value())
                .withProgress(progress);
        Report report = Suite.run(config, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        progress.step("reports", "index.html, report.json, junit.xml, summary.md", 0, 1);
        ReportFiles.write(out, report, (System.nanoTime() - start) / 1e9);
        progress.step("reports", "written", 1, 1);
        progress.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        print(spec.commandLine().getOut(), report, seconds);
        return report.passed() ? Main.EXIT_OK : Main.EXIT_NONCONFORMANT;
    }

    private void print(PrintWriter w, Report r, double seconds) {
        long failed = r.tensors().stream().filter(t -> !t.verdict().passed()).count();
        w.printf(Locale.ROOT, "suite: %s — %d of %d tensors conform (false-alarm budget %s, seed %d)%n",
                r.passed() ? "PASS" : "FAIL", r.tensors().size() - failed, r.tensors().size(), alpha.value(),
                seed.value());
        for (TensorResult t : r.tensors()) {
            if (!t.verdict().passed()) {
                w.println("  FAIL " + t.verdict().explain().replace("\n", "\n  "));
            }
        }
        if (r.symmetry() != null) {
            r.symmetry().traces().stream().filter(t -> !t.asExpected())
                    .forEach(t -> w.println("  FAIL symmetry: " + t.label() + " not as expected"));
        }
        w.printf(Locale.ROOT, "reports written to %s (index.html, report.json, junit.xml, summary.md)%n", out);
        w.printf(Locale.ROOT, "elapsed %.1f s%n", seconds);
    }
}
