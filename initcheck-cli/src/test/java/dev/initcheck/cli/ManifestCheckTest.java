package dev.initcheck.cli;

import dev.initcheck.app.TensorCheck;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.shape.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --manifest} on a small checkpoint written here: four tensors (a conv, a dense layer, its bias of
 * zeros, an orthogonal matrix) from independent streams. Each passing run spends at most 1e-6 false-alarm
 * probability (fixed seeds: deterministic). Power of the negative controls: a wrong fan doubles the variance
 * (second moment, n = 8192: detectable scale error about 6%); two tensors from one seed have r = 1 against a limit
 * of about 0.06.
 */
class ManifestCheckTest {
    @TempDir
    Path dir;

    List<String> entries = new ArrayList<>();

    void tensor(String file, String scheme, Layout layout, long seed, long... shape) throws Exception {
        ReferenceTensors.write(dir.resolve(file), scheme, layout, seed, shape);
    }

    void declare(String file, String scheme, String layout) {
        entries.add(String.format("{\"file\": \"%s\", \"scheme\": \"%s\", \"layout\": \"%s\"}", file, scheme, layout));
    }

    Path manifest() throws Exception {
        Path m = dir.resolve("manifest.json");
        Files.writeString(m, "[\n  " + String.join(",\n  ", entries) + "\n]\n");
        return m;
    }

    @BeforeEach
    void checkpoint() throws Exception {
        tensor("w/conv.npy", "he_normal", Layout.KERAS, 1, 3, 3, 16, 32);
        declare("w/conv.npy", "he_normal", "keras");
        tensor("w/fc.npy", "torch.kaiming_uniform(nonlinearity=relu)", Layout.PYTORCH, 2, 128, 64);
        declare("w/fc.npy", "torch.kaiming_uniform(nonlinearity=relu)", "pytorch");
        tensor("w/bias.npy", "zeros", Layout.PYTORCH, 3, 128);
        declare("w/bias.npy", "zeros", "pytorch");
        tensor("w/head.npy", "orthogonal(gain=1)", Layout.PYTORCH, 4, 10, 128);
        declare("w/head.npy", "orthogonal(gain=1)", "pytorch");
    }

    @Test
    void anHonestCheckpointPassesWithOneBudget() throws Exception {
        CliRun r = ListCommandTest.run("check", "--manifest", manifest().toString(), "--format", "json");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        JsonNode run = new ObjectMapper().readTree(r.out());
        assertThat(run.get("manifest").asText()).isEqualTo(manifest().toString());
        assertThat(run.get("verdict").asText()).isEqualTo("pass");
        assertThat(run.get("alpha").asDouble()).isEqualTo(1e-6);
        assertThat(run.get("skipped")).isEmpty();
        JsonNode list = run.get("tensors");
        assertThat(list.size()).isEqualTo(4);
        double spent = 0;
        for (JsonNode o : list) {
            assertThat(o.get("verdict").asText()).isEqualTo("pass");
            assertThat(o.has("file") && o.has("scheme") && o.has("checks") && o.has("entry")).isTrue();
            spent += o.get("alpha").asDouble();
        }
        assertThat(spent).isLessThanOrEqualTo(1e-6 * (1 + 1e-12));
        // 3 tensors with a positive variance -> 3 pairs; the bias of zeros is not paired
        assertThat(crossChecks(list.get(0))).hasSize(2);
        assertThat(crossChecks(list.get(2))).isEmpty();
        JsonNode pair = crossChecks(list.get(0)).get(0);
        assertThat(pair.get("alpha").asDouble()).isEqualTo(1e-6 / (4 + 3));
        assertThat(pair.get("details").get("with_file").asText()).isEqualTo("w/fc.npy");
    }

    @Test
    void textFormatPrintsEachTensorAndASummary() throws Exception {
        CliRun r = ListCommandTest.run("check", "--manifest", manifest().toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("w/conv.npy [conv]: PASS").contains("w/head.npy [head]: PASS")
                .contains("cross_correlation  2 pairs with other tensors checked, none correlated")
                .endsWith("4 tensors: 4 pass, 0 fail; 3 tensor pairs checked for cross-correlation, 0 correlated\n");
        assertThat(r.out()).doesNotContain("ok   cross_correlation  with entry"); // passing pairs are counted, not listed
    }

    @Test
    void aMisdeclaredTensorFailsOnlyItsEntry() throws Exception {
        entries.set(1, entries.get(1).replace("pytorch", "keras")); // fan_in 128 instead of 64
        CliRun r = ListCommandTest.run("check", "--manifest", manifest().toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode run = new ObjectMapper().readTree(r.out());
        assertThat(run.get("verdict").asText()).isEqualTo("fail");
        JsonNode list = run.get("tensors");
        assertThat(list.get(1).get("verdict").asText()).isEqualTo("fail");
        assertThat(list.get(0).get("verdict").asText()).isEqualTo("pass");
        assertThat(list.get(3).get("verdict").asText()).isEqualTo("pass");
    }

    @Test
    void twoTensorsFromTheSameSeedFailTheCrossTensorCheck() throws Exception {
        // fc2 repeats fc's seed with a different shape and scheme: each passes alone, the pair does not
        tensor("w/fc2.npy", "he_uniform", Layout.PYTORCH, 2, 64, 32);
        declare("w/fc2.npy", "he_uniform", "pytorch");
        CliRun r = ListCommandTest.run("check", "--manifest", manifest().toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("w/fc.npy [fc]: FAIL").contains("w/fc2.npy [fc2]: FAIL")
                .contains("w/conv.npy [conv]: PASS").contains("same random seed")
                .contains("with entry 5 (w/fc2.npy [fc2])")
                .contains("5 tensors: 3 pass, 2 fail; 6 tensor pairs checked for cross-correlation, 1 correlated");
        for (String line : r.out().lines().filter(l -> l.contains("FAIL ")).toList()) {
            assertThat(line).contains("cross_correlation");
        }
    }

    @Test
    void badManifestsAreOneLineAndExitTwo() throws Exception {
        Path m = manifest();
        String good = Files.readString(m);
        String[][] cases = {
            {"[]", "non-empty JSON list"},
            {"{\"file\": \"w/fc.npy\"}", "non-empty JSON list"},
            {"[{\"file\": \"w/fc.npy\", \"layout\": \"pytorch\"}]", "entry 1 (w/fc.npy): missing field 'scheme'"},
            {"[{\"scheme\": \"he_normal\", \"layout\": \"pytorch\"}]", "entry 1: missing field 'file'"},
            {good.replace("\"he_normal\"", "\"he_normall\""), "entry 1 (w/conv.npy)"},
            {good.replace("w/bias.npy\"", "w/nope.npy\""), "entry 3 (w/nope.npy)"},
            {good.replace("\"w/fc.npy\",", "\"w/fc.npy\", \"tensor\": \"weight\","), "entry 2 (w/fc.npy [weight])"},
            {good.replace("\"layout\": \"keras\"", "\"layout\": \"tf\""), "entry 1 (w/conv.npy)"},
            {good.replace("\"layout\": \"keras\"", "\"layout\": \"keras\", \"fanin\": 3"), "unknown field 'fanin'"},
            {good.replace("\"layout\": \"keras\"", "\"layout\": \"keras\", \"fan_in\": -3"), "positive integer"},
            {good.replace("w/bias.npy", "w/fc.npy"), "entry 3 (w/fc.npy [fc]) declares the same tensor as entry 2"},
            {"[{\"file\": ", "cannot read it"}};
        for (String[] c : cases) {
            Files.writeString(m, c[0]);
            CliRun r = ListCommandTest.run("check", "--manifest", m.toString());
            assertThat(r.code()).as(c[0] + " -> " + r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("initcheck: manifest ").contains(c[1]).doesNotContain("Exception");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void exactlyOneOfFileAndSchemeOrManifest() throws Exception {
        Path m = manifest();
        String[][] cases = {
            {"check", "--manifest", m.toString(), "--scheme", "he_normal"},
            {"check", dir.resolve("w/fc.npy").toString(), "--manifest", m.toString()},
            {"check", dir.resolve("w/fc.npy").toString()},
            {"check", "--scheme", "he_normal"},
            {"check"}};
        for (String[] args : cases) {
            CliRun r = ListCommandTest.run(args);
            assertThat(r.code()).as(String.join(" ", args) + " -> " + r.err()).isEqualTo(2);
            assertThat(r.err().lines().findFirst().orElse("")).startsWith("initcheck: ").containsAnyOf("--manifest");
        }
    }

    /** Options that a manifest's entries declare are refused beside it, not silently ignored. */
    @Test
    void perTensorOptionsAreRefusedWithAManifest() throws Exception {
        Path m = manifest();
        String[][] cases = {{"--tensor", "fc"}, {"--layout", "keras"}, {"--layout", "pytorch"}, {"--fan-in", "3"},
            {"--fan-out", "3"}, {"--shape", "3,4"}};
        for (String[] c : cases) {
            CliRun r = ListCommandTest.run("check", "--manifest", m.toString(), c[0], c[1]);
            assertThat(r.code()).as(String.join(" ", c)).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("initcheck: " + c[0] + " does not apply with --manifest")
                    .doesNotContain("\n");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void reportIsWrittenForAManifest() throws Exception {
        Path out = dir.resolve("rep");
        CliRun r = ListCommandTest.run("check", "--manifest", manifest().toString(), "--report", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String f : dev.initcheck.report.ReportFiles.NAMES) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("verdicts")).hasSize(4);
        assertThat(report.get("verdicts").get(1).get("file").asText()).isEqualTo("w/fc.npy");
    }

    private static List<JsonNode> crossChecks(JsonNode tensor) {
        List<JsonNode> out = new ArrayList<>();
        tensor.get("checks").forEach(c -> {
            if (c.get("name").asText().equals("cross_correlation")) {
                out.add(c);
            }
        });
        return out;
    }
}
