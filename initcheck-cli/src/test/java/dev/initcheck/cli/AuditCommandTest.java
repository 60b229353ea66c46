package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code initcheck audit}: exit codes, the two output formats, the report, and bad input in one line. */
class AuditCommandTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/audit");

    @TempDir
    Path tmp;

    @Test
    void anHonestModelExitsZeroWithOneLinePerTensorAndASummary() {
        CliRun r = CliRun.of("audit", DIR.resolve("gpt2-bf16-sharded").toString(), "--policy",
                DIR.resolve("gpt2.policy.yaml").toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(57 + 1);
        assertThat(lines.get(lines.size() - 1)).contains(": PASS: 53 pass, 0 fail, 0 inconclusive, 0 undeclared, "
                + "4 skipped");
        assertThat(r.out()).contains("PASS         transformer.wte.weight [2048, 64] BF16  normal(stddev=0.02)  "
                + "[policy rule 6 (*)]");
        assertThat(r.out()).contains("SKIPPED      transformer.h.0.attn.bias BOOL");
    }

    @Test
    void aModelWithPlantedBugsExitsOneAndNamesWhatFailedInJson() throws Exception {
        CliRun r = CliRun.of("audit", DIR.resolve("gpt2-buggy").toString(), "--preset", "hf", "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("verdict").asText()).isEqualTo("fail");
        assertThat(o.get("preset").asText()).isEqualTo("hf");
        assertThat(o.get("counts").get("fail").asInt()).isEqualTo(10);
        JsonNode reuse = null;
        for (JsonNode t : o.get("tensors")) {
            assertThat(t.has("tensor") && t.has("file") && t.has("shape") && t.has("dtype") && t.has("rule")
                    && t.has("scheme") && t.has("status") && t.has("checks") && t.has("identified")).isTrue();
            if (t.get("tensor").asText().equals("transformer.h.1.attn.c_proj.weight")) {
                reuse = t;
            }
            if (t.get("tensor").asText().equals("transformer.wte.weight")) {
                assertThat(t.get("path").asText()).isEqualTo("streaming"); // 131,072 values: one pass
            }
        }
        assertThat(reuse.get("status").asText()).isEqualTo("fail");
        assertThat(reuse.get("path").asText()).isEqualTo("exact"); // 4,096 values: read whole
        assertThat(reuse.get("rule").asText()).startsWith("hf preset: GPT-2 residual projection");
        JsonNode last = reuse.get("checks").get(reuse.get("checks").size() - 1);
        assertThat(last.get("name").asText()).isEqualTo("stream_reuse");
        assertThat(last.get("message").asText()).contains("transformer.h.1.attn.c_attn.weight ×0.35");
    }

    @Test
    void theReportIsWritten() throws Exception {
        Path out = tmp.resolve("report");
        CliRun r = CliRun.of("audit", DIR.resolve("torch-modules-buggy.safetensors").toString(), "--preset", "torch",
                "--report", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(out.resolve("index.html")).exists();
        JsonNode j = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(j.get("verdicts").get(0).get("verdict").asText()).isEqualTo("fail"); // failing tensors first
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("stream_reuse");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path model = Files.createDirectories(tmp.resolve("model"));
        Files.copy(DIR.resolve("gpt2-bf16-sharded/model-00001-of-00002.safetensors"),
                model.resolve("model-00001-of-00002.safetensors"));
        Files.writeString(model.resolve("model.safetensors.index.json"),
                "{\"weight_map\": {\"transformer.wte.weight\": \"../escape.safetensors\"}}");
        Path policy = Files.writeString(tmp.resolve("p.yaml"), "rules:\n  - match: \"*\"\n    schem: ones\n");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String[][] cases = {
                {model.toString(), "is outside the model directory"},
                {DIR.resolve("gpt2-f32").toString(), "--policy", policy.toString(), "unknown key 'schem'"},
                {DIR.resolve("torch-modules-f32.safetensors").toString(), "--preset", "hf",
                        "the hf preset needs initializer_range"},
                {DIR.resolve("gpt2-f32").toString(), "--preset", "keras", "unknown preset 'keras'"},
                {empty.toString(), "no checkpoint"},
                {tmp.resolve("missing").toString(), "no such file or directory"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length];
            args[0] = "audit";
            System.arraycopy(c, 0, args, 1, c.length - 1);
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).contains(c[c.length - 1]).doesNotContain("\n").doesNotContain("\tat ");
        }
        Files.writeString(model.resolve("model.safetensors.index.json"),
                "{\"weight_map\": {\"transformer.wte.weight\": \"model-00001-of-00002.safetensors\"}}");
        CliRun r = CliRun.of("audit", model.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("which the index does not list");
    }
}
