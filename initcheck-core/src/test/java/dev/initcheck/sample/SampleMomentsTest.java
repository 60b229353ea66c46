package dev.initcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.random.SeededRandom;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class SampleMomentsTest {
    /** Chunked sums add in another order: agreement to a few ulps of the total, far below any threshold. */
    private static final double MERGE_TOLERANCE = 1e-12;

    private static double[] normals(int n, long seed) {
        UniformRandomProvider rng = SeededRandom.of(seed).create();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.3 + 0.7 * Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
        }
        return x;
    }

    @Test
    void mergingChunksInOrderGivesTheOnePassSummary() {
        double[] x = normals(10_001, 1);
        SampleMoments whole = SampleMoments.about(0.3, 1.4).addAll(x);
        SampleMoments merged = SampleMoments.about(0.3, 1.4);
        for (int from = 0; from < x.length; from += 977) {
            merged.merge(SampleMoments.about(0.3, 1.4).addAll(Arrays.copyOfRange(x, from, Math.min(x.length, from + 977))));
        }
        assertThat(merged.n()).isEqualTo(whole.n());
        assertThat(merged.sumSquares()).isCloseTo(whole.sumSquares(), within(MERGE_TOLERANCE * whole.sumSquares()));
        assertThat(merged.sumFourthPowers()).isCloseTo(whole.sumFourthPowers(),
                within(MERGE_TOLERANCE * whole.sumFourthPowers()));
        assertThat(merged.sumLagProducts()).isCloseTo(whole.sumLagProducts(), within(MERGE_TOLERANCE * whole.sumSquares()));
        assertThat(merged.lag1Correlation()).isCloseTo(whole.lag1Correlation(), within(1e-12));
        assertThat(merged.beyondTail()).isEqualTo(whole.beyondTail());
        assertThat(merged.min()).isEqualTo(whole.min());
        assertThat(merged.maxAbsDeviation()).isEqualTo(whole.maxAbsDeviation());
    }

    @Test
    void lag1MatchesTheTextbookFormula() {
        double[] x = normals(5000, 2);
        double mean = Arrays.stream(x).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (int i = 0; i < x.length; i++) {
            den += (x[i] - mean) * (x[i] - mean);
            if (i + 1 < x.length) {
                num += (x[i] - mean) * (x[i + 1] - mean);
            }
        }
        assertThat(SampleMoments.about(0.3, 1).addAll(x).lag1Correlation()).isCloseTo(num / den, within(1e-13));
    }

    @Test
    void compensatedSumsStayExactWhereNaiveSumsDrift() {
        // 10^7 copies of 0.1 about center 0: the naive double sum of squares is off by about 1e-9 relative
        SampleMoments m = SampleMoments.about(0, 1);
        for (int i = 0; i < 10_000_000; i++) {
            m.add(0.1);
        }
        assertThat(m.sumSquares()).isCloseTo(0.1 * 0.1 * 1e7, within(1e-15 * 1e5));
    }

    @Test
    void nonFiniteValuesAreCountedAndKeptOutOfTheSums() {
        SampleMoments m = SampleMoments.about(0, 1).addAll(new double[] {1, Double.NaN, -2, Double.POSITIVE_INFINITY});
        assertThat(m.count()).isEqualTo(4);
        assertThat(m.n()).isEqualTo(2);
        assertThat(m.nonFiniteCount()).isEqualTo(2);
        assertThat(m.sumSquares()).isEqualTo(5);
        assertThat(m.max()).isEqualTo(1);
    }

    @Test
    void forLawCutsTheTailAtTwoParentSd() {
        assertThat(SampleMoments.forLaw(Normal.of(0, 0.5)).tailCut()).isEqualTo(1.0);
        assertThat(SampleMoments.forLaw(TruncatedNormal.keras(0, 0.5)).tailCut()).isEqualTo(1.0);
    }
}
