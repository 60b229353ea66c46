package dev.initcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.initcheck.check.AlphaBudget;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.report.Json;
import dev.initcheck.scheme.Scheme;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code initcheck check FILE --scheme S}: does a stored tensor follow its declared scheme? */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the tensors of a .npy, .npz, .safetensors or .csv file against a declared scheme. "
                + "Exit 0: conforms, 1: does not conform, 2: bad input.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The tensor file.")
    Path file;

    @Option(names = "--scheme", description = "Declared scheme, e.g. he_normal (required with FILE).")
    String scheme;

    @Option(names = "--manifest", paramLabel = "M.json", description = "Check a whole checkpoint: a JSON list of "
            + "{file, tensor, scheme, layout, fan_in?, fan_out?} (files relative to M.json's folder), one budget, "
            + "and a cross-correlation check on every pair of tensors. Replaces FILE and --scheme.")
    Path manifest;

    @Mixin
    TensorOptions tensorOptions;

    @Option(names = "--alpha", defaultValue = "1e-6",
            description = "False-alarm budget of the run, split over tensors and checks (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    String format;

    @Option(names = "--ks", defaultValue = "auto",
            description = "KS path: exact (sorted copy), streaming (one pass, binned: D_lo <= D <= D_lo + 1/65536), "
                    + "or auto (streaming above 2^22 values). Default ${DEFAULT-VALUE}.")
    String ks;

    @Option(names = "--strict", description = "Exit 1 also when a tensor is inconclusive (too few values for any "
            + "check to have caught a wrong scale); without it inconclusive tensors exit 0.")
    boolean strict;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write index.html, report.json, junit.xml and summary.md into DIR.")
    Path report;

    @Override
    public Integer call() throws TensorFormatException, java.io.IOException {
        OutputFormat out = OutputFormat.parse(format);
        if (manifest != null || file == null || scheme == null) {
            return checkManifest(out);
        }
        Scheme declared = Scheme.parse(scheme);
        List<TensorCheck.Target> targets = tensorOptions.targets(file);
        AlphaBudget budget = AlphaBudget.of(alpha, targets.size());
        List<Verdict> verdicts = new ArrayList<>();
        for (TensorCheck.Target t : targets) {
            verdicts.add(TensorCheck.run(t, declared, tensorOptions, budget.perTensor(), ksMode()));
        }
        print(spec.commandLine().getOut(), out, targets, verdicts);
        if (report != null) {
            CheckReport.write(report, targets, verdicts, tensorOptions, alpha);
        }
        return exitCode(verdicts, strict);
    }

    /** {@code --manifest}: exactly one of FILE + --scheme or --manifest. */
    private Integer checkManifest(OutputFormat out) throws TensorFormatException {
        if (manifest == null || file != null || scheme != null) {
            throw new ParameterException(spec.commandLine(), manifest == null
                    ? "give FILE and --scheme, or --manifest" : "--manifest replaces FILE and --scheme; give one or the other");
        }
        List<ManifestCheck.Checked> checked = ManifestCheck.run(manifest, alpha, ksMode());
        ManifestCheck.print(spec.commandLine().getOut(), out, checked);
        return exitCode(checked.stream().map(ManifestCheck.Checked::verdict).toList(), strict);
    }

    /** 0 unless some tensor fails (or, with {@code strict}, is inconclusive): then 1. */
    static int exitCode(List<Verdict> verdicts, boolean strict) {
        boolean bad = verdicts.stream().anyMatch(v -> v.failed() || (strict && !v.passed()));
        return bad ? Main.EXIT_NONCONFORMANT : Main.EXIT_OK;
    }

    TensorCheck.KsMode ksMode() {
        for (TensorCheck.KsMode m : TensorCheck.KsMode.values()) {
            if (m.name().equalsIgnoreCase(ks.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown --ks '" + ks + "' (valid: auto, exact, streaming)");
    }

    static void print(PrintWriter w, OutputFormat out, List<TensorCheck.Target> targets, List<Verdict> verdicts) {
        if (out == OutputFormat.JSON) {
            if (verdicts.size() == 1) {
                w.print(Json.write(Json.verdict(verdicts.get(0), targets.get(0).file().toString(), targets.get(0).tensor())));
            } else {
                ArrayNode list = Json.array();
                for (int i = 0; i < verdicts.size(); i++) {
                    list.add(Json.verdict(verdicts.get(i), targets.get(i).file().toString(), targets.get(i).tensor()));
                }
                w.print(Json.write(list));
            }
            return;
        }
        for (int i = 0; i < verdicts.size(); i++) {
            printText(w, targets.get(i), verdicts.get(i));
        }
    }

    static void printText(PrintWriter w, TensorCheck.Target t, Verdict v) {
        w.printf(Locale.ROOT, "%s [%s]: %s%n", t.file(), t.tensor(), v.status().name());
        w.println("  " + v.explain().replace("\n", "\n  "));
        for (CheckResult c : v.checks()) {
            w.printf(Locale.ROOT, "  %-4s %-18s %s%n", switch (c.outcome()) {
                case PASSED -> "ok";
                case FAILED -> "FAIL";
                case INCONCLUSIVE -> "??";
                case NOT_RUN -> "-";
            }, c.name().id(),
                    c.message());
        }
    }
}
