package dev.initcheck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.check.AlphaShare;
import dev.initcheck.io.NpyWriter;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorSource;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The checks' pass keeps as many leading values as asked (the cross-tensor checks of a manifest take 2^16 from it
 * instead of reading the tensor again): the first values in C order on the exact and the streaming path, and fewer
 * when the tensor is smaller.
 */
class CheckPrefixTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"512,512,65536,AUTO,streaming", "64,128,65536,AUTO,exact", "512,512,100,EXACT,exact",
        "512,512,70000,STREAMING,streaming"})
    void theChecksPassKeepsTheAskedPrefix(int rows, int cols, int asked, TensorCheck.KsMode mode, String path)
            throws Exception {
        UniformRandomProvider rng = SeededRandom.of(5).create();
        double[] w = new double[rows * cols];
        double limit = Math.sqrt(6.0 / cols);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (limit * (2 * rng.nextDouble() - 1));
        }
        Path f = dir.resolve("w.npy");
        NpyWriter.writeFloat32(f, new long[] {rows, cols}, w);
        TensorCheck.Checked c = TensorCheck.check(new TensorCheck.Target(f, null), Scheme.parse("he_uniform"),
                TensorCheck.TensorSpec.of(Layout.PYTORCH), AlphaShare.of(1e-6), mode, 1, asked);
        assertThat(c.path()).isEqualTo(path);
        double[] all;
        try (TensorSource src = TensorFiles.open(f, null)) {
            all = src.readAllCOrder();
        }
        assertThat(c.prefix()).isEqualTo(Arrays.copyOf(all, Math.min(asked, all.length)));
    }
}
