package dev.initcheck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.io.NpyWriter;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.summary.StreamingSummary;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming path's KS decision is the exact one even when the binned bounds straddle the gate: a tensor whose
 * exact D exceeds the gate by half a bin's probability (its excess mass put at points swept across two bins) must
 * fail KS on every placement, and the re-check must have been needed on some of them (where D_lo fell below the
 * gate). Deterministic data: the normal's quantiles, with the m values just above x0 moved onto x0.
 */
class ExactRecheckTest {
    @TempDir
    Path dir;

    @Test
    void aKsFailureHiddenBetweenTheBinEdgesIsFoundBySortingAgain() throws Exception {
        int n = 1 << 17;
        double alpha = 1e-6;
        Scheme scheme = Scheme.parse("normal(stddev=1)");
        NormalDistribution law = NormalDistribution.of(0, 1);
        double[] honest = new double[n];
        for (int i = 0; i < n; i++) {
            honest[i] = law.inverseCumulativeProbability((i + 0.5) / n);
        }
        // the KS gate at this n, from an exact run of the honest tensor
        Path h = dir.resolve("honest.npy");
        NpyWriter.writeFloat64(h, new long[] {256, 512}, honest);
        CheckResult ks0 = TensorCheck.run(new TensorCheck.Target(h, null), scheme, TensorCheck.TensorSpec.of(
                Layout.PYTORCH), AlphaShare.of(alpha), TensorCheck.KsMode.EXACT).check(CheckName.KS).orElseThrow();
        assertThat(ks0.passed()).isTrue();
        double gate = ks0.threshold();
        double bin = 1.0 / StreamingSummary.binsFor(n, alpha);
        int m = (int) Math.ceil((gate + 0.5 * bin) * n);
        double width = bin / law.density(0); // a bin's width in x near 0
        int rechecked = 0;
        for (int k = 0; k < 20; k++) {
            double x0 = k * width / 10;
            double[] w = honest.clone();
            // the m values just above x0 moved onto x0: F_n - F jumps by m/n at x0 and falls back to 0 over the
            // next m/n of probability, so the largest gap sits at x0, anywhere between two bin edges
            int i0 = (int) Math.ceil(law.cumulativeProbability(x0) * n - 0.5);
            Arrays.fill(w, i0, i0 + m, x0);
            Path f = dir.resolve("shifted" + k + ".npy");
            NpyWriter.writeFloat64(f, new long[] {256, 512}, w);
            TensorCheck.Checked auto = TensorCheck.check(new TensorCheck.Target(f, null), scheme,
                    TensorCheck.TensorSpec.of(Layout.PYTORCH), AlphaShare.of(alpha), TensorCheck.KsMode.AUTO, 1);
            CheckResult ks = auto.verdict().check(CheckName.KS).orElseThrow();
            assertThat(ks.failed()).as("x0 = %s, path %s", x0, auto.path()).isTrue();
            rechecked += auto.path().equals("streaming, then exact") ? 1 : 0;
        }
        assertThat(rechecked).as("placements where the bounds straddled the gate").isPositive();
    }
}
