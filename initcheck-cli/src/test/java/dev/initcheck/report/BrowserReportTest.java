package dev.initcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.cli.Main;
import dev.initcheck.propagation.TrainingStudy;
import dev.initcheck.suite.Suite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The HTML reports as a reader sees them, in headless Chromium at 1400, 800 and 420 px: a suite report and the audit
 * report of the GPT-2 fixture with planted bugs must not overflow the page horizontally, must draw every chart and
 * must log no console error ({@code browser-test/check-pages.mjs}). Screenshots go to {@code target/screenshots}.
 * Skipped, with a NOTICE on stderr, when Chromium or playwright-core is not installed.
 *
 * <p>The suite runs every section on three schemes and the four default shapes (seed 7, budget 1e-6), so the page
 * has every kind of row and chart the main job's page has, at a fraction of its size.
 */
class BrowserReportTest {
    static final Path REPORTS = Path.of("target/browser-test");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Path BUGGY = Path.of("src/test/resources/fixtures/audit/gpt2-buggy");
    static final Suite.Config SUITE = Suite.Config.defaults().withSeed(7)
            .withSchemes("he_uniform", "glorot_normal", "orthogonal")
            // every scheme and activation of the training section, on a smaller study (the page is the same)
            .withTraining(TrainingStudy.Config.defaults().with(3, 16, 3, 40));

    @Test
    void theSuiteAndAnAuditWithFailuresFitEveryWidthDrawEveryChartAndLogNoError() throws Exception {
        CheckPages.assumeAvailable();
        Path suite = REPORTS.resolve("suite");
        ReportFiles.write(suite, Suite.run(SUITE, "2024-01-01T00:00:00Z"), 1.0);
        Path audit = REPORTS.resolve("audit");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "audit", BUGGY.toString(), "--preset", "hf",
                "--report", audit.toString());
        assertThat(code).as("audit of the buggy fixture: %s%s", out, err).isEqualTo(Main.EXIT_NONCONFORMANT);

        CheckPages.Run r = CheckPages.run(SCREENSHOTS, "suite=" + suite.resolve("index.html"),
                "audit=" + audit.resolve("index.html"));

        assertThat(r.code()).as("check-pages.mjs (exit 0 expected):%n%s", r.output()).isZero();
        for (String page : new String[] {"suite", "audit"}) {
            for (int w : CheckPages.WIDTHS) {
                assertThat(SCREENSHOTS.resolve(page + "-" + w + ".png")).isNotEmptyFile();
            }
        }
    }
}
