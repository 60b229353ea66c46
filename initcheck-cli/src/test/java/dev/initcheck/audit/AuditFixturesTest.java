package dev.initcheck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.app.TensorCheck;
import dev.initcheck.check.AlphaBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The audit on models written by PyTorch 1.13 (scripts/reference/audit_fixtures.py): honest models pass in every
 * format, and the planted-bug models fail exactly the tensors expected.json lists, under the policy (YAML and JSON)
 * and under the preset. Each honest run is one draw of a conforming checkpoint, so it fails with probability at most
 * alpha = 1e-6 (the run's budget).
 */
class AuditFixturesTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/audit");
    static final Path YAML = DIR.resolve("gpt2.policy.yaml");
    static final Path JSON = DIR.resolve("gpt2.policy.json");

    static AuditResult audit(Path path, Path policy, Preset preset) throws Exception {
        return Audit.run(new AuditRequest(path, policy, preset, null, AlphaBudget.DEFAULT_TOTAL, false,
                TensorCheck.KsMode.AUTO), null);
    }

    static TreeSet<String> flagged(AuditResult r) {
        TreeSet<String> out = new TreeSet<>();
        r.tensors().stream().filter(t -> t.status() == TensorStatus.FAIL).forEach(t -> out.add(t.tensor()));
        return out;
    }

    static TreeSet<String> expected(Path file, String key) throws IOException {
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        TreeSet<String> out = new TreeSet<>();
        n.get(key).forEach(x -> out.add(x.asText()));
        return out;
    }

    @Test
    void honestGpt2PassesInEveryFormatUnderThePolicyAndThePreset() throws Exception {
        for (String dir : List.of("gpt2-f32", "gpt2-bf16-sharded")) {
            for (AuditResult r : List.of(audit(DIR.resolve(dir), YAML, null), audit(DIR.resolve(dir), JSON, null),
                    audit(DIR.resolve(dir), null, Preset.HF))) {
                assertThat(flagged(r)).as(dir).isEmpty();
                assertThat(r.conforms()).isTrue();
                assertThat(r.count(TensorStatus.PASS)).as(dir).isEqualTo(53);
                assertThat(r.count(TensorStatus.SKIPPED)).as(dir).isEqualTo(4); // the bool attention masks
                assertThat(r.count(TensorStatus.UNDECLARED)).isZero();
            }
        }
    }

    /**
     * PyTorch files: {@code torch.save(model.state_dict())} keeps the tied {@code lm_head.weight}, which shares wte's
     * storage and is declared tied by the file itself (policy rule or not); sharded through the .bin index too.
     */
    @Test
    void honestGpt2PassesAsPytorchBinFilesWithTheTiedHead() throws Exception {
        for (String dir : List.of("gpt2-bin", "gpt2-bin-sharded-bf16")) {
            for (AuditResult r : List.of(audit(DIR.resolve(dir), YAML, null), audit(DIR.resolve(dir), null,
                    Preset.HF))) {
                assertThat(flagged(r)).as(dir).isEmpty();
                assertThat(r.count(TensorStatus.PASS)).as(dir).isEqualTo(54);
                TensorAudit head = r.tensors().stream().filter(t -> t.tensor().equals("lm_head.weight")).findFirst()
                        .orElseThrow();
                assertThat(head.declaration().kind()).isEqualTo(Declaration.Kind.TIED);
                assertThat(head.crossChecks()).singleElement().satisfies(c -> assertThat(c.passed()).isTrue());
            }
        }
        AuditResult pt = audit(DIR.resolve("torch-modules.pt"), null, Preset.TORCH);
        assertThat(flagged(pt)).isEmpty();
        assertThat(pt.count(TensorStatus.SKIPPED)).isEqualTo(1); // num_batches_tracked, int64
    }

    /** Negative controls of tied_to: other values of the same shape, another shape, a missing tensor. */
    @Test
    void aDeclaredTieToOtherValuesFails(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path policy = java.nio.file.Files.writeString(tmp.resolve("p.yaml"), """
                rules:
                  - match: "lstm.weight_hh_l0"
                    tied_to: "lstm.weight_hh_l0_reverse"
                  - match: "lin.weight"
                    tied_to: "embed.weight"
                  - match: "proj.weight"
                    tied_to: "nowhere.weight"
                """);
        AuditResult r = audit(DIR.resolve("torch-modules-f32.safetensors"), policy, Preset.TORCH);
        assertThat(flagged(r)).containsExactlyInAnyOrder("lstm.weight_hh_l0", "lin.weight", "proj.weight");
        java.util.Map<String, String> why = new java.util.HashMap<>();
        r.tensors().stream().filter(t -> t.status() == TensorStatus.FAIL)
                .forEach(t -> why.put(t.tensor(), t.failures().get(0).message()));
        assertThat(why.get("lstm.weight_hh_l0")).contains("differs from lstm.weight_hh_l0_reverse");
        assertThat(why.get("lin.weight")).contains("is F32 [64, 32] and embed.weight is F32 [1000, 32]");
        assertThat(why.get("proj.weight")).contains("which the checkpoint does not hold");
    }

    /** Storage shared in the file is one tensor, whatever rule declares it; a rule may not tie a tensor to itself. */
    @Test
    void sharedStorageIsNeverCalledStreamReuseAndSelfTiesAreRefused(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path all = java.nio.file.Files.writeString(tmp.resolve("all.yaml"), """
                rules:
                  - match: "*.bias"
                    scheme: zeros
                  - match: "*.ln_*.weight"
                    scheme: ones
                  - match: "*.c_proj.weight"
                    scheme: "normal(stddev=0.0070710678118654752)"
                  - match: "*.weight"
                    scheme: "normal(stddev=0.02)"
                """);
        AuditResult r = audit(DIR.resolve("gpt2-bin"), all, null);
        assertThat(flagged(r)).isEmpty(); // lm_head.weight is checked as a normal, and not as a copy of wte
        Path self = java.nio.file.Files.writeString(tmp.resolve("self.yaml"), """
                rules:
                  - match: "*wte.weight"
                    tied_to: "transformer.wte.weight"
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> audit(DIR.resolve("gpt2-f32"), self, null))
                .hasMessageContaining("ties tensor 'transformer.wte.weight' to itself");
    }

    @Test
    void plantedGpt2BugsAreFlaggedExactly() throws Exception {
        Path dir = DIR.resolve("gpt2-buggy");
        TreeSet<String> expected = expected(dir.resolve("expected.json"), "flagged");
        assertThat(expected).hasSize(10);
        for (AuditResult r : List.of(audit(dir, YAML, null), audit(dir, JSON, null), audit(dir, null, Preset.HF))) {
            assertThat(flagged(r)).isEqualTo(expected);
            assertThat(r.conforms()).isFalse();
        }
    }

    @Test
    void honestTorchModulesPassUnderTheTorchPreset() throws Exception {
        for (String f : List.of("torch-modules-f32.safetensors", "torch-modules-bf16.safetensors")) {
            AuditResult r = audit(DIR.resolve(f), null, Preset.TORCH);
            assertThat(flagged(r)).as(f).isEmpty();
            assertThat(r.count(TensorStatus.UNDECLARED)).as(f).isZero();
            // tensors of at most 32 values can be no evidence: inconclusive, not passed
            r.tensors().stream().filter(t -> t.status() == TensorStatus.INCONCLUSIVE)
                    .forEach(t -> assertThat(t.verdict().n()).as(t.tensor()).isLessThanOrEqualTo(32));
            assertThat(r.conforms()).isTrue();
        }
    }

    @Test
    void plantedTorchModuleBugsAreFlaggedExactly() throws Exception {
        AuditResult r = audit(DIR.resolve("torch-modules-buggy.safetensors"), null, Preset.TORCH);
        assertThat(flagged(r)).isEqualTo(expected(DIR.resolve("torch-modules-expected.json"), "flagged"));
    }

    /** Without a preset or policy every tensor is undeclared and identified; none of the honest ones fails. */
    @Test
    void undeclaredTensorsAreIdentifiedAndOnlyUnexplainedOnesFail() throws Exception {
        AuditResult honest = audit(DIR.resolve("torch-modules-f32.safetensors"), null, null);
        assertThat(flagged(honest)).isEmpty();
        List<String> unidentified = new ArrayList<>();
        honest.tensors().stream().filter(t -> t.status() == TensorStatus.UNDECLARED && t.identified() == null)
                .forEach(t -> unidentified.add(t.tensor()));
        assertThat(unidentified).isEmpty();
        AuditResult buggy = audit(DIR.resolve("torch-modules-buggy.safetensors"), null, null);
        assertThat(flagged(buggy)).containsExactlyInAnyOrder("conv3.weight", "gru.weight_hh_l0", "gru.weight_ih_l0");
    }
}
