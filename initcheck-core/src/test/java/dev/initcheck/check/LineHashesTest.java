package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.sample.LineHashes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** Streamed row and column hashes: order-free, and they find the duplicate lines the exact check finds. */
class LineHashesTest {
    private static double[] matrix(int rows, int cols, long seed) {
        UniformRandomProvider rng = SeededRandom.of(seed).create();
        double[] w = new double[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = Precision.BFLOAT16.round(rng.nextDouble() - 0.5);
        }
        return w;
    }

    /** Hashes of {@code w} fed in chunks of random sizes, in a shuffled order, over several accumulators. */
    private static LineHashes shuffled(double[] w, int rows, int cols, long seed) {
        UniformRandomProvider rng = SeededRandom.of(seed).create();
        List<int[]> chunks = new ArrayList<>();
        for (int at = 0; at < w.length; ) {
            int len = Math.min(w.length - at, 1 + rng.nextInt(3000));
            chunks.add(new int[] {at, len});
            at += len;
        }
        Collections.shuffle(chunks, new java.util.Random(seed));
        LineHashes total = new LineHashes(rows, cols);
        LineHashes part = new LineHashes(rows, cols);
        for (int[] c : chunks) {
            double[] buf = new double[c[1] + 5];
            System.arraycopy(w, c[0], buf, 5, c[1]);
            part.add(buf, 5, 5 + c[1], c[0]);
            if (rng.nextInt(4) == 0) {
                total.merge(part);
                part = new LineHashes(rows, cols);
            }
        }
        total.merge(part);
        return total;
    }

    @Test
    void hashesDoNotDependOnChunkingOrOrder() {
        int[][] shapes = {{300, 200}, {50, 1000}, {1000, 3}, {1, 500}, {700, 1}};
        for (int[] s : shapes) {
            double[] w = matrix(s[0], s[1], 7);
            LineHashes once = new LineHashes(s[0], s[1]);
            once.add(w, 0, w.length, 0);
            LineHashes other = shuffled(w, s[0], s[1], 11);
            LineHashes single = new LineHashes(s[0], s[1]); // every chunk into one accumulator, last chunk first
            for (int end = w.length; end > 0; end -= 37) {
                int from = Math.max(0, end - 37);
                single.add(w, from, end, from);
            }
            for (int j = 0; j < 2; j++) {
                assertThat(single.rowHashes()[j]).as("one accumulator " + s[0] + "x" + s[1])
                        .containsExactly(once.rowHashes()[j]);
                assertThat(single.columnHashes()[j]).containsExactly(once.columnHashes()[j]);
            }
            for (int j = 0; j < 2; j++) {
                assertThat(other.rowHashes()[j]).as(s[0] + "x" + s[1]).containsExactly(once.rowHashes()[j]);
                assertThat(other.columnHashes()[j]).containsExactly(once.columnHashes()[j]);
            }
        }
    }

    @Test
    void duplicateLinesAreFoundAndIndependentOnesAreNot() {
        int rows = 300;
        int cols = 200;
        double[] w = matrix(rows, cols, 3);
        LineHashes clean = shuffled(w, rows, cols, 5);
        assertThat(DuplicateLinesCheck.check(clean, true).passed()).isTrue();
        assertThat(DuplicateLinesCheck.check(clean, false).passed()).isTrue();
        System.arraycopy(w, 17 * cols, w, 250 * cols, cols); // row 250 := row 17
        for (int r = 0; r < rows; r++) {
            w[r * cols + 150] = w[r * cols + 3]; // column 150 := column 3 (beyond the lead of 64)
        }
        LineHashes dup = shuffled(w, rows, cols, 5);
        CheckResult byRows = DuplicateLinesCheck.check(dup, true);
        assertThat(byRows.failed()).isTrue();
        assertThat(byRows.message()).contains("rows 17 and 250");
        CheckResult byCols = DuplicateLinesCheck.check(dup, false);
        assertThat(byCols.failed()).isTrue();
        assertThat(byCols.message()).contains("columns 3 and 150");
        // the exact check on the same matrix agrees
        assertThat(DuplicateLinesCheck.check(w, rows, cols, true).failed()).isTrue();
        assertThat(DuplicateLinesCheck.check(w, rows, cols, false).failed()).isTrue();
    }

    @Test
    void aLineThatDiffersOnlyAfterItsLeadIsNotCalledADuplicate() {
        int rows = 10;
        int cols = 100;
        double[] w = matrix(rows, cols, 9);
        System.arraycopy(w, 2 * cols, w, 5 * cols, cols);
        w[5 * cols + 99] += 1; // row 5 differs from row 2 only in its last value
        LineHashes h = new LineHashes(rows, cols);
        h.add(w, 0, w.length, 0);
        // leads agree: the streamed check flags the pair (the event it tests), the exact check does not
        assertThat(DuplicateLinesCheck.check(h, true).failed()).isTrue();
        assertThat(DuplicateLinesCheck.check(w, rows, cols, true).failed()).isFalse();
    }
}
