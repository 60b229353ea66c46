package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.io.NpyWriter;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check command on files written here with reference samples (the numpy-written fixtures are covered in
 * {@code NumpyFixturesCheckTest}). Fixed seeds; each pass spends 1e-6 false-alarm probability.
 */
class CheckCommandTest {
    @TempDir
    Path dir;

    Path sample(String scheme, Layout layout, long... shape) throws Exception {
        return ReferenceTensors.write(dir.resolve(scheme.replaceAll("[^a-z_]", "") + ".npy"), scheme, layout, 21, shape);
    }

    @Test
    void honestSamplesPassAndJsonHasTheDocumentedFields() throws Exception {
        Path f = sample("he_normal", Layout.KERAS, 3, 3, 32, 64);
        CliRun r = ListCommandTest.run("check", f.toString(), "--scheme", "he_normal", "--layout", "keras",
                "--format", "json");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        JsonNode run = new ObjectMapper().readTree(r.out());
        assertThat(run.get("file").asText()).isEqualTo(f.toString());
        assertThat(run.get("verdict").asText()).isEqualTo("pass");
        assertThat(run.get("alpha").asDouble()).isEqualTo(1e-6);
        assertThat(run.get("skipped")).isEmpty();
        assertThat(run.get("tensors")).hasSize(1);
        JsonNode j = run.get("tensors").get(0);
        for (String key : new String[] {"file", "tensor", "shape", "n", "scheme", "expected", "verdict", "checks"}) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        assertThat(j.get("verdict").asText()).isEqualTo("pass");
        assertThat(j.get("n").asLong()).isEqualTo(3 * 3 * 32 * 64);
        assertThat(j.get("expected").get("family").asText()).isEqualTo("truncated_normal");
        JsonNode ks = null;
        for (JsonNode c : j.get("checks")) {
            for (String key : new String[] {"name", "statistic", "threshold", "p_value", "alpha", "passed"}) {
                assertThat(c.has(key)).as(key).isTrue();
            }
            if (c.get("name").asText().equals("ks")) {
                ks = c;
            }
        }
        assertThat(ks).isNotNull();
        assertThat(ks.get("statistic").asDouble()).isBetween(0.0, ks.get("threshold").asDouble());
    }

    @Test
    void misdeclaredSamplesFailWithExitOneAndSayWhy() throws Exception {
        // PyTorch kaiming_normal_ (untruncated) declared as Keras he_normal (truncated at ±2 parent sd).
        Path f = sample("torch.kaiming_normal(nonlinearity=relu)", Layout.PYTORCH, 256, 512);
        CliRun r = ListCommandTest.run("check", f.toString(), "--scheme", "he_normal");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL").contains("support").contains("exceed");
    }

    @Test
    void fanOverridesChangeTheExpectation() throws Exception {
        // a transposed conv stored [in=32, out=64, 3, 3]: He with the true fan_in 32*9 passes only with the override
        Path f = dir.resolve("tconv.npy");
        double[] w = ReferenceInitializer.of("he_uniform", Layout.PYTORCH)
                .initialize(Shape.of(64, 32, 3, 3), SeededRandom.of(4).create());
        NpyWriter.writeFloat32(f, new long[] {32, 64, 3, 3}, w);
        assertThat(ListCommandTest.run("check", f.toString(), "--scheme", "he_uniform").code()).isEqualTo(1);
        assertThat(ListCommandTest.run("check", f.toString(), "--scheme", "he_uniform", "--fan-in", "288").code())
                .isZero();
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path good = sample("he_uniform", Layout.PYTORCH, 64, 64);
        Path truncated = dir.resolve("cut.npy");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(good), 500));
        Path notNpy = dir.resolve("text.npy");
        Files.writeString(notNpy, "hello");
        String[][] cases = {
            {"check", truncated.toString(), "--scheme", "he_uniform"},
            {"check", notNpy.toString(), "--scheme", "he_uniform"},
            {"check", dir.resolve("missing.npy").toString(), "--scheme", "he_uniform"},
            {"check", good.toString(), "--scheme", "he_unifrom"},
            {"check", good.toString(), "--scheme", "he_uniform", "--format", "xml"},
            {"check", good.toString()}};
        for (String[] args : cases) {
            CliRun r = ListCommandTest.run(args);
            assertThat(r.code()).as(String.join(" ", args) + " -> " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().findFirst().orElse("")).startsWith("initcheck: ");
            assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
        assertThat(ListCommandTest.run(cases[0]).err()).contains("cut.npy").contains("truncated");
    }
}
