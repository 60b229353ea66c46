package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.shape.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad option values are refused at the command line, before any work, with one line that names the option and
 * the value the user gave; exit 2.
 */
class OptionValidationTest {
    @TempDir
    Path dir;

    Path npy;

    @BeforeEach
    void tensor() throws Exception {
        npy = ReferenceTensors.write(dir.resolve("w.npy"), "he_uniform", Layout.PYTORCH, 9, 64, 32);
    }

    static void refused(String expected, String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(String.join(" ", args) + " -> " + r.err()).isEqualTo(2);
        assertThat(r.err().strip()).as(String.join(" ", args)).startsWith("initcheck: " + expected)
                .doesNotContain("\n").doesNotContain("Exception").doesNotContain("total=");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void alphaOutsideZeroOneIsRefusedByNameInEveryCommand() {
        for (String a : new String[] {"0", "2", "NaN", "-1", "1"}) {
            String expected = "--alpha must be in (0, 1), got " + a;
            refused(expected, "check", npy.toString(), "--scheme", "he_uniform", "--alpha", a);
            refused(expected, "identify", npy.toString(), "--alpha", a);
            refused(expected, "suite", "--out", dir.resolve("r").toString(), "--alpha", a);
            refused(expected, "calibrate", "--runs", "1", "--alpha", a);
        }
        assertThat(dir.resolve("r")).doesNotExist();
    }

    /** The per-check alpha is multiplied by the number of checks inside: the message speaks of what was given. */
    @Test
    void calibrateNamesTheAlphaTheUserGave() {
        refused("--alpha 0.25 is too large: the 5 stochastic checks of a uniform tensor would spend 5 × 0.25 "
                + "together, which must be below 1 (give --alpha below 0.2)", "calibrate", "--runs", "1", "--alpha",
                "0.25");
        CliRun r = CliRun.of("calibrate", "--runs", "1", "--alpha", "0.25");
        assertThat(r.err()).doesNotContain("got 1");
        assertThat(CliRun.of("calibrate", "--runs", "1", "--alpha", "0.19", "--shape", "4,5").code()).isNotEqualTo(2);
    }

    @Test
    void countsAndSizesAreRefusedBelowTheirMinimum() {
        refused("--samples must be >= 1, got 0", "suite", "--samples", "0", "--out", dir.toString());
        refused("--samples must be >= 1, got -3", "suite", "--samples", "-3", "--out", dir.toString());
        refused("--runs must be >= 1, got 0", "calibrate", "--runs", "0");
        refused("--repeats must be >= 1, got 0", "bench", "--repeats", "0", "--out", dir.resolve("b.md").toString());
        refused("--sizes must be >= 1000, got 10", "bench", "--sizes", "10", "--out", dir.resolve("b.md").toString());
        refused("--end-to-end must be >= 0, got -1", "bench", "--end-to-end", "-1", "--out",
                dir.resolve("b.md").toString());
        refused("--checkpoint-layers must be >= 0, got -1", "bench", "--checkpoint-layers", "-1", "--out",
                dir.resolve("b.md").toString());
        refused("--families must list uniform and/or normal, got 'gauss'", "bench", "--families", "gauss", "--out",
                dir.resolve("b.md").toString());
        refused("--batch must be >= 2, got 1", "propagate", "--batch", "1");
        refused("--fan-in must be >= 1, got 0", "check", npy.toString(), "--scheme", "he_uniform", "--fan-in", "0");
        refused("--fan-out must be >= 1, got -2", "identify", npy.toString(), "--fan-out", "-2");
        refused("--fan-in must be >= 1, got 0", "list", "--shape", "3,3", "--fan-in", "0");
        refused("--layout must be pytorch or keras, got 'tf'", "check", npy.toString(), "--scheme", "he_uniform",
                "--layout", "tf");
        refused("--format must be text or json, got 'xml'", "identify", npy.toString(), "--format", "xml");
        refused("--ks must be auto, exact or streaming, got 'fast'", "check", npy.toString(), "--scheme",
                "he_uniform", "--ks", "fast");
        assertThat(dir.resolve("b.md")).doesNotExist();
    }

    /** An output that cannot be written is refused before the work, not after it. */
    @Test
    void outputPathsAreCheckedBeforeTheWork() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        long start = System.nanoTime();
        refused("--out " + file + " is a regular file, not a directory", "suite", "--out", file.toString());
        assertThat((System.nanoTime() - start) / 1e9).as("refused before running the suite").isLessThan(5);
        refused("--report " + file + " is a regular file, not a directory", "check", npy.toString(), "--scheme",
                "he_uniform", "--report", file.toString());
        refused("--report " + file.resolve("sub") + ": cannot create it, " + file + " is a regular file", "check",
                npy.toString(), "--scheme", "he_uniform", "--report", file.resolve("sub").toString());
        refused("--out " + dir + " is a directory, not a file", "calibrate", "--runs", "1", "--out", dir.toString());
        refused("--out " + dir + " is a directory, not a file", "bench", "--out", dir.toString());
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
