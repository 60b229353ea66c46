package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.distribution.Normal;
import dev.initcheck.random.SeededRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * The bfloat16 summary (lag-1 sum in order, everything else from bit-pattern counts) equals the value-by-value
 * summary: counts, extremes and tail exactly, sums to 1e-12 relative, across chunk boundaries and non-finite values.
 */
class Bfloat16PatternsTest {
    @Test
    void patternCountsGiveTheSameSummary() {
        UniformRandomProvider rng = SeededRandom.of(12).create();
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] v = new double[200_003];
        for (int i = 0; i < v.length; i++) {
            v[i] = Precision.BFLOAT16.round(0.02 * z.sample() + 0.001);
        }
        v[0] = Double.NaN; // a non-finite first value, one inside, one at a chunk edge
        v[70_000] = Double.POSITIVE_INFINITY;
        v[131_072] = Double.NaN;
        Normal law = Normal.of(0, 0.02);
        SampleMoments plain = SampleMoments.forLaw(law).addChunk(v, 0, v.length);
        long[] patterns = new long[1 << 16];
        SampleMoments counted = SampleMoments.forLaw(law);
        for (int from = 0; from < v.length; from += 65_536) {
            int to = Math.min(v.length, from + 65_536);
            counted.merge(SampleMoments.forLaw(law).addLagAndBfloat16Patterns(v, from, to, patterns));
        }
        counted.addBfloat16Multiset(patterns);
        assertThat(counted.count()).isEqualTo(plain.count());
        assertThat(counted.nonFiniteCount()).isEqualTo(3);
        assertThat(counted.n()).isEqualTo(plain.n());
        assertThat(counted.min()).isEqualTo(plain.min());
        assertThat(counted.max()).isEqualTo(plain.max());
        assertThat(counted.maxAbsDeviation()).isEqualTo(plain.maxAbsDeviation());
        assertThat(counted.beyondTail()).isEqualTo(plain.beyondTail());
        assertThat(counted.sumDeviations()).isCloseTo(plain.sumDeviations(), within(1e-12 * v.length * 0.02));
        assertThat(counted.sumSquares()).isCloseTo(plain.sumSquares(), within(1e-12 * plain.sumSquares()));
        assertThat(counted.sumFourthPowers()).isCloseTo(plain.sumFourthPowers(),
                within(1e-12 * plain.sumFourthPowers()));
        assertThat(counted.sumLagProducts()).isCloseTo(plain.sumLagProducts(), within(1e-12 * plain.sumSquares()));
        assertThat(counted.lag1Correlation()).isCloseTo(plain.lag1Correlation(), within(1e-12));
    }
}
