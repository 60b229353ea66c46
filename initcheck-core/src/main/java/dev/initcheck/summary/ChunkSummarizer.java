package dev.initcheck.summary;

import dev.initcheck.io.DType;
import dev.initcheck.io.RawChunk;
import dev.initcheck.sample.LineHashes;
import dev.initcheck.sample.SampleMoments;

/**
 * One worker's share of a streaming pass over a tensor, fed chunks as stored ({@link RawChunk}); shares merge by
 * addition in any order, the per-chunk moments the caller merges in storage order.
 *
 * <ul>
 *   <li>16-bit floats (float16, bfloat16): each value's bit pattern is counted in 65,536 counters and only the
 *       lag-1 sum is taken value by value; the other moments and the binned CDF follow from the counts once, in
 *       {@link #finish} ({@link SampleMoments#addLagAndPatterns}).</li>
 *   <li>float32: moments and cell counts in one loop over the stored floats, with the arithmetic of
 *       {@link SampleMoments#addChunk} and {@link PitHistogram#add}: the same summary as widening first.</li>
 *   <li>float64: {@link SampleMoments#addChunk} and {@link PitHistogram#add}.</li>
 * </ul>
 * Row and column hashes ({@link LineHashes}), when asked for, see the exact values of the positions they hash.
 */
public final class ChunkSummarizer {
    private final BinEdges edges;
    private final DType dtype;
    private final double[] valueOfBits;
    private final PitHistogram histogram;
    private final long[] patterns;
    private final LineHashes lines;
    private final long cols;
    private double[] widened;

    /**
     * @param edges  the grid of the binned CDF
     * @param dtype  the stored type of the chunks this share will get
     * @param matrix rows and columns of the C-order view whose lines are hashed, or null for none
     */
    public ChunkSummarizer(BinEdges edges, DType dtype, long[] matrix) {
        this.edges = edges;
        this.dtype = dtype;
        boolean half = dtype == DType.F16 || dtype == DType.BF16;
        this.valueOfBits = half ? RawChunk.patternValues(dtype) : null;
        this.histogram = new PitHistogram(edges);
        this.patterns = half ? new long[1 << 16] : null;
        this.lines = matrix == null ? null : new LineHashes(matrix[0], matrix[1]);
        this.cols = matrix == null ? 0 : matrix[1];
    }

    /** The stored type of the chunks this share takes. */
    DType dtype() {
        return dtype;
    }

    /**
     * Summarises one chunk, the values at storage positions {@code at .. at + chunk.length()}.
     *
     * @return the chunk's moments, to be merged in storage order
     * @throws IllegalArgumentException if the chunk is of another type than this share was made for
     */
    public SampleMoments add(RawChunk chunk, long at) {
        if (chunk.dtype() != dtype) {
            throw new IllegalArgumentException("a " + dtype + " summary got a " + chunk.dtype() + " chunk");
        }
        int len = chunk.length();
        SampleMoments m = SampleMoments.forLaw(edges.law());
        switch (dtype) {
            case F16, BF16 -> m.addLagAndPatterns(chunk.halves(), 0, len, patterns, valueOfBits);
            case F32 -> addFloats(chunk.floats(), 0, len, m, histogram);
            case F64 -> {
                m.addChunk(chunk.doubles(), 0, len);
                histogram.add(chunk.doubles(), 0, len);
            }
        }
        if (lines != null) {
            hashLines(chunk, at);
        }
        return m;
    }

    /** Adds another share of the same pass (histogram or pattern counts, line hashes). */
    void merge(ChunkSummarizer other) {
        if (other.edges != edges || other.dtype != dtype || (other.lines == null) != (lines == null)) {
            throw new IllegalArgumentException("cannot merge shares of different passes");
        }
        if (patterns != null) {
            addCells(other.patterns);
        } else {
            histogram.merge(other.histogram);
        }
        if (lines != null) {
            lines.merge(other.lines);
        }
    }

    /**
     * The share's counts for shipping elsewhere: pattern counts (65,536) for 16-bit floats, else cell counts; add
     * them to a share of the same pass with {@link #addCells}.
     */
    public long[] cells() {
        return patterns != null ? patterns.clone() : histogram.counts();
    }

    /** Adds counts taken from {@link #cells()} of another share of the same pass. */
    public void addCells(long[] cells) {
        if (patterns == null) {
            histogram.addCounts(cells);
            return;
        }
        if (cells.length != patterns.length) {
            throw new IllegalArgumentException("expected " + patterns.length + " pattern counts, got " + cells.length);
        }
        for (int b = 0; b < cells.length; b++) {
            patterns[b] += cells[b];
        }
    }

    /** The line hashes, or null. */
    public LineHashes lines() {
        return lines;
    }

    /**
     * The summary of the whole pass from the moments of all its chunks merged in storage order and this share
     * holding all the others: for 16-bit floats the order-free moments and the cell counts follow from the pattern
     * counts here. Call once, after every merge.
     */
    public StreamingSummary finish(SampleMoments ordered) {
        if (patterns != null) {
            ordered.addPatternMultiset(patterns, valueOfBits);
            histogram.addPatterns(patterns, valueOfBits);
        }
        return new StreamingSummary(ordered, histogram);
    }

    /**
     * float32 values: moments and cell counts in one loop, with the arithmetic of {@link SampleMoments#addChunk}
     * (runs of finite values, two values per step into two sets of sums) and of {@link PitHistogram#add}. A copy of
     * that kernel over floats, kept on purpose: widening into a buffer and calling {@code addChunk} and
     * {@code add} on it made the float32 checkpoint audit about 4% slower (median 1.86 s against 1.78 s, 12
     * interleaved runs each), and widening while binning slower still (2.03 to 2.20 s).
     * {@code StoredChunksTest} holds the two bit for bit.
     */
    static void addFloats(float[] v, int from, int to, SampleMoments m, PitHistogram h) {
        long[] counts = h.cellsForUpdate();
        BinEdges e = h.edges();
        double low = e.low();
        double scale = e.scale();
        int lastCell = e.cells() - 1;
        double center = m.center();
        double tailCut = m.tailCut();
        long binned = 0;
        int i = from;
        while (i < to) {
            if (!m.continuesRun()) { // the first value, or the one after a non-finite value
                double x = v[i++];
                m.add(x);
                if (x - x == 0) {
                    counts[e.bin(x)]++;
                    binned++;
                }
                continue;
            }
            double a1 = 0;
            double a2 = 0;
            double a4 = 0;
            double al = 0;
            double b1 = 0;
            double b2 = 0;
            double b4 = 0;
            double bl = 0;
            double prev = m.lastDeviation();
            double lo = m.min();
            double hi = m.max();
            long tail = 0;
            int start = i;
            for (; i + 1 < to; i += 2) {
                double x = v[i];
                double z = v[i + 1];
                double y = x - center;
                double w = z - center;
                if (!(y - y == 0) || !(w - w == 0)) {
                    break;
                }
                double y2 = y * y;
                double w2 = w * w;
                a1 += y;
                b1 += w;
                a2 += y2;
                b2 += w2;
                a4 += y2 * y2;
                b4 += w2 * w2;
                al += prev * y;
                bl += y * w;
                prev = w;
                lo = x < lo ? x : lo;
                lo = z < lo ? z : lo;
                hi = x > hi ? x : hi;
                hi = z > hi ? z : hi;
                tail += (Math.abs(y) > tailCut ? 1 : 0) + (Math.abs(w) > tailCut ? 1 : 0);
                int j = (int) ((x - low) * scale);
                int k = (int) ((z - low) * scale);
                counts[j < 0 ? 0 : (j > lastCell ? lastCell : j)]++;
                counts[k < 0 ? 0 : (k > lastCell ? lastCell : k)]++;
            }
            for (; i < to; i++) {
                double x = v[i];
                double y = x - center;
                if (!(y - y == 0)) {
                    break;
                }
                double y2 = y * y;
                a1 += y;
                a2 += y2;
                a4 += y2 * y2;
                al += prev * y;
                prev = y;
                lo = x < lo ? x : lo;
                hi = x > hi ? x : hi;
                tail += Math.abs(y) > tailCut ? 1 : 0;
                counts[e.bin(x)]++;
            }
            m.addFiniteRun(i - start, a1 + b1, a2 + b2, a4 + b4, al + bl, lo, hi, tail, prev);
            binned += i - start;
            if (i < to) { // the non-finite value that ended the run
                m.add(v[i++]);
            }
        }
        h.countedInPlace(binned);
    }

    /**
     * Hashes the chunk's lines: float64 chunks directly; others widened first, for wide matrices only at the
     * positions the hashes read (each row's first {@link LineHashes#LEAD} values, and the whole of the first
     * {@link LineHashes#LEAD} rows).
     */
    private void hashLines(RawChunk chunk, long at) {
        int len = chunk.length();
        if (chunk.doubles() != null) {
            lines.add(chunk.doubles(), 0, len, at);
            return;
        }
        if (widened == null || widened.length < len) {
            widened = new double[Math.max(len, chunk.capacity())];
        }
        if (cols <= 2L * LineHashes.LEAD) {
            chunk.widen(0, len, widened, 0);
        } else {
            long end = at + len;
            long row = at / cols;
            for (long rowStart = row * cols; rowStart < end; rowStart += cols, row++) {
                long from = Math.max(rowStart, at);
                long to = Math.min(rowStart + (row < LineHashes.LEAD ? cols : LineHashes.LEAD), end);
                if (from < to) {
                    chunk.widen((int) (from - at), (int) (to - at), widened, (int) (from - at));
                }
            }
        }
        lines.add(widened, 0, len, at);
    }
}
