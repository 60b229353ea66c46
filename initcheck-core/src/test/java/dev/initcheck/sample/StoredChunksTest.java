package dev.initcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.Precision;
import dev.initcheck.io.DType;
import dev.initcheck.io.RawChunk;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.ChunkSummarizer;
import dev.initcheck.summary.StreamingSummary;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A pass over chunks as stored ({@link ChunkSummarizer} on float32 values, 16-bit patterns) gives the summary of the
 * same values widened to float64 first: float32 bit for bit (same arithmetic), 16-bit floats with equal cell counts,
 * counts, extremes, tail count and lag-1 sum, the other sums to 1e-12 relative (pattern counts sum each distinct value
 * once); row and column hashes equal in both the narrow (every value widened) and the wide (hashed positions only)
 * matrices. Non-finite values sit first, inside, and at a chunk edge.
 */
class StoredChunksTest {
    private static final int CHUNK = 1 << 16;

    @ParameterizedTest
    @CsvSource({"F32,700,300", "F32,2100,100", "BF16,700,300", "BF16,2100,100", "F16,700,300", "F16,2100,100"})
    void storedChunksGiveTheWidenedSummary(DType dtype, int rows, int cols) {
        int n = rows * cols;
        Normal law = Normal.of(0.001, 0.02);
        RawChunk all = values(dtype, n);
        Precision p = dtype == DType.F32 ? Precision.FLOAT32 : dtype == DType.BF16 ? Precision.BFLOAT16
                : Precision.FLOAT16;
        BinEdges edges = BinEdges.of(law, p, 1 << 12);
        long[] matrix = {rows, cols};
        ChunkSummarizer stored = new ChunkSummarizer(edges, dtype, matrix);
        ChunkSummarizer widened = new ChunkSummarizer(edges, DType.F64, matrix);
        SampleMoments storedMoments = SampleMoments.forLaw(law);
        SampleMoments widenedMoments = SampleMoments.forLaw(law);
        for (int from = 0; from < n; from += CHUNK) {
            int len = Math.min(CHUNK, n - from);
            RawChunk chunk = slice(all, from, len);
            double[] wide = new double[len];
            chunk.widen(0, len, wide, 0);
            storedMoments.merge(stored.add(chunk, from));
            widenedMoments.merge(widened.add(RawChunk.wrap(wide, len), from));
        }
        StreamingSummary a = stored.finish(storedMoments);
        StreamingSummary b = widened.finish(widenedMoments);

        assertThat(a.histogram().counts()).isEqualTo(b.histogram().counts());
        assertThat(a.histogram().count()).isEqualTo(n - 3);
        SampleMoments x = a.moments();
        SampleMoments y = b.moments();
        assertThat(x.count()).isEqualTo(y.count()).isEqualTo(n);
        assertThat(x.nonFiniteCount()).isEqualTo(y.nonFiniteCount()).isEqualTo(3);
        assertThat(x.min()).isEqualTo(y.min());
        assertThat(x.max()).isEqualTo(y.max());
        assertThat(x.maxAbsDeviation()).isEqualTo(y.maxAbsDeviation());
        assertThat(x.beyondTail()).isEqualTo(y.beyondTail());
        assertThat(x.sumLagProducts()).isEqualTo(y.sumLagProducts());
        if (dtype == DType.F32) {
            assertThat(x.sumDeviations()).isEqualTo(y.sumDeviations());
            assertThat(x.sumSquares()).isEqualTo(y.sumSquares());
            assertThat(x.sumFourthPowers()).isEqualTo(y.sumFourthPowers());
        } else {
            assertThat(x.sumDeviations()).isCloseTo(y.sumDeviations(), within(1e-12 * n * 0.02));
            assertThat(x.sumSquares()).isCloseTo(y.sumSquares(), within(1e-12 * y.sumSquares()));
            assertThat(x.sumFourthPowers()).isCloseTo(y.sumFourthPowers(), within(1e-12 * y.sumFourthPowers()));
        }
        LineHashes la = stored.lines();
        LineHashes lb = widened.lines();
        for (int k = 0; k < 2; k++) {
            assertThat(la.rowHashes()[k]).isEqualTo(lb.rowHashes()[k]);
            assertThat(la.columnHashes()[k]).isEqualTo(lb.columnHashes()[k]);
        }
        // the hashes see the values: the first row's and column's are not those of an all-zero line
        assertThat(la.rowHashes()[0][0]).isNotZero();
        assertThat(la.columnHashes()[0][0]).isNotZero();
    }

    @org.junit.jupiter.api.Test
    void chunksOfGrowingCapacityAreHashedAlike() {
        // a share may get a small chunk first (a short tensor's first read) and larger ones after
        int rows = 4;
        int cols = 150; // wide: only the hashed positions are widened
        Normal law = Normal.of(0, 0.02);
        BinEdges edges = BinEdges.of(law, Precision.FLOAT32, 1 << 10);
        long[] matrix = {rows, cols};
        RawChunk all = values(DType.F32, rows * cols);
        ChunkSummarizer stored = new ChunkSummarizer(edges, DType.F32, matrix);
        ChunkSummarizer widened = new ChunkSummarizer(edges, DType.F64, matrix);
        int[] cuts = {0, 100, rows * cols};
        for (int k = 0; k + 1 < cuts.length; k++) {
            int len = cuts[k + 1] - cuts[k];
            RawChunk chunk = RawChunk.wrap(java.util.Arrays.copyOfRange(all.floats(), cuts[k], cuts[k + 1]), len);
            double[] wide = new double[len];
            chunk.widen(0, len, wide, 0);
            stored.add(chunk, cuts[k]);
            widened.add(RawChunk.wrap(wide, len), cuts[k]);
        }
        for (int k = 0; k < 2; k++) {
            assertThat(stored.lines().rowHashes()[k]).isEqualTo(widened.lines().rowHashes()[k]);
            assertThat(stored.lines().columnHashes()[k]).isEqualTo(widened.lines().columnHashes()[k]);
        }
    }

    /** Normal values of the type (stored exactly), NaN first, +inf inside, NaN at the first chunk edge. */
    private static RawChunk values(DType dtype, int n) {
        UniformRandomProvider rng = SeededRandom.of(31).derive(dtype.name()).create();
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        float[] floats = new float[n];
        short[] bits = new short[n];
        Map<Long, Short> patterns = dtype == DType.F32 ? null : patternIndex(dtype);
        Precision p = dtype == DType.BF16 ? Precision.BFLOAT16 : Precision.FLOAT16;
        for (int i = 0; i < n; i++) {
            double v = i == 0 || i == CHUNK ? Double.NaN : i == 40_000 ? Double.POSITIVE_INFINITY
                    : 0.02 * z.sample() + 0.001;
            if (dtype == DType.F32) {
                floats[i] = (float) v;
            } else {
                bits[i] = patterns.get(Double.doubleToLongBits(Double.isFinite(v) ? p.round(v) : v));
            }
        }
        return dtype == DType.F32 ? RawChunk.wrap(floats, n) : RawChunk.wrap(dtype, bits, n);
    }

    /** The lowest pattern of each value, found in the table (the test relies on no converter of its own). */
    private static Map<Long, Short> patternIndex(DType dtype) {
        double[] table = RawChunk.patternValues(dtype);
        Map<Long, Short> m = new java.util.HashMap<>();
        for (int b = table.length - 1; b >= 0; b--) {
            m.put(Double.doubleToLongBits(table[b]), (short) b);
        }
        return m;
    }

    /** Elements [from, from + len) of {@code all} as a chunk of their own. */
    private static RawChunk slice(RawChunk all, int from, int len) {
        if (all.dtype() == DType.F32) {
            return RawChunk.wrap(java.util.Arrays.copyOfRange(all.floats(), from, from + len), len);
        }
        return RawChunk.wrap(all.dtype(), java.util.Arrays.copyOfRange(all.halves(), from, from + len), len);
    }
}
