package dev.initcheck.cli;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.app.HeapGuard;
import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Family;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorSource;
import dev.initcheck.report.Report;
import dev.initcheck.report.ReportFiles;
import dev.initcheck.report.TensorResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code check --report DIR}: the four report files for the checked tensors (verdict table and distribution
 * charts; no propagation). Charts need the values again: tensors above {@link #CHART_LIMIT} values are not drawn.
 */
final class CheckReport {
    /** Largest tensor whose values are read a second time for the charts. */
    static final long CHART_LIMIT = 1L << 22;

    private CheckReport() {
    }

    /**
     * One checked tensor of the report.
     *
     * @param file     the file as the user wrote it (command line or manifest)
     * @param target   where to read the values again for the charts
     * @param csvShape the shape given for CSV data, or null
     * @param verdict  its verdict
     */
    record Item(String file, TensorCheck.Target target, long[] csvShape, Verdict verdict) {
    }

    static void write(Path dir, List<Item> items, List<Report.Skipped> skipped, double alpha)
            throws IOException, TensorFormatException {
        long start = System.nanoTime();
        List<TensorResult> results = new ArrayList<>();
        for (Item i : items) {
            Verdict v = i.verdict();
            double[] sorted = null;
            boolean finite = v.check(CheckName.FINITE).map(CheckResult::passed).orElse(true);
            if (finite && v.n() <= CHART_LIMIT && v.expectation().distribution().family() != Family.POINT_MASS
                    && HeapGuard.fits(8 * v.n())) {
                try (TensorSource src = TensorFiles.open(i.target().file(), i.target().tensor(), i.csvShape())) {
                    sorted = src.readAllCOrder();
                }
                Arrays.sort(sorted);
            }
            results.add(new TensorResult(i.file(), i.target().tensor(), v, sorted));
        }
        Report r = new Report(new Report.RunInfo("check", null, null, alpha, null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()), results, null, null, null, skipped);
        ReportFiles.write(dir, r, (System.nanoTime() - start) / 1e9);
    }
}
