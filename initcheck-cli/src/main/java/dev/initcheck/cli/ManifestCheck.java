package dev.initcheck.cli;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.summary.StreamingEngine;
import dev.initcheck.app.TensorTasks;
import dev.initcheck.app.HeapGuard;
import dev.initcheck.check.AlphaBudget;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Conformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorSource;
import dev.initcheck.report.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code initcheck check --manifest M.json}: every tensor of a checkpoint against its own declaration, under one
 * false-alarm budget.
 *
 * <p><b>Budget.</b> With T tensors and P eligible pairs, each tensor and each pair gets {@code alpha / (T + P)}
 * ({@link AlphaBudget}); by the union bound a correct checkpoint fails anywhere with probability at most alpha.
 *
 * <p><b>Cross-tensor check.</b> Two layers initialized from the same seed hold the same random stream, so their
 * first values are copies or multiples of each other. Every pair of tensors whose declared law has a positive
 * variance is tested with {@link Conformance#crossCorrelation} (Pearson r over the first
 * min(n_a, n_b, {@value #PAIR_VALUES}) values in C order) at the pair's share. Point masses (zeros, ones, constants)
 * are left out: their correlation is undefined and equal constants are what they declare. The result of a pair is
 * reported in <em>both</em> tensors' entries as one more check ({@code cross_correlation}, whose details name the
 * other tensor); a correlated pair therefore fails both entries. Each tensor's {@code alpha} counts half of each
 * of its pairs' shares, so the entries' alphas add up to the run's budget.
 */
final class ManifestCheck {
    /** Values per tensor used by the cross-tensor check (r then has a standard error of about 0.004). */
    static final int PAIR_VALUES = 1 << 16;

    private ManifestCheck() {
    }

    /** A checked entry: its verdict, with its pairs' results appended as checks, and its checking time. */
    record Checked(ManifestEntry entry, Verdict verdict, double seconds) {
    }

    static List<Checked> run(Path manifest, double alpha, TensorCheck.KsMode ks) throws TensorFormatException {
        List<ManifestEntry> entries = ManifestEntry.read(manifest);
        List<Integer> paired = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).expectation().distribution().variance() > 0 && entries.get(i).expectation().shape()
                    .size() >= 3) {
                paired.add(i);
            }
        }
        int pairs = paired.size() * (paired.size() - 1) / 2;
        AlphaBudget budget = AlphaBudget.of(alpha, entries.size()).withTensorPairs(pairs);
        // one entry per core, largest first: each task checks its tensor and, if paired, reads its prefix
        record Done(Verdict verdict, double[] prefix, double seconds) {
        }
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            index.add(i);
        }
        List<Done> done = TensorTasks.runAll(index, i -> entries.get(i).expectation().shape().size(), i -> 0L, i -> {
            ManifestEntry e = entries.get(i);
            long start = System.nanoTime();
            boolean isPaired = paired.contains(i);
            TensorCheck.Checked c = TensorCheck.check(e.target(), e.scheme(), e.options(), budget.tensorShare(), ks, 1,
                    isPaired ? PAIR_VALUES : StreamingEngine.PREFIX);
            // the prefix comes from the checks' own pass; a streamed Fortran-ordered matrix has none in C order
            double[] prefix = !isPaired ? null : c.prefix() != null ? c.prefix() : fortranPrefix(e.target());
            return new Done(c.verdict(), prefix, (System.nanoTime() - start) / 1e9);
        }, null);
        List<Verdict> verdicts = new ArrayList<>();
        Map<Integer, double[]> prefixes = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            verdicts.add(done.get(i).verdict());
            if (done.get(i).prefix() != null) {
                prefixes.put(i, done.get(i).prefix());
            }
        }
        List<List<CheckResult>> extra = new ArrayList<>();
        entries.forEach(e -> extra.add(new ArrayList<>()));
        for (int a = 0; a < paired.size(); a++) {
            for (int b = a + 1; b < paired.size(); b++) {
                int i = paired.get(a);
                int j = paired.get(b);
                CheckResult r = Conformance.crossCorrelation(prefixes.get(i), prefixes.get(j), budget.pairShare());
                extra.get(i).add(naming(r, entries.get(j)));
                extra.get(j).add(naming(r, entries.get(i)));
            }
        }
        List<Checked> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            out.add(new Checked(entries.get(i), withPairs(verdicts.get(i), extra.get(i)), done.get(i).seconds()));
        }
        return out;
    }

    /**
     * The first {@value #PAIR_VALUES} values in C order of a Fortran-ordered tensor of rank 2 or more, which stores
     * them apart: read whole, if the heap can hold it.
     */
    private static double[] fortranPrefix(TensorCheck.Target t) throws TensorFormatException {
        try (TensorSource src = TensorFiles.open(t.file(), t.tensor())) {
            TensorInfo info = src.info();
            if (!HeapGuard.fits(8 * info.size())) {
                throw new IllegalArgumentException(t.file() + ": tensor '" + t.tensor() + "': the cross-tensor "
                        + "check reads this Fortran-ordered tensor whole, which needs "
                        + HeapGuard.bytes(8 * info.size()) + " of heap; the JVM has "
                        + HeapGuard.bytes(HeapGuard.available()) + " available: give it a larger heap (-Xmx)");
            }
            return Arrays.copyOf(src.readAllCOrder(), (int) Math.min(info.size(), PAIR_VALUES));
        }
    }

    /** The pair's result with the other tensor named in its message and details. */
    private static CheckResult naming(CheckResult r, ManifestEntry other) {
        Map<String, Object> d = new LinkedHashMap<>(r.details());
        d.put("with_entry", other.index());
        d.put("with_file", other.fileAsWritten());
        if (other.target().tensor() != null) {
            d.put("with_tensor", other.target().tensor());
        }
        return new CheckResult(r.name(), r.passed(), r.ran(), r.statistic(), r.threshold(), r.alpha(), r.pValue(),
                r.detectableScaleError(), r.hard(), "with " + other.label() + ": " + r.message(), d, r.conclusive());
    }

    private static Verdict withPairs(Verdict v, List<CheckResult> pairs) {
        if (pairs.isEmpty()) {
            return v;
        }
        List<CheckResult> all = new ArrayList<>(v.checks());
        all.addAll(pairs);
        double alpha = v.alpha() + pairs.stream().mapToDouble(CheckResult::alpha).sum() / 2;
        return new Verdict(v.expectation(), v.n(), v.precision(), alpha, all, v.source());
    }

    /** As {@link CheckOutput}: each entry is a row (with its 1-based {@code entry} in JSON); nothing is skipped. */
    static void print(PrintWriter w, OutputFormat format, Path manifest, double alpha, List<Checked> checked) {
        List<CheckOutput.Row> rows = new ArrayList<>();
        for (Checked c : checked) {
            rows.add(new CheckOutput.Row(c.entry().fileAsWritten(), c.entry().target().tensor(), c.verdict(),
                    c.entry().index()));
        }
        if (format == OutputFormat.JSON) {
            w.print(Json.write(CheckOutput.json("manifest", manifest.toString(), alpha, rows, List.of())));
        } else {
            CheckOutput.text(w, rows, manifest.toString(), List.of());
        }
    }

    static boolean passed(List<Checked> checked) {
        return checked.stream().noneMatch(c -> c.verdict().failed());
    }
}
