package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * {@code check} on tensors PyTorch sampled directly in bfloat16 and float16
 * ({@code fixtures/stored/torch_sampled_16bit.safetensors}, {@code scripts/reference/stored_reference.py}), and the
 * inconclusive verdict with and without {@code --strict}. Each honest tensor spends 1e-6.
 */
class StoredTensorsCliTest {
    private static final Path FILE = Paths.get("src", "test", "resources", "fixtures", "stored",
            "torch_sampled_16bit.safetensors");

    @Test
    void torchSampled16BitTensorsPass() {
        String[][] cases = {{"he_uniform_380.weight", "he_uniform"}, {"embed.weight", "normal(stddev=0.02)"},
            {"kaiming.weight", "torch.kaiming_normal(nonlinearity=relu)"}};
        for (String[] c : cases) {
            CliRun r = ListCommandTest.run("check", FILE.toString(), "--tensor", c[0], "--scheme", c[1]);
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("]: PASS").contains("float16").doesNotContain("FAIL");
        }
    }

    @Test
    void aWrongScaleInBf16IsCaught() {
        CliRun r = ListCommandTest.run("check", FILE.toString(), "--tensor", "embed.weight", "--scheme",
                "normal(stddev=0.021)");
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL second_moment");
    }
}
