package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on checkpoints as frameworks write them: float weights beside integer buffers, one or several
 * tensors, CSV. Reference samples with fixed seeds; each passing run spends 1e-6 false-alarm probability. The
 * misdeclared tensor (torch.linear_default declared as he_uniform: bound off by sqrt(6)) fails the hard support
 * check, whatever the seed.
 */
class CheckFilesTest {
    @TempDir
    Path dir;

    static final byte[] STEP = new byte[8]; // an int64 0, as bn.num_batches_tracked

    Path npzWithABufferOfIntegers() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("fc1.weight", ContainerFiles.npy("<f4", ContainerFiles.float32("he_uniform", 1, 64, 32), 64, 32));
        entries.put("bn.num_batches_tracked", ContainerFiles.npy("<i8", STEP));
        entries.put("fc2.weight", ContainerFiles.npy("<f4", ContainerFiles.float32("he_uniform", 2, 32, 64), 32, 64));
        return ContainerFiles.npz(dir.resolve("model.npz"), entries);
    }

    @Test
    void integerBuffersOfAnNpzAreSkippedAndListedAndTheWeightsChecked() throws Exception {
        Path f = npzWithABufferOfIntegers();
        CliRun r = CliRun.of("check", f.toString(), "--scheme", "he_uniform");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains(f + " [fc1.weight]: PASS", f + " [fc2.weight]: PASS",
                f + " [bn.num_batches_tracked]: SKIPPED int64 (not a float16/bfloat16/float32/float64 tensor)");
        assertThat(r.out().lines().toList()).last().isEqualTo("2 tensors: 2 pass, 0 fail, 1 skipped");
    }

    @Test
    void skippedTensorsAreListedInEveryReportFile() throws Exception {
        Path f = npzWithABufferOfIntegers();
        Path out = dir.resolve("rep");
        CliRun r = CliRun.of("check", f.toString(), "--scheme", "he_uniform", "--report", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("skipped")).hasSize(1);
        assertThat(report.get("skipped").get(0).get("tensor").asText()).isEqualTo("bn.num_batches_tracked");
        assertThat(report.get("skipped").get(0).get("dtype").asText()).isEqualTo("int64");
        assertThat(report.get("verdicts")).hasSize(2);
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("<testcase classname=\"initcheck.check\" "
                + "name=\"" + f + " [bn.num_batches_tracked]\">\n      <skipped message=\"int64: not a float");
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("| `bn.num_batches_tracked` | int64 | skipped |");
        assertThat(Files.readString(out.resolve("index.html"))).containsPattern("<code>bn.num_batches_tracked</code>"
                + "</td><td><span class=\"pill skipped\">skipped</span></td><td></td><td></td><td>int64</td>"
                + "<td class=\"law\" colspan=\"1\">not a float");
    }

    @Test
    void integerTensorsOfSafetensorsAreSkippedInTextAndJson() throws Exception {
        Map<String, Object[]> t = new LinkedHashMap<>();
        t.put("fc.weight", new Object[] {"F32", "[64,32]", ContainerFiles.float32("he_uniform", 3, 64, 32)});
        t.put("step", new Object[] {"I64", "[]", STEP});
        Path f = ContainerFiles.safetensors(dir.resolve("m.safetensors"), t);
        CliRun text = CliRun.of("check", f.toString(), "--scheme", "he_uniform");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains(f + " [step]: SKIPPED I64 (");
        CliRun json = CliRun.of("check", f.toString(), "--scheme", "he_uniform", "--format", "json");
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.get("skipped")).hasSize(1);
        assertThat(j.get("skipped").get(0).get("tensor").asText()).isEqualTo("step");
        assertThat(j.get("skipped").get(0).get("dtype").asText()).isEqualTo("I64");
        assertThat(j.get("skipped").get(0).get("reason").asText()).contains("not a float");
        assertThat(j.get("tensors")).hasSize(1);
    }

    /** One object whatever the number of tensors: the shape does not depend on the file. */
    @Test
    void jsonIsOneObjectForOneTensorAndForSeveral() throws Exception {
        Path one = ReferenceTensors.write(dir.resolve("one.npy"), "he_uniform", Layout.PYTORCH, 4,
                64, 32);
        Path two = npzWithABufferOfIntegers();
        for (Path f : new Path[] {one, two}) {
            CliRun r = CliRun.of("check", f.toString(), "--scheme", "he_uniform", "--format", "json");
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertThat(j.isObject()).as(r.out()).isTrue();
            assertThat(j.fieldNames()).toIterable().containsExactly("file", "verdict", "alpha", "tensors", "skipped");
            assertThat(j.get("verdict").asText()).isEqualTo("pass");
            assertThat(j.get("tensors").get(0).get("checks")).isNotEmpty();
        }
    }

    @Test
    void theFileVerdictIsFailWhenOneTensorFails() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ok", ContainerFiles.npy("<f4", ContainerFiles.float32("he_uniform", 5, 64, 32), 64, 32));
        entries.put("bad", ContainerFiles.npy("<f4", ContainerFiles.float32("torch.linear_default", 6, 64, 32),
                64, 32));
        Path f = ContainerFiles.npz(dir.resolve("mixed.npz"), entries);
        CliRun r = CliRun.of("check", f.toString(), "--scheme", "torch.linear_default", "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("verdict").asText()).isEqualTo("fail");
        assertThat(j.get("tensors").get(0).get("verdict").asText()).isEqualTo("fail");
        assertThat(j.get("tensors").get(1).get("verdict").asText()).isEqualTo("pass");
        CliRun text = CliRun.of("check", f.toString(), "--scheme", "torch.linear_default");
        assertThat(text.out().lines().toList()).last().isEqualTo("2 tensors: 1 pass, 1 fail");
    }

    @Test
    void aFailingTensorListsEachCheckOnce() throws Exception {
        Path f = ReferenceTensors.write(dir.resolve("lin.npy"), "he_uniform", Layout.PYTORCH, 7,
                64, 32);
        CliRun r = CliRun.of("check", f.toString(), "--scheme", "torch.linear_default");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out().lines().filter(l -> l.contains("support")).count()).as(r.out()).isEqualTo(1);
        assertThat(r.out().lines().filter(l -> l.strip().startsWith("FAIL support")).count()).isEqualTo(1);
    }

    @Test
    void csvTensorsAreNamedAfterTheFile() throws Exception {
        Path f = dir.resolve("weights.csv");
        StringBuilder csv = new StringBuilder();
        double[] w = ReferenceInitializer.of("he_uniform", Layout.PYTORCH).initialize(Shape.of(64, 32),
                SeededRandom.of(8).create());
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 32; j++) {
                csv.append(j == 0 ? "" : ",").append(w[i * 32 + j]);
            }
            csv.append('\n');
        }
        Files.writeString(f, csv);
        CliRun r = CliRun.of("check", f.toString(), "--scheme", "he_uniform");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(f + " [weights]: PASS").doesNotContain("[null]");
        JsonNode j = new ObjectMapper().readTree(CliRun.of("check", f.toString(), "--scheme", "he_uniform",
                "--format", "json").out());
        assertThat(j.get("tensors").get(0).get("tensor").asText()).isEqualTo("weights");
    }

    /** A file with nothing to check is bad input naming the file and what it skipped, not a budget error. */
    @Test
    void aFileWithoutAFloatTensorIsNamedWithWhatItSkipped() throws Exception {
        Path ints = ContainerFiles.npz(dir.resolve("ints.npz"), Map.of("step", ContainerFiles.npy("<i8", STEP)));
        Path empty = ContainerFiles.npz(dir.resolve("empty.npz"), Map.of());
        Map<String, Object[]> t = new LinkedHashMap<>();
        t.put("step", new Object[] {"I64", "[]", STEP});
        Path st = ContainerFiles.safetensors(dir.resolve("ints.safetensors"), t);
        for (String command : new String[] {"check", "identify"}) {
            for (Path f : new Path[] {ints, empty, st}) {
                CliRun r = command.equals("check") ? CliRun.of("check", f.toString(), "--scheme", "he_uniform")
                        : CliRun.of("identify", f.toString());
                assertThat(r.code()).as(r.err()).isEqualTo(2);
                assertThat(r.err().strip()).startsWith("initcheck: " + f + ": no tensor to check")
                        .doesNotContain("\n").doesNotContain("total=");
                assertThat(r.err()).contains(f == empty ? "the file holds no tensors" : "skipped 'step' (");
            }
        }
    }

    @Test
    void identifyNamesTheTensorsOfAFileThatHoldsSeveral() throws Exception {
        Path f = npzWithABufferOfIntegers();
        CliRun r = CliRun.of("identify", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("initcheck: " + f + " holds 2 float tensors; name one with --tensor "
                + "(fc1.weight, fc2.weight)");
        assertThat(CliRun.of("identify", f.toString(), "--tensor", "fc2.weight").code()).isZero();
    }

    @Test
    void aNonFloatTensorNamedExplicitlyIsRefused() throws Exception {
        Path f = npzWithABufferOfIntegers();
        CliRun r = CliRun.of("check", f.toString(), "--scheme", "he_uniform", "--tensor", "bn.num_batches_tracked");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("tensor 'bn.num_batches_tracked': unsupported dtype '<i8'");
    }
}
