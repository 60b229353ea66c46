package dev.initcheck.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.random.SeededRandom;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PitHistogramTest {

    static List<Distribution> laws() {
        return List.of(Uniform.symmetric(0.0625), Normal.of(0, 0.05), TruncatedNormal.keras(0, 0.1),
                TruncatedNormal.of(0, 0.02, -2, 2), Uniform.of(-0.1, 0.3));
    }

    /** The exact D from sorted samples (textbook formula), for comparison. */
    static double exactD(double[] x, Distribution law) {
        double[] s = x.clone();
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            double f = law.cdf(s[i]);
            d = Math.max(d, Math.max((i + 1.0) / s.length - f, f - (double) i / s.length));
        }
        return d;
    }

    @ParameterizedTest
    @MethodSource("laws")
    void binMatchesACountOfThresholdsAndEveryCellIsLight(Distribution law) {
        BinEdges e = BinEdges.of(law, 1 << 10);
        assertThat(e.maxBinMass()).isLessThanOrEqualTo(1.0 / e.bins() * (1 + 1e-9));
        for (int j = 1; j < e.cells(); j++) {
            assertThat(e.bin(e.edge(j))).isEqualTo(j);
            assertThat(e.bin(Math.nextDown(e.edge(j)))).isEqualTo(j - 1);
        }
        double[] thresholds = new double[e.cells() - 1];
        for (int j = 1; j < e.cells(); j++) {
            thresholds[j - 1] = e.edge(j);
        }
        UniformRandomProvider rng = SeededRandom.of(5).create();
        double lo = law.inverseCdf(1e-6);
        double hi = law.inverseCdf(1 - 1e-6);
        for (int i = 0; i < 20000; i++) {
            double x = lo + (hi - lo) * rng.nextDouble() * 1.2 - 0.1 * (hi - lo);
            int expected = countAtMost(thresholds, x);
            assertThat(e.bin(x)).as("x=%s", x).isEqualTo(expected);
        }
    }

    /** Number of sorted thresholds <= x. */
    static int countAtMost(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @ParameterizedTest
    @MethodSource("laws")
    void boundsBracketTheExactStatisticForSamplesAndMutants(Distribution law) {
        BinEdges e = BinEdges.of(law, 1 << 16);
        for (double scale : new double[] {1.0, 1.01, 0.9, 1.3}) {
            double[] x = new double[50_000];
            UniformRandomProvider rng = SeededRandom.of(9).derive(law.describe() + scale).create();
            Distribution actual = law.scaled(scale);
            for (int i = 0; i < x.length; i++) {
                x[i] = actual.inverseCdf(rng.nextDouble());
            }
            PitHistogram h = new PitHistogram(e);
            h.add(x, 20_000);
            PitHistogram rest = new PitHistogram(e);
            double[] tail = Arrays.copyOfRange(x, 20_000, x.length);
            rest.add(tail, tail.length);
            h.merge(rest);
            double d = exactD(x, law);
            assertThat(h.count()).isEqualTo(x.length);
            assertThat(h.dLower()).isLessThanOrEqualTo(d + 1e-15);
            assertThat(h.dUpper()).isGreaterThanOrEqualTo(d - 1e-15);
            assertThat(h.dUpper() - h.dLower()).isLessThanOrEqualTo(1.0 / e.bins() * (1 + 1e-9));
        }
    }
}
