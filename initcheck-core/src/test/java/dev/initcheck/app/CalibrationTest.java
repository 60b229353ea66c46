package dev.initcheck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.check.CheckName;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.shape.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measured false-alarm rates: 10^4 correct tensors of 1000 values per law (uniform, normal, Keras truncated
 * normal), every stochastic check at alpha = 0.01. A check fails this test only if its rejection count exceeds the
 * count that Binomial(10^4, 0.01) exceeds with probability below 1e-7 (so a calibrated check fails it with
 * probability below 1e-7 per row); hard checks must never reject a correct tensor. The table is written to
 * {@code target/calibration/calibration.md}.
 */
class CalibrationTest {
    private static final int RUNS = 10_000;
    private static final double ALPHA = 0.01;

    @Test
    void everyCheckRejectsCorrectTensorsAtMostAtItsAlpha() throws IOException {
        List<Calibration.Row> rows = Calibration.run(Calibration.defaultCases(Shape.of(40, 25)), RUNS, ALPHA,
                Precision.FLOAT64, SeededRandom.of(20260101));
        String table = Calibration.markdown(rows);
        Path out = Paths.get("target", "calibration", "calibration.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Calibration: " + RUNS + " seeded runs per law, n = 1000, alpha = " + ALPHA
                + " per check (seed 20260101)\n\n" + table, StandardCharsets.UTF_8);
        assertThat(rows).extracting(Calibration.Row::label).contains("uniform", "normal", "truncated_normal");
        for (Calibration.Row r : rows) {
            if (r.alpha() == 0) {
                assertThat(r.rejections()).as("hard check %s on %s\n%s", r.check(), r.label(), table).isZero();
            } else {
                assertThat(r.rejections()).as("%s on %s\n%s", r.check(), r.label(), table)
                        .isLessThanOrEqualTo(r.alarmLimit());
            }
        }
        assertThat(rows).filteredOn(r -> r.alpha() > 0).extracting(Calibration.Row::check).contains(CheckName.KS,
                CheckName.SECOND_MOMENT, CheckName.MEAN, CheckName.TAIL, CheckName.ENDPOINT,
                CheckName.LAG1_CORRELATION);
    }

    /**
     * The same on the paths real checkpoints take: values rounded to bfloat16 (and float16) as PyTorch stores them,
     * checked from the streaming summary against the stored law (KS at the cell edges, Chernoff second moment and
     * mean, tail at the rounded cut). 4000 runs of 20,000 values a law; each row fails with probability below
     * 1e-7 when calibrated.
     */
    @Test
    void storedValuesOnTheStreamingPathRejectAtMostAtAlpha() throws IOException {
        StringBuilder report = new StringBuilder();
        for (Precision p : new Precision[] {Precision.BFLOAT16, Precision.FLOAT16}) {
            List<Calibration.Row> rows = Calibration.run(Calibration.defaultCases(Shape.of(200, 100)), 4000, ALPHA,
                    p, true, SeededRandom.of(20261130));
            String table = Calibration.markdown(rows);
            report.append("## ").append(p.id()).append(", streaming path, n = 20000, 4000 runs per law\n\n")
                    .append(table).append('\n');
            for (Calibration.Row r : rows) {
                assertThat(r.rejections()).as("%s on %s in %s\n%s", r.check(), r.label(), p, table)
                        .isLessThanOrEqualTo(r.alpha() == 0 ? 0 : r.alarmLimit());
            }
            assertThat(rows).filteredOn(r -> r.alpha() > 0).extracting(Calibration.Row::check)
                    .contains(CheckName.KS, CheckName.SECOND_MOMENT, CheckName.MEAN, CheckName.TAIL);
        }
        Path out = Paths.get("target", "calibration", "calibration-stored.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void rowIntervalsFollowTheBinomial() {
        Calibration.Row r = Calibration.row(CheckName.KS, "normal", 10_000, 100, 0.01);
        // Bin(10^4, 0.01): ppf(0.005) = 75, isf(0.005) = 127 (scipy.stats.binom)
        assertThat(r.expectedLow()).isEqualTo(75);
        assertThat(r.expectedHigh()).isEqualTo(127);
        assertThat(r.rateLow()).isLessThan(0.01).isGreaterThan(0.008);
        assertThat(r.rateHigh()).isGreaterThan(0.01).isLessThan(0.0122);
        assertThat(r.withinOrBelow()).isTrue();
        assertThat(r.alarmLimit()).isEqualTo(156); // isf(1e-7)
    }
}
