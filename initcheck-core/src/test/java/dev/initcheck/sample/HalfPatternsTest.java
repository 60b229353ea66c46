package dev.initcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.Precision;
import dev.initcheck.io.DType;
import dev.initcheck.io.RawChunk;
import dev.initcheck.random.SeededRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The 16-bit float summary (lag-1 sum in order, everything else from bit-pattern counts) equals the value-by-value
 * summary: counts, extremes and tail exactly, the lag-1 sum bit for bit (same arithmetic), the other sums to 1e-12
 * relative, across chunk boundaries and non-finite values.
 */
class HalfPatternsTest {
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F16", "BF16"})
    void patternCountsGiveTheSameSummary(DType dtype) {
        UniformRandomProvider rng = SeededRandom.of(12).create();
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        Precision precision = dtype == DType.F16 ? Precision.FLOAT16 : Precision.BFLOAT16;
        double[] v = new double[200_003];
        for (int i = 0; i < v.length; i++) {
            v[i] = precision.round(0.02 * z.sample() + 0.001);
        }
        v[0] = Double.NaN; // a non-finite first value, one inside, one at a chunk edge
        v[70_000] = Double.POSITIVE_INFINITY;
        v[131_072] = Double.NaN;
        short[] bits = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            bits[i] = bitsOf(v[i], dtype);
        }
        double[] table = RawChunk.patternValues(dtype);
        Normal law = Normal.of(0, 0.02);
        SampleMoments plain = SampleMoments.forLaw(law);
        SampleMoments counted = SampleMoments.forLaw(law);
        long[] patterns = new long[1 << 16];
        for (int from = 0; from < v.length; from += 65_536) {
            int to = Math.min(v.length, from + 65_536);
            plain.merge(SampleMoments.forLaw(law).addChunk(v, from, to));
            counted.merge(SampleMoments.forLaw(law).addLagAndPatterns(bits, from, to, patterns, table));
        }
        counted.addPatternMultiset(patterns, table);
        assertThat(counted.count()).isEqualTo(plain.count());
        assertThat(counted.nonFiniteCount()).isEqualTo(3);
        assertThat(counted.n()).isEqualTo(plain.n());
        assertThat(counted.min()).isEqualTo(plain.min());
        assertThat(counted.max()).isEqualTo(plain.max());
        assertThat(counted.maxAbsDeviation()).isEqualTo(plain.maxAbsDeviation());
        assertThat(counted.beyondTail()).isEqualTo(plain.beyondTail());
        assertThat(counted.sumLagProducts()).isEqualTo(plain.sumLagProducts());
        assertThat(counted.sumDeviations()).isCloseTo(plain.sumDeviations(), within(1e-12 * v.length * 0.02));
        assertThat(counted.sumSquares()).isCloseTo(plain.sumSquares(), within(1e-12 * plain.sumSquares()));
        assertThat(counted.sumFourthPowers()).isCloseTo(plain.sumFourthPowers(),
                within(1e-12 * plain.sumFourthPowers()));
        assertThat(counted.lag1Correlation()).isCloseTo(plain.lag1Correlation(), within(1e-12));
    }

    /** The pattern of a value of the format, looked up in the table: this test relies on no converter of its own. */
    private static short bitsOf(double x, DType dtype) {
        java.util.Map<Long, Short> index = INDEX.computeIfAbsent(dtype, d -> {
            double[] table = RawChunk.patternValues(d);
            java.util.Map<Long, Short> m = new java.util.HashMap<>();
            for (int b = table.length - 1; b >= 0; b--) { // the lowest pattern of each value (NaN: the first NaN)
                m.put(Double.doubleToLongBits(table[b]), (short) b);
            }
            return m;
        });
        Short b = index.get(Double.doubleToLongBits(x));
        if (b == null) {
            throw new AssertionError(x + " is not a " + dtype + " value");
        }
        return b;
    }

    private static final java.util.Map<DType, java.util.Map<Long, Short>> INDEX = new java.util.EnumMap<>(DType.class);
}
