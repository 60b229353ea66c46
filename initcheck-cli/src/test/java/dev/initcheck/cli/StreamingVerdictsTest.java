package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-pass path that {@code --ks auto} now takes for every i.i.d. tensor of 2^16 values or more reaches the
 * exact path's verdicts: the same status and the same failed checks, on honest tensors and on mutants (scale 3%,
 * uniform for normal, truncation, a duplicated row, a shifted mean), in bfloat16 and float32, from 2^16 to 2^21
 * values. The honest cases spend 1e-6 each (both paths check the same data).
 */
class StreamingVerdictsTest {
    @TempDir
    Path dir;

    private static final double SD = 0.02;

    private static double[] normal(long seed, int n, double sd) {
        UniformRandomProvider rng = SeededRandom.of(seed).create();
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] w = new double[n];
        for (int i = 0; i < w.length; i++) {
            w[i] = sd * z.sample();
        }
        return w;
    }

    private static Map<String, double[]> cases(int n, int cols) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("honest", normal(1, n, SD));
        m.put("scale3", normal(2, n, SD * 1.03));
        double[] u = new double[n];
        UniformRandomProvider rng = SeededRandom.of(3).create();
        for (int i = 0; i < n; i++) {
            u[i] = SD * Math.sqrt(3) * (2 * rng.nextDouble() - 1);
        }
        m.put("uniform", u);
        double[] t = normal(4, n, SD);
        ZigguratSampler.NormalizedGaussian redraw = ZigguratSampler.NormalizedGaussian.of(SeededRandom.of(40).create());
        for (int i = 0; i < n; i++) {
            while (Math.abs(t[i]) > 2 * SD) {
                t[i] = SD * redraw.sample();
            }
        }
        m.put("truncated", t);
        double[] d = normal(5, n, SD);
        System.arraycopy(d, 3 * cols, d, 7 * cols, cols);
        m.put("duplicate_row", d);
        double[] s = normal(6, n, SD);
        for (int i = 0; i < n; i++) {
            s[i] += 0.05 * SD;
        }
        m.put("shifted", s);
        return m;
    }

    private static byte[] encode(double[] w, Precision p) {
        if (p == Precision.BFLOAT16) {
            ByteBuffer b = ByteBuffer.allocate(2 * w.length).order(ByteOrder.LITTLE_ENDIAN);
            for (double x : w) {
                b.putShort((short) (Float.floatToRawIntBits((float) Precision.BFLOAT16.round((float) x)) >>> 16));
            }
            return b.array();
        }
        ByteBuffer b = ByteBuffer.allocate(4 * w.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : w) {
            b.putFloat((float) x);
        }
        return b.array();
    }

    private static TreeSet<String> failed(Verdict v) {
        TreeSet<String> out = new TreeSet<>();
        v.failures().forEach(c -> out.add(c.name().id()));
        return out;
    }

    @Test
    void streamingReachesTheExactVerdicts() throws Exception {
        Scheme scheme = Scheme.parse("normal(stddev=0.02)");
        for (int[] shape : new int[][] {{256, 256}, {1024, 2048}}) {
            int n = shape[0] * shape[1];
            for (Precision p : List.of(Precision.BFLOAT16, Precision.FLOAT32)) {
                Map<String, Object[]> tensors = new LinkedHashMap<>();
                for (Map.Entry<String, double[]> c : cases(n, shape[1]).entrySet()) {
                    tensors.put(c.getKey(), new Object[] {p == Precision.BFLOAT16 ? "BF16" : "F32",
                            "[" + shape[0] + "," + shape[1] + "]", encode(c.getValue(), p)});
                }
                Path f = ContainerFiles.safetensors(dir.resolve(p.id() + n + ".safetensors"), tensors);
                for (String name : tensors.keySet()) {
                    TensorCheck.Target t = new TensorCheck.Target(f, name);
                    TensorCheck.Checked auto = TensorCheck.check(t, scheme, TensorCheck.TensorSpec.of(Layout.PYTORCH),
                            AlphaShare.of(1e-6), TensorCheck.KsMode.AUTO, 2);
                    Verdict exact = TensorCheck.run(t, scheme, TensorCheck.TensorSpec.of(Layout.PYTORCH),
                            AlphaShare.of(1e-6),
                            TensorCheck.KsMode.EXACT);
                    String what = p.id() + " n=" + n + " " + name;
                    assertThat(auto.path()).as(what).startsWith("streaming");
                    assertThat(auto.verdict().status()).as(what).isEqualTo(exact.status());
                    assertThat(failed(auto.verdict())).as(what).isEqualTo(failed(exact));
                    assertThat(auto.verdict().status() == Verdict.Status.PASS).as(what)
                            .isEqualTo(name.equals("honest"));
                    if (name.equals("duplicate_row")) {
                        assertThat(auto.verdict().check(dev.initcheck.check.CheckName.DUPLICATE_ROWS)
                                .map(CheckResult::message).orElseThrow()).contains("rows 3 and 7");
                    }
                }
            }
        }
    }
}
