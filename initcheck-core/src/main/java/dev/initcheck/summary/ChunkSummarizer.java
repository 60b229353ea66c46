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
 *   <li>float32: widened into one reused buffer (the line hashes read it too), then as float64: one more pass
 *       over a chunk in cache, which costs about as much as a copy of the moments kernel over floats would save.</li>
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
            case F32 -> {
                double[] x = widen(chunk);
                m.addChunk(x, 0, len);
                histogram.add(x, 0, len);
            }
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

    /** The chunk's values widened into the reused buffer. */
    private double[] widen(RawChunk chunk) {
        int len = chunk.length();
        if (widened == null || widened.length < len) {
            widened = new double[Math.max(len, chunk.capacity())];
        }
        chunk.widen(0, len, widened, 0);
        return widened;
    }

    /**
     * Hashes the chunk's lines: float64 chunks directly, float32 from the buffer {@link #add} widened them into,
     * 16-bit floats widened here, for wide matrices only at the positions the hashes read (each row's first
     * {@link LineHashes#LEAD} values, and the whole of the first {@link LineHashes#LEAD} rows).
     */
    private void hashLines(RawChunk chunk, long at) {
        int len = chunk.length();
        if (chunk.doubles() != null) {
            lines.add(chunk.doubles(), 0, len, at);
            return;
        }
        if (chunk.dtype() == DType.F32) { // widened for the moments already
            lines.add(widened, 0, len, at);
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
