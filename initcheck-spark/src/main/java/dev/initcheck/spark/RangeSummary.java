package dev.initcheck.spark;

import dev.initcheck.sample.LineHashes;
import dev.initcheck.sample.SampleMoments;
import java.io.Serializable;

/**
 * The summary of one or several disjoint ranges of a tensor: moments (exact sums, {@link SampleMoments}), the
 * histogram's integer counts per cell (bfloat16: counts per bit pattern), the line hashes (sums mod 2<sup>64</sup>)
 * and, from the range at position 0, the first values. Every part merges by addition, commutatively and
 * associatively, so the merged summary does not depend on the partitioning or on the order of the merges; the
 * first and last values of the moments come from the pieces that start and end the union.
 */
final class RangeSummary implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Values kept from the start of the tensor (stream reuse). */
    static final int PREFIX = dev.initcheck.summary.StreamingEngine.PREFIX;

    final int tensor;
    /** The {@code from} of the earliest piece holding a finite value, Long.MAX_VALUE if none does. */
    private long firstFrom;
    /** The {@code to} of the piece that ends last. */
    private long lastTo;
    final SampleMoments moments;
    final long[] cells;
    final LineHashes lines;
    double[] prefix;
    /** Thread CPU time spent reading and summarising the ranges, summed (for throughput per core). */
    long cpuNanos;

    RangeSummary(int tensor, long from, long to, SampleMoments moments, long[] cells, LineHashes lines,
                 double[] prefix) {
        this.tensor = tensor;
        this.firstFrom = moments.n() > 0 ? from : Long.MAX_VALUE;
        this.lastTo = to;
        this.moments = moments;
        this.cells = cells;
        this.lines = lines;
        this.prefix = prefix;
    }

    /** Adds {@code other}'s ranges (disjoint from this one's) to this summary; returns it. */
    RangeSummary merge(RangeSummary other) {
        if (other.tensor != tensor) {
            throw new IllegalArgumentException("summaries of different tensors: " + tensor + ", " + other.tensor);
        }
        moments.mergeUnordered(other.moments, other.firstFrom < firstFrom, other.lastTo > lastTo);
        firstFrom = Math.min(firstFrom, other.firstFrom);
        lastTo = Math.max(lastTo, other.lastTo);
        for (int j = 0; j < cells.length; j++) {
            cells[j] += other.cells[j];
        }
        if (lines != null) {
            lines.merge(other.lines);
        }
        if (prefix == null) {
            prefix = other.prefix;
        }
        cpuNanos += other.cpuNanos;
        return this;
    }
}
