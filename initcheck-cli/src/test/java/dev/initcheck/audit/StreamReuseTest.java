package dev.initcheck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.check.CheckResult;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * Reused random streams are found in every stored precision, independent tensors never (the false-alarm bound of
 * {@link StreamReuse} is below 1e-27 per pair in bf16; 20,000 independent bf16 pairs are checked here).
 */
class StreamReuseTest {
    private static double[] draws(long seed, int n) {
        UniformRandomProvider rng = SeededRandom.of(seed).create();
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = z.sample();
        }
        return out;
    }

    private static StreamReuse.Prefix stored(String name, double[] z, double a, double b, Precision p) {
        double[] v = new double[StreamReuse.PREFIX];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.round((float) (a + b * z[i])); // computed in float32, as torch does, then stored
        }
        return new StreamReuse.Prefix(name, v, p);
    }

    @Test
    void proportionalAndAffineReuseIsFoundInEveryPrecision() {
        double[] z = draws(1, StreamReuse.PREFIX);
        for (Precision p : new Precision[] {Precision.BFLOAT16, Precision.FLOAT16, Precision.FLOAT32}) {
            List<StreamReuse.Prefix> prefixes = List.of(stored("a", z, 0, 0.02, p), stored("b", z, 0, 0.0070711, p),
                    stored("c", z, 0.5, 0.1, p), stored("d", draws(2, 32), 0, 0.02, p));
            List<StreamReuse.Match> m = StreamReuse.find(prefixes, Set.of());
            assertThat(m).as(p.id()).extracting(x -> x.x() + "~" + x.y())
                    .containsExactlyInAnyOrder("a~b", "a~c", "b~c");
            assertThat(StreamReuse.check("b", m).failed()).isTrue();
            assertThat(StreamReuse.check("b", m).message()).contains("a ×").contains("c ×");
            assertThat(StreamReuse.check("d", m).failed()).isFalse();
        }
    }

    @Test
    void anExactCopyIsNamedACopy() {
        double[] z = draws(3, 32);
        List<StreamReuse.Match> m = StreamReuse.find(List.of(stored("w1", z, 0, 0.02, Precision.BFLOAT16),
                stored("w2", z, 0, 0.02, Precision.BFLOAT16)), Set.of());
        assertThat(StreamReuse.check("w2", m).message()).contains("a copy of those of w1");
    }

    @Test
    void exemptPairsConstantsAndShortTensorsAreNotCompared() {
        double[] z = draws(4, 32);
        StreamReuse.Prefix a = stored("a", z, 0, 0.02, Precision.BFLOAT16);
        StreamReuse.Prefix b = stored("b", z, 0, 0.02, Precision.BFLOAT16);
        assertThat(StreamReuse.find(List.of(a, b), Set.of(Set.of("a", "b")))).isEmpty();
        double[] zeros = new double[32];
        assertThat(StreamReuse.find(List.of(new StreamReuse.Prefix("z1", zeros, Precision.FLOAT32),
                new StreamReuse.Prefix("z2", zeros.clone(), Precision.FLOAT32)), Set.of())).isEmpty();
        assertThat(StreamReuse.find(List.of(new StreamReuse.Prefix("s1", new double[] {1, 2}, Precision.FLOAT32),
                new StreamReuse.Prefix("s2", new double[] {2, 4}, Precision.FLOAT32)), Set.of())).isEmpty();
    }

    /** Negative control of the false-alarm side: 200 independent bf16 tensors, 19,900 pairs, none flagged. */
    @Test
    void independentTensorsAreNeverFlagged() {
        List<StreamReuse.Prefix> prefixes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            prefixes.add(stored("t" + i, draws(100 + i, 32), 0, 0.02, Precision.BFLOAT16));
        }
        assertThat(StreamReuse.find(prefixes, Set.of())).isEmpty();
    }

    /** An offset stream (the second layer starts where the first ended) is a documented miss. */
    @Test
    void anOffsetStreamIsNotAnAffineImage() {
        double[] z = draws(5, 64);
        double[] shifted = java.util.Arrays.copyOfRange(z, 1, 33);
        assertThat(StreamReuse.find(List.of(stored("a", z, 0, 0.02, Precision.FLOAT32),
                stored("b", shifted, 0, 0.02, Precision.FLOAT32)), Set.of())).isEmpty();
        CheckResult ok = StreamReuse.check("a", List.of());
        assertThat(ok.passed()).isTrue();
    }
}
