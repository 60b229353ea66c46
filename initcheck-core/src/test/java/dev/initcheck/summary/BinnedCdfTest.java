package dev.initcheck.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.random.SeededRandom;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The display copy of a binned CDF: its counts are the exact numbers of values below each kept edge (recounted here
 * from the sorted values), its expected values the grid's, and its largest gap is the histogram's D_lo, so a chart
 * drawn from it marks the statistic the check used. The values are a 1.2× scale mutant of each law (seed 9), so
 * D_lo sits away from the edges every k-th kept edge would hit.
 */
class BinnedCdfTest {
    static java.util.List<Distribution> laws() {
        return PitHistogramTest.laws();
    }

    @ParameterizedTest
    @MethodSource("laws")
    void keptEdgesCountExactlyAndHoldTheLargestGap(Distribution law) {
        BinEdges e = BinEdges.of(law, 1 << 12);
        UniformRandomProvider rng = SeededRandom.of(9).create();
        double[] x = new double[50_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = law.inverseCdf(rng.nextDouble()) * 1.2;
        }
        PitHistogram h = new PitHistogram(e);
        h.add(x, x.length);
        BinnedCdf b = h.binnedCdf(100);
        assertThat(b.edges().length).isBetween(100, 103);
        double[] s = x.clone();
        Arrays.sort(s);
        double gap = 0;
        for (int j = 0; j < b.edges().length; j++) {
            int below = 0;
            while (below < s.length && s[below] < b.edges()[j]) {
                below++;
            }
            assertThat(b.below()[j]).isEqualTo(below);
            assertThat(b.expected()[j]).isEqualTo(e.stored().cdfBelow(b.edges()[j]));
            if (j > 0) {
                assertThat(b.edges()[j]).isGreaterThan(b.edges()[j - 1]);
            }
            gap = Math.max(gap, Math.abs((double) b.below()[j] / b.n() - b.expected()[j]));
        }
        assertThat(gap).isEqualTo(h.ksStatistic().d());
        assertThat(b.n()).isEqualTo(x.length);
        assertThat(b.resolution()).isEqualTo(e.maxBinMass());
    }
}
