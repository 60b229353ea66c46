package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.io.TorchTestFiles;
import dev.initcheck.io.TorchTestFiles.Pickle;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on PyTorch checkpoints: tensors torch.save wrote ({@code fixtures/torch/ckpt_*},
 * {@code scripts/reference/torch_files.py}) are checked like any other (each pass spends 1e-6), and unreadable or
 * hostile checkpoints are bad input: exit 2 and one line on stderr.
 */
class TorchCheckpointCliTest {
    private static final Path FOLDER = Paths.get("src", "test", "resources", "fixtures", "torch");

    @TempDir
    Path dir;

    @Test
    void theConvWeightOfATorchSaveStateDictPassesItsLaw() {
        for (String file : new String[] {"ckpt_state.pt", "ckpt_state_p4.pt", "ckpt_state_zip64.pt"}) {
            Path f = FOLDER.resolve(file);
            CliRun r = CliRun.of("check", f.toString(), "--tensor", "conv.weight", "--scheme",
                    "torch.kaiming_normal(mode=fan_out,nonlinearity=relu)");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith(f + " [conv.weight]: PASS");
            CliRun wrong = CliRun.of("check", f.toString(), "--tensor", "conv.weight", "--scheme",
                    "torch.kaiming_normal(nonlinearity=relu)");
            assertThat(wrong.code()).as(wrong.out()).isEqualTo(1);
        }
    }

    /** A module's default init, from an OrderedDict state_dict (.pth) and from one nested in a checkpoint (.bin). */
    @Test
    void moduleStateDictsAndNestedOnesAreChecked() {
        for (String file : new String[] {"ckpt_module.pth", "ckpt_nested.bin"}) {
            Path f = FOLDER.resolve(file);
            CliRun r = CliRun.of("check", f.toString(), "--tensor", "0.weight", "--scheme", "torch.linear_default");
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith(f + " [0.weight]: PASS");
        }
    }

    @Test
    void aPickleCallingOsSystemExitsTwoWithOneLine() {
        byte[] pickle = new Pickle().op(0x80, 2).global("os", "system").str("touch pwned").op(0x85, 'R', '.')
                .bytes();
        Path f = TorchTestFiles.write(dir.resolve("evil.pt"), TorchTestFiles.checkpoint(pickle, Map.of()));
        CliRun r = CliRun.of("check", f.toString(), "--scheme", "he_uniform");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("initcheck: " + f + ": data.pkl, byte 2: global 'os.system' is not "
                + "allowed: a state_dict refers only to collections.OrderedDict, torch storage types and "
                + "torch._utils tensor rebuild functions");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void legacyTorchScriptAndNonContiguousTensorsExitTwoWithOneLine() {
        String[][] cases = {{"ckpt_legacy.pt", "", "legacy torch.save format (PyTorch < 1.6)"},
            {"ckpt_torchscript.pt", "", "TorchScript archive (torch.jit.save)"},
            {"ckpt_state.pt", "strided", "tensor 'strided': cannot be read: non-contiguous view (stride [6, 2])"}};
        for (String[] c : cases) {
            Path f = FOLDER.resolve(c[0]);
            CliRun r = c[1].isEmpty() ? CliRun.of("check", f.toString(), "--scheme", "he_uniform")
                    : CliRun.of("check", f.toString(), "--tensor", c[1], "--scheme", "he_uniform");
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("initcheck: " + f + ": ").contains(c[2]).doesNotContain("\n")
                    .doesNotContain("\tat ");
        }
    }

    /** Checking every tensor of a module state_dict: its int64 step counter is listed as skipped. */
    @Test
    void skippedTensorsOfACheckpointAreListed() {
        Path f = FOLDER.resolve("ckpt_module.pth");
        CliRun r = CliRun.of("check", f.toString(), "--scheme", "torch.linear_default");
        assertThat(r.out()).contains(f + " [0.weight]: PASS",
                f + " [1.num_batches_tracked]: SKIPPED torch.int64 (not a float16/bfloat16/float32/float64 tensor)");
    }
}
