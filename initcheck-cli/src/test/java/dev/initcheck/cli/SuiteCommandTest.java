package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end, as the README runs it (seed 42, budget 1e-6), into a temporary directory. Its speed is
 * measured by the run itself (it prints the elapsed time), not asserted here: a wall-clock limit in a unit test
 * depends on the machine's load.
 */
class SuiteCommandTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultSuitePassesAndWritesFourFiles() throws Exception {
        CliRun r = ListCommandTest.run("suite", "--out", dir.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        for (String f : ReportFiles.NAMES) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
        // one page for the suite's 100 runs, charts as inline SVG: under 1.5 MB (3.9 MB as PNGs before)
        assertThat(Files.size(dir.resolve("index.html"))).isLessThan(1_500_000L);
        assertThat(r.out()).contains("suite: PASS", "elapsed");
        assertThat(r.err()).contains("suite: tensors", "suite: propagation");
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        CliRun r = ListCommandTest.run("suite", "--out", dir.toString(), "--alpha", "2");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("initcheck: --alpha must be in (0, 1)").doesNotContain("\n");
        assertThat(dir).isEmptyDirectory();
    }
}
