package dev.initcheck.cli;

import dev.initcheck.app.HeapGuard;
import dev.initcheck.app.TensorCheck;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.LawFit;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorSource;
import dev.initcheck.report.ChartData;
import dev.initcheck.report.Report;
import dev.initcheck.report.ReportFiles;
import dev.initcheck.report.TensorResult;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.StreamingEngine;
import dev.initcheck.summary.StreamingSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code check --report DIR} and {@code audit --report DIR}: the four report files. Charts read the tensor again,
 * only for the tensors the page draws ({@link ReportFiles#drawsCharts}): up to {@link #SORTED_LIMIT} values sorted
 * in memory while the sorted copies kept for the page stay within a quarter of the heap, larger ones (or ones the
 * heap cannot hold) through one streaming pass into a binned CDF
 * ({@link dev.initcheck.summary.BinnedCdf}); a tensor that cannot be drawn says why on the page.
 */
final class CheckReport {
    /** Largest tensor whose values are read whole and sorted for the charts. */
    static final long SORTED_LIMIT = 1L << 22;
    /** Edges kept from a streamed tensor's binned CDF. */
    static final int BINNED_EDGES = 2048;

    private CheckReport() {
    }

    /**
     * One checked tensor of the report.
     *
     * @param file     the file as the user wrote it (command line or manifest)
     * @param target   where to read the values again for the charts
     * @param csvShape the shape given for CSV data, or null
     * @param verdict  its verdict
     * @param seconds  wall-clock time of reading and checking it, NaN when not measured
     * @param audit    the audit's view of it, or null
     */
    record Item(String file, TensorCheck.Target target, long[] csvShape, Verdict verdict, double seconds,
                TensorResult.Audited audit) {
        Item(String file, TensorCheck.Target target, long[] csvShape, Verdict verdict, double seconds) {
            this(file, target, csvShape, verdict, seconds, null);
        }

        String status() {
            return audit != null ? audit.status() : verdict.status().id();
        }
    }

    static void write(Path dir, String command, List<Item> items, List<Report.Skipped> skipped, double alpha)
            throws IOException, TensorFormatException {
        long start = System.nanoTime();
        List<TensorResult> results = new ArrayList<>();
        long[] heldBytes = {Runtime.getRuntime().maxMemory() / 4}; // sorted copies kept for the page, all together
        for (Item i : items) {
            Drawn d = ReportFiles.drawsCharts(items.size(), i.status()) ? chart(i, heldBytes) : new Drawn(null, null);
            TensorResult.Audited a = i.audit();
            if (a != null && a.fitted() == null && d.fitted() != null) {
                a = new TensorResult.Audited(a.status(), a.dtype(), a.declared(), d.fitted());
            }
            results.add(new TensorResult(i.file(), i.target().tensor(), i.verdict(), d.chart(), i.seconds(), a));
        }
        Report r = new Report(new Report.RunInfo(command, null, null, alpha, null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()), results, null, null, null, skipped);
        ReportFiles.write(dir, r, (System.nanoTime() - start) / 1e9);
    }

    /** What a tensor's charts are drawn from, and the law fitted to a failing declared tensor (or null). */
    record Drawn(ChartData chart, String fitted) {
    }

    /**
     * Reads the tensor again for its charts. A failing audited tensor whose values are read whole also gets the law
     * {@link LawFit} fits to them (a diagnostic beside the declared law, at the tensor's share of the budget).
     */
    static Drawn chart(Item i, long[] heldBytes) throws TensorFormatException {
        Verdict v = i.verdict();
        Distribution law = v.expectation().distribution();
        if (!v.check(CheckName.FINITE).map(CheckResult::passed).orElse(true)) {
            return new Drawn(ChartData.none("the tensor holds NaN or infinite values"), null);
        }
        boolean fit = i.audit() != null && i.audit().status().equals("fail") && i.audit().fitted() == null;
        boolean constant = law.family() == Family.POINT_MASS;
        if (v.n() <= SORTED_LIMIT && 8 * v.n() <= heldBytes[0] && HeapGuard.fits(24 * v.n())) {
            heldBytes[0] -= constant ? 0 : 8 * v.n();
            try (TensorSource src = TensorFiles.open(i.target().file(), i.target().tensor(), i.csvShape())) {
                double[] values = src.readAllCOrder();
                String fitted = null;
                if (fit) {
                    var e = v.expectation();
                    LawFit.Result r = LawFit.fit(values, e.shape(), e.layout(), e.fans(), v.precision(),
                            AlphaShare.of(v.alpha() > 0 && v.alpha() < 1 ? v.alpha() : 1e-6));
                    fitted = r.description();
                }
                if (constant) {
                    return new Drawn(ChartData.none("the law is a constant; the point_mass check compares every "
                            + "value with it"), fitted);
                }
                Arrays.sort(values);
                return new Drawn(ChartData.sorted(values), fitted);
            }
        }
        if (constant) {
            return new Drawn(ChartData.none("the law is a constant; the point_mass check compares every value "
                    + "with it"), null);
        }
        if (!(law instanceof Uniform || law instanceof Normal || law instanceof TruncatedNormal)) {
            return new Drawn(ChartData.none(v.n() + " values are too many to sort for the charts, and the law "
                    + law.describe() + " has no streaming grid"), null);
        }
        int bins = StreamingSummary.binsFor(v.n(), v.alpha() > 0 ? v.alpha() : 1e-6);
        BinEdges edges = BinEdges.of(law, v.precision(), bins);
        try (TensorSource src = TensorFiles.open(i.target().file(), i.target().tensor(), i.csvShape())) {
            StreamingSummary s = StreamingEngine.summarize(src, edges, StreamingEngine.defaultThreads());
            return new Drawn(ChartData.binned(s.histogram().binnedCdf(BINNED_EDGES)), null);
        }
    }
}
