package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code initcheck train} through {@link Main#run}: a small study, its JSON and text, and refused options. */
class TrainCommandTest {
    private static final String[] SMALL = {"train", "--depth", "2", "--width", "8", "--seeds", "3", "--steps", "30",
        "--activation", "tanh,relu", "--schemes", "zeros,he_normal,pretrained,lsuv", "--seed", "5"};

    @Test
    void jsonIsOneObjectPerSchemeAndActivationWithPerSeedFigures() throws Exception {
        CliRun r = CliRun.of(concat(SMALL, "--format", "json"));
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, Object>> rows = new ObjectMapper().readValue(r.out(), new TypeReference<>() {
        });
        assertThat(rows).hasSize(8);
        Map<String, Object> first = rows.get(0);
        assertThat(first.keySet()).containsExactly("scheme", "activation", "depth", "width", "task", "target_loss",
                "steps_to_target", "final_loss", "diverged", "steps_to_target_median", "loss_curve",
                "gradient_norms_step0", "learning_rate", "momentum", "batch", "steps", "seeds", "seed", "generator");
        assertThat(first).containsEntry("scheme", "zeros").containsEntry("activation", "tanh")
                .containsEntry("depth", 2).containsEntry("target_loss", 0.05).containsEntry("seed", 5)
                .containsEntry("generator", "XO_RO_SHI_RO_128_PP");
        assertThat((List<?>) first.get("steps_to_target")).hasSize(3).containsOnlyNulls(); // zeros never trains
        assertThat((List<?>) first.get("final_loss")).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, List<Object>> curve = (Map<String, List<Object>>) first.get("loss_curve");
        assertThat(curve.get("step")).containsExactly(0, 10, 20, 30);
        assertThat(curve.get("median")).hasSize(4);
        assertThat((List<?>) first.get("gradient_norms_step0")).hasSize(3); // 2 hidden layers + output
        assertThat(rows).extracting(m -> m.get("scheme") + "/" + m.get("activation")).containsExactly("zeros/tanh",
                "he_normal/tanh", "pretrained/tanh", "lsuv/tanh", "zeros/relu", "he_normal/relu", "pretrained/relu",
                "lsuv/relu");
        assertThat(CliRun.of(concat(SMALL, "--format", "json")).out()).isEqualTo(r.out()); // reproducible
    }

    @Test
    void textHasTheSettingsTheTableAndTheClaims() {
        CliRun r = CliRun.of(SMALL);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("train: task teacher (target loss 0.05), 2 hidden layers of 8, 3 seeds, "
                + "30 steps, batch 32, momentum 0.9, seed 5 (XO_RO_SHI_RO_128_PP)");
        assertThat(lines.get(2)).startsWith("zeros").contains("0/3", "never [never,never]");
        assertThat(r.out()).contains("claims (one-sided exact sign test paired by seed, alpha 1e-03 each):",
                "HOLDS  zeros never breaks symmetry and stalls (tanh)");
        assertThat(r.out()).doesNotContain("depth >= 5"); // the depth claims need 5 hidden layers
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() {
        OptionValidationTest.refused("--depth must be >= 1, got 0", "train", "--depth", "0");
        OptionValidationTest.refused("--seeds must be >= 1, got 0", "train", "--seeds", "0");
        OptionValidationTest.refused("--steps must be >= 1, got -3", "train", "--steps", "-3");
        OptionValidationTest.refused("unknown task 'mnist' (valid: teacher, spiral)", "train", "--task", "mnist");
        OptionValidationTest.refused("unknown activation 'swish'", "train", "--activation", "tanh,swish");
        OptionValidationTest.refused("unknown scheme 'he_nromal'", "train", "--schemes", "he_nromal");
        OptionValidationTest.refused("--format must be text or json, got 'xml'", "train", "--format", "xml");
    }

    @Test
    void spiralTaskTrainsWithCrossEntropy() throws Exception {
        CliRun r = CliRun.of("train", "--task", "spiral", "--depth", "1", "--width", "16", "--seeds", "2", "--steps",
                "20", "--activation", "relu", "--schemes", "he_normal", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, Object>> rows = new ObjectMapper().readValue(r.out(), new TypeReference<>() {
        });
        assertThat(rows.get(0)).containsEntry("task", "spiral").containsEntry("target_loss", 0.2);
        @SuppressWarnings("unchecked")
        List<Double> median = ((Map<String, List<Double>>) rows.get(0).get("loss_curve")).get("median");
        assertThat(median.get(0)).isBetween(0.5, 3.0); // about ln 3 = 1.0986 for a fresh network
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
