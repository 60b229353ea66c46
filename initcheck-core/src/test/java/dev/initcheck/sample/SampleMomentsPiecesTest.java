package dev.initcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Normal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pieces of a sample summarised apart (each with the value before it, {@link SampleMoments#addLagBefore}) and merged
 * in any order and grouping ({@link SampleMoments#mergeUnordered}) give exactly the summary of chunks merged in
 * storage order, non-finite values included. Deterministic (fixed seeds).
 */
class SampleMomentsPiecesTest {
    private static final int CHUNK = 1 << 10;
    private static final Normal LAW = new Normal(0.001, 0.02);

    private record Piece(int from, int to, SampleMoments m) {
    }

    private static double[] sample(long seed) {
        Random r = new Random(seed);
        double[] v = new double[37 * CHUNK + 123];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.001 + 0.02 * r.nextGaussian();
        }
        v[0] = Double.NaN; // a non-finite first value: 'first' must come from the next finite one
        v[5 * CHUNK] = Double.POSITIVE_INFINITY; // a chunk that starts non-finite
        v[9 * CHUNK - 1] = Double.NaN; // a chunk that ends non-finite
        v[v.length - 1] = Double.NaN; // the last value non-finite
        return v;
    }

    private static SampleMoments chunks(double[] v, int from, int to) {
        SampleMoments m = SampleMoments.forLaw(LAW);
        for (int at = from; at < to; at += CHUNK) {
            m.merge(SampleMoments.forLaw(LAW).addChunk(v, at, Math.min(to, at + CHUNK)));
        }
        return m;
    }

    private static List<Double> fields(SampleMoments m) {
        return List.of((double) m.count(), (double) m.n(), m.sumDeviations(), m.sumSquares(), m.sumFourthPowers(),
                m.sumLagProducts(), m.min(), m.max(), m.maxAbsDeviation(), (double) m.beyondTail(),
                m.lag1Correlation());
    }

    @Test
    void piecesMergedInAnyOrderEqualTheInOrderSummary() {
        for (long seed = 1; seed <= 10; seed++) {
            double[] v = sample(seed);
            List<Double> expected = fields(chunks(v, 0, v.length));
            Random r = new Random(seed);
            List<Piece> pieces = new ArrayList<>();
            for (int from = 0; from < v.length; ) {
                int to = Math.min(v.length, from + CHUNK * (1 + r.nextInt(5)));
                SampleMoments m = chunks(v, from, to);
                if (from > 0) {
                    m.addLagBefore(v[from - 1]);
                }
                pieces.add(new Piece(from, to, m));
                from = to;
            }
            Collections.shuffle(pieces, r);
            while (pieces.size() > 1) { // merge random pairs, as a tree of reducers would
                Piece a = pieces.remove(r.nextInt(pieces.size()));
                Piece b = pieces.remove(r.nextInt(pieces.size()));
                boolean bFirst = b.from() < a.from();
                boolean bLast = b.to() > a.to();
                a.m().mergeUnordered(b.m(), bFirst, bLast);
                pieces.add(new Piece(Math.min(a.from(), b.from()), Math.max(a.to(), b.to()), a.m()));
            }
            assertThat(fields(pieces.get(0).m())).as("seed %d", seed).isEqualTo(expected);
        }
    }
}
