package dev.initcheck.cli;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.app.TensorTasks;
import dev.initcheck.check.AlphaBudget;
import dev.initcheck.check.Verdict;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.report.Json;
import dev.initcheck.report.Report;
import dev.initcheck.scheme.Scheme;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        description = "Check the tensors of a .npy, .npz, .safetensors, .pt/.pth/.bin (PyTorch state_dict) or .csv file "
                + "against a declared scheme. "
                + "Exit 0: conforms, 1: does not conform, 2: bad input.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The tensor file.")
    Path file;

    @Option(names = "--scheme", description = "Declared scheme, e.g. he_normal (required with FILE).")
    String scheme;

    @Option(names = "--tensor", description = "Check only this tensor of a .npz/.safetensors/.pt file (default: every "
            + "float tensor; the others are listed as skipped).")
    String tensor;

    @Option(names = "--manifest", paramLabel = "M.json", description = "Check a whole checkpoint: a JSON list of "
            + "{file, tensor, scheme, layout, fan_in?, fan_out?} (files relative to M.json's folder), one budget, "
            + "and a cross-correlation check on every pair of tensors. Replaces FILE, --scheme, --tensor and the "
            + "layout, fan and shape options.")
    Path manifest;

    @Mixin
    TensorOptions tensorOptions;

    @Mixin
    AlphaOption alpha;

    @Mixin
    FormatOption format;

    @Option(names = "--ks", defaultValue = "auto",
            description = "KS path: exact (sorted copy), streaming (one pass, binned: D_lo <= D <= D_lo + 1/65536), "
                    + "or auto (streaming from 2^16 values, sorted again only when the KS bounds straddle the gate; exact "
                    + "below, or when the heap cannot hold the sorted copy). "
                    + "Default ${DEFAULT-VALUE}.")
    String ks;

    @Option(names = "--strict", description = "Exit 1 also when a tensor is inconclusive (too few values for any "
            + "check to have caught a wrong scale); without it inconclusive tensors exit 0.")
    boolean strict;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write index.html, report.json, junit.xml and summary.md into DIR.")
    Path report;

    @Override
    public Integer call() throws TensorFormatException, java.io.IOException {
        TensorCheck.KsMode mode = ksMode();
        if (report != null) {
            OutputPaths.directory("--report", report);
        }
        if (manifest != null || file == null || scheme == null) {
            return checkManifest(mode);
        }
        Scheme declared = Scheme.parse(scheme);
        TensorOptions.Selection selection = TensorOptions.select(file, tensor);
        List<TensorCheck.Target> targets = selection.targets();
        AlphaBudget budget = AlphaBudget.of(alpha.value(), targets.size());
        List<CheckOutput.Row> rows = new ArrayList<>();
        List<CheckReport.Item> items = new ArrayList<>();
        java.util.Map<String, Long> sizes = new java.util.HashMap<>();
        if (targets.size() > 1) {
            TensorFiles.list(file).forEach(i -> sizes.put(i.name(), i.size()));
        }
        TensorCheck.TensorSpec tensorSpec = tensorOptions.spec();
        // one tensor: its pass on every core; several: one tensor per core, largest first
        int inner = targets.size() == 1 ? dev.initcheck.summary.StreamingEngine.defaultThreads() : 1;
        TensorProgress progress = new TensorProgress(spec.commandLine().getErr(), System.console() != null, "check");
        List<Verdict> verdicts = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        try {
            List<Object[]> timed = TensorTasks.runAll(targets, t -> sizes.getOrDefault(t.tensor(), 0L),
                    t -> sizes.getOrDefault(t.tensor(), 0L), t -> {
                        long start = System.nanoTime();
                        Verdict v = TensorCheck.check(t, declared, tensorSpec, budget.tensorShare(), mode, inner)
                                .verdict();
                        return new Object[] {v, (System.nanoTime() - start) / 1e9};
                    }, progress);
            timed.forEach(x -> {
                verdicts.add((Verdict) x[0]);
                seconds.add((Double) x[1]);
            });
        } finally {
            progress.finish();
        }
        for (int k = 0; k < targets.size(); k++) {
            TensorCheck.Target t = targets.get(k);
            rows.add(new CheckOutput.Row(file.toString(), t.tensor(), verdicts.get(k), null));
            items.add(new CheckReport.Item(file.toString(), t, tensorOptions.csvShape(), verdicts.get(k),
                    seconds.get(k)));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (format.value() == OutputFormat.JSON) {
            w.print(Json.write(CheckOutput.json("file", file.toString(), alpha.value(), rows, selection.skipped())));
        } else {
            CheckOutput.text(w, rows, file.toString(), selection.skipped());
        }
        List<Report.Skipped> skipped = new ArrayList<>();
        selection.skipped().forEach(x -> skipped.add(new Report.Skipped(file.toString(), x.name(), x.dtype(),
                x.reason())));
        return finish(items, skipped);
    }

    /** {@code --manifest}: exactly one of FILE + --scheme or --manifest; per-tensor options come from the entries. */
    private Integer checkManifest(TensorCheck.KsMode mode) throws TensorFormatException, java.io.IOException {
        if (manifest == null || file != null || scheme != null) {
            throw new ParameterException(spec.commandLine(), manifest == null
                    ? "give FILE and --scheme, or --manifest" : "--manifest replaces FILE and --scheme; give one or the other");
        }
        List<String> perTensor = new ArrayList<>(List.of("--tensor"));
        perTensor.addAll(TensorOptions.NAMES);
        for (String option : perTensor) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), option + " does not apply with --manifest: each "
                        + "entry declares its own tensor, layout and fans");
            }
        }
        List<ManifestCheck.Checked> checked = ManifestCheck.run(manifest, alpha.value(), mode);
        ManifestCheck.print(spec.commandLine().getOut(), format.value(), manifest, alpha.value(), checked);
        List<CheckReport.Item> items = new ArrayList<>();
        for (ManifestCheck.Checked c : checked) {
            items.add(new CheckReport.Item(c.entry().fileAsWritten(), c.entry().target(), null, c.verdict(),
                    c.seconds()));
        }
        return finish(items, List.of());
    }

    private Integer finish(List<CheckReport.Item> items, List<Report.Skipped> skipped)
            throws TensorFormatException, java.io.IOException {
        if (report != null) {
            CheckReport.write(report, "check", items, skipped, alpha.value());
        }
        return exitCode(items.stream().map(CheckReport.Item::verdict).toList(), strict);
    }

    /** 0 unless some tensor fails (or, with {@code strict}, is inconclusive): then 1. */
    static int exitCode(List<Verdict> verdicts, boolean strict) {
        boolean bad = verdicts.stream().anyMatch(v -> v.failed() || (strict && !v.passed()));
        return bad ? Main.EXIT_NONCONFORMANT : Main.EXIT_OK;
    }

    TensorCheck.KsMode ksMode() {
        return Options.ksMode(spec.commandLine(), ks);
    }
}
