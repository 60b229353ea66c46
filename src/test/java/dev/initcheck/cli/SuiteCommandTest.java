package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end, as the README runs it (seed 42, budget 1e-6), into a temporary directory. */
class SuiteCommandTest {
    /** The default run must stay under a minute on a 2-core machine. */
    static final long LIMIT_MILLIS = 60_000;

    @TempDir
    Path dir;

    @Test
    void theDefaultSuitePassesWritesFourFilesAndStaysUnderAMinute() throws Exception {
        long start = System.nanoTime();
        ListCommandTest.Run r = ListCommandTest.run("suite", "--out", dir.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        for (String f : ReportFiles.NAMES) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
        assertThat(Files.size(dir.resolve("index.html"))).isLessThan(10L << 20);
        assertThat(r.out()).contains("suite: PASS", "elapsed");
        assertThat(r.err()).contains("suite: tensors", "suite: propagation");
        assertThat(millis).as("default suite wall time").isLessThan(LIMIT_MILLIS);
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        ListCommandTest.Run r = ListCommandTest.run("suite", "--out", dir.toString(), "--alpha", "2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("initcheck: --alpha must be in (0, 1)").doesNotContain("\n");
        assertThat(dir).isEmptyDirectory();
    }
}
