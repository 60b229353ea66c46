package dev.initcheck.sample;

import dev.initcheck.distribution.Distribution;
import java.io.Serializable;
import java.util.Locale;

/**
 * One-pass, mergeable summary of a sample, taken about the <em>declared</em> mean mu0: the sums of
 * y = x - mu0, y², y⁴ and of consecutive products y_i·y_(i+1) (exact, {@link ExactSum}), minimum,
 * maximum, max |y|, the count of |y| &gt; tailCut (2 parent standard deviations by {@link #forLaw}) and the count
 * of NaN/infinite values, which are left out of everything else.
 *
 * <p>Every field but the lag-1 sum is order-free. {@link #merge} treats {@code next} as the values that follow
 * this summary's values in storage order (C order), so chunks merged in order give the exact lag-1 sum; merging
 * out of order leaves every other statistic exact. {@link #addLagBefore} and {@link #mergeUnordered} let pieces of
 * a tensor summarised apart (other machines) merge in any order to the same result.
 *
 * <p><b>Determinism.</b> Values enter the sums as the partial sums of runs (plain double arithmetic, in order,
 * within a chunk), and the runs' partials are summed exactly and rounded once when read. The result therefore
 * depends only on where the chunks start (the readers deliver chunks of 2<sup>16</sup> values at fixed positions of
 * the tensor), never on the order or grouping in which chunk summaries merge.
 */
public final class SampleMoments implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double center;
    private final double tailCut;
    private long count;
    private long nonFinite;
    private long beyondTail;
    private final ExactSum s1 = new ExactSum();
    private final ExactSum s2 = new ExactSum();
    private final ExactSum s4 = new ExactSum();
    private final ExactSum lag = new ExactSum();
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double maxAbs;
    private double first = Double.NaN;
    private double last = Double.NaN;
    private boolean leadingFinite; // the very first value was finite (so 'first' is it)

    private SampleMoments(double center, double tailCut) {
        this.center = center;
        this.tailCut = tailCut;
    }

    /** An empty summary about {@code center}, counting values with |x - center| &gt; {@code tailCut}. */
    public static SampleMoments about(double center, double tailCut) {
        if (!Double.isFinite(center) || !(tailCut > 0)) { // also rejects NaN
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "center must be finite and tailCut > 0, got center=%s tailCut=%s", center, tailCut));
        }
        return new SampleMoments(center, tailCut);
    }

    /**
     * An empty summary about the law's mean with tail cut 2 parent standard deviations (the sd of a normal, the
     * parent sd of a truncated normal, the sd otherwise; 1 for a point mass, whose tail count is unused).
     */
    public static SampleMoments forLaw(Distribution law) {
        double sd = law.parent().standardDeviation();
        return about(law.mean(), sd > 0 ? 2 * sd : 1);
    }

    /** A summary of {@code values} (C order) for {@code law}. */
    public static SampleMoments of(double[] values, Distribution law) {
        return forLaw(law).addAll(values);
    }

    public SampleMoments add(double x) {
        count++;
        if (count == 1) {
            leadingFinite = Double.isFinite(x);
        }
        if (!Double.isFinite(x)) {
            nonFinite++;
            last = Double.NaN; // no lag product across a non-finite value
            return this;
        }
        double y = x - center;
        double y2 = y * y;
        s1.add(y);
        s2.add(y2);
        s4.add(y2 * y2);
        if (!Double.isNaN(last)) {
            lag.add(last * y);
        } else if (Double.isNaN(first)) {
            first = y;
        }
        last = y;
        min = Math.min(min, x);
        max = Math.max(max, x);
        maxAbs = Math.max(maxAbs, Math.abs(y));
        if (Math.abs(y) > tailCut) {
            beyondTail++;
        }
        return this;
    }

    /**
     * Adds {@code values[from..to)} in order, as {@link #add} would, but fast: runs of finite values are summed in
     * plain double arithmetic and each run's totals enter the exact sums once. A run of k values adds at
     * most k·u relative error to the sums of non-negative terms (u = 2^-53; 1.5e-11 for k = 2^16), far below the
     * sampling error any check tolerates.
     */
    public SampleMoments addChunk(double[] values, int from, int to) {
        int i = from;
        while (i < to) {
            if (count == 0 || Double.isNaN(last)) {
                add(values[i++]);
                continue;
            }
            i = finiteRun(values, i, to);
            if (i < to) {
                add(values[i++]); // the non-finite value that ended the run
            }
        }
        return this;
    }

    /**
     * Sums values[i..) while they are finite; returns the index of the first non-finite value (or {@code to}).
     * Two values per step into two sets of partial sums, so that the additions of consecutive values do not wait on
     * each other; the partial sums are added at the end of the run.
     */
    private int finiteRun(double[] v, int start, int to) {
        double a1 = 0;
        double a2 = 0;
        double a4 = 0;
        double al = 0;
        double b1 = 0;
        double b2 = 0;
        double b4 = 0;
        double bl = 0;
        double prev = last;
        double lo = min;
        double hi = max;
        long tail = 0;
        int i = start;
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
            // one comparison per extreme and value: rarely true, so well predicted (a min of the pair first is a
            // coin flip per step, and three times slower)
            lo = x < lo ? x : lo;
            lo = z < lo ? z : lo;
            hi = x > hi ? x : hi;
            hi = z > hi ? z : hi;
            tail += (Math.abs(y) > tailCut ? 1 : 0) + (Math.abs(w) > tailCut ? 1 : 0);
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
        }
        addFiniteRun(i - start, a1 + b1, a2 + b2, a4 + b4, al + bl, lo, hi, tail, prev);
        return i;
    }

    /**
     * Whether the next value continues a run of finite values: some value was seen and the last was finite. Only
     * then may a kernel summarise the following values itself and {@link #addFiniteRun} them.
     */
    public boolean continuesRun() {
        return count != 0 && !Double.isNaN(last);
    }

    /** y = x - mu0 of the last value added (NaN when it was not finite or nothing was added). */
    public double lastDeviation() {
        return last;
    }

    /**
     * Adds the totals of k finite values that directly follow this summary's values (which must
     * {@link #continuesRun}), summed by a kernel elsewhere with the arithmetic of {@link #addChunk}: in storage
     * order, y = x - mu0, sums of y, y², y⁴ and of the lag products starting with {@link #lastDeviation}·y_1.
     *
     * @param k      values in the run (0 adds nothing)
     * @param lo     min(min(), values) and {@code hi} likewise the max: the extremes so far, run included
     * @param beyond values of the run with |y| &gt; tailCut
     * @param lastY  y of the run's last value
     */
    public void addFiniteRun(int k, double sumY, double sumY2, double sumY4, double sumLag, double lo, double hi,
                             long beyond, double lastY) {
        if (k == 0) {
            return;
        }
        if (!continuesRun()) {
            throw new IllegalStateException("a run must follow a finite value");
        }
        count += k;
        s1.add(sumY);
        s2.add(sumY2);
        s4.add(sumY4);
        lag.add(sumLag);
        last = lastY;
        min = lo;
        max = hi;
        // max |x - center| is reached at the smallest or the largest value
        maxAbs = Math.max(maxAbs, Math.max(Math.abs(lo - center), Math.abs(hi - center)));
        beyondTail += beyond;
    }

    /**
     * For 16-bit floats (float16, bfloat16): adds the values whose bit patterns are {@code bits[from..to)} (storage
     * order) to the count, the non-finite count and the lag-1 sum only, and counts each pattern in {@code patterns}
     * (65,536 entries). Every other statistic is order-free and follows from the pattern counts, once, with
     * {@link #addPatternMultiset}: a summary built this way must get exactly one such call over all its chunks'
     * patterns. The lag-1 sum is taken with the arithmetic of {@link #addChunk}.
     *
     * @param valueOfBits the exact value of each pattern (NaN and infinities included), 65,536 entries
     */
    public SampleMoments addLagAndPatterns(short[] bits, int from, int to, long[] patterns, double[] valueOfBits) {
        for (int i = from; i < to; i++) {
            patterns[bits[i] & 0xFFFF]++;
        }
        if (from < to && count == 0) {
            leadingFinite = Double.isFinite(valueOfBits[bits[from] & 0xFFFF]);
        }
        double prev = last;
        int i = from;
        while (i < to) {
            if (prev != prev) { // no finite value just before: a run starts here, or a non-finite value
                double y = valueOfBits[bits[i++] & 0xFFFF] - center;
                if (y - y == 0) {
                    first = first != first ? y : first;
                    prev = y;
                } else {
                    nonFinite++;
                }
                continue;
            }
            double even = 0;
            double odd = 0;
            for (; i + 1 < to; i += 2) { // two products per step into two sums: no wait on one chain
                double y = valueOfBits[bits[i] & 0xFFFF] - center;
                double w = valueOfBits[bits[i + 1] & 0xFFFF] - center;
                if (!(y - y == 0) || !(w - w == 0)) {
                    break;
                }
                even += prev * y;
                odd += y * w;
                prev = w;
            }
            for (; i < to; i++) {
                double y = valueOfBits[bits[i] & 0xFFFF] - center;
                if (!(y - y == 0)) {
                    break;
                }
                even += prev * y;
                prev = y;
            }
            lag.add(even + odd);
            if (i < to) { // the non-finite value that ended the run: no lag product across it
                nonFinite++;
                prev = Double.NaN;
                i++;
            }
        }
        count += to - from;
        last = prev;
        return this;
    }

    /**
     * Adds the order-free statistics of a multiset of 16-bit float values given by pattern counts (see
     * {@link #addLagAndPatterns}): the sums of y, y² and y⁴ (each distinct value once, times its count), the
     * extremes and the tail count. Exact up to one rounding per distinct value.
     *
     * @param valueOfBits the exact value of each pattern, as given to {@link #addLagAndPatterns}
     */
    public SampleMoments addPatternMultiset(long[] patterns, double[] valueOfBits) {
        for (int bits = 0; bits < patterns.length; bits++) {
            long k = patterns[bits];
            if (k == 0) {
                continue;
            }
            double x = valueOfBits[bits];
            double y = x - center;
            if (!(y - y == 0)) {
                continue; // counted as non-finite already
            }
            double y2 = y * y;
            s1.add(k * y);
            s2.add(k * y2);
            s4.add(k * (y2 * y2));
            min = x < min ? x : min;
            max = x > max ? x : max;
            maxAbs = Math.max(maxAbs, Math.abs(y));
            beyondTail += Math.abs(y) > tailCut ? k : 0;
        }
        return this;
    }

    /** Adds {@code values} in order, in chunks of 2^16 values as the readers deliver them ({@link #addChunk}). */
    public SampleMoments addAll(double[] values) {
        for (int from = 0; from < values.length; from += ALL_CHUNK) {
            addChunk(values, from, Math.min(values.length, from + ALL_CHUNK));
        }
        return this;
    }

    private static final int ALL_CHUNK = 1 << 16;

    /**
     * Adds the lag product of the value just before this summary's first value, for a piece of a tensor summarised
     * without its predecessor: (previous − mu0)·(first − mu0) when both are finite, as {@link #merge} would add it.
     */
    public SampleMoments addLagBefore(double previous) {
        if (count > 0 && leadingFinite && previous - previous == 0) {
            lag.add((previous - center) * first);
        }
        return this;
    }

    /**
     * Adds {@code other}'s values without the lag product across the boundary (each piece took it with
     * {@link #addLagBefore}): every sum and count adds; the first finite value and the last value are taken from
     * the piece the caller says holds them (pieces are disjoint ranges of one tensor). Merging pieces this way in
     * any order and grouping gives the same summary as merging them in storage order.
     *
     * @param otherHoldsFirst whether {@code other} holds the earlier of the two pieces' first finite values
     * @param otherHoldsLast  whether {@code other}'s values end later in storage order
     * @throws IllegalArgumentException if the two summaries use a different center or tail cut
     */
    public SampleMoments mergeUnordered(SampleMoments other, boolean otherHoldsFirst, boolean otherHoldsLast) {
        sameFrame(other);
        double firstOf = otherHoldsFirst ? other.first : first;
        boolean leading = otherHoldsFirst ? other.leadingFinite : leadingFinite;
        double lastOf = otherHoldsLast ? other.last : last;
        addSums(other);
        first = firstOf;
        leadingFinite = leading;
        last = lastOf;
        return this;
    }

    private void sameFrame(SampleMoments other) {
        if (Double.compare(center, other.center) != 0 || Double.compare(tailCut, other.tailCut) != 0) {
            throw new IllegalArgumentException("cannot merge summaries about different centers or tail cuts");
        }
    }

    private void addSums(SampleMoments next) {
        count += next.count;
        nonFinite += next.nonFinite;
        beyondTail += next.beyondTail;
        s1.merge(next.s1);
        s2.merge(next.s2);
        s4.merge(next.s4);
        lag.merge(next.lag);
        min = Math.min(min, next.min);
        max = Math.max(max, next.max);
        maxAbs = Math.max(maxAbs, next.maxAbs);
    }

    /**
     * Adds {@code next}'s values to this summary, as if they followed in storage order.
     *
     * @throws IllegalArgumentException if the two summaries use a different center or tail cut
     */
    public SampleMoments merge(SampleMoments next) {
        sameFrame(next);
        if (!Double.isNaN(last) && next.leadingFinite) {
            lag.add(last * next.first);
        }
        if (count == 0) {
            leadingFinite = next.leadingFinite;
        }
        addSums(next);
        first = Double.isNaN(first) ? next.first : first;
        last = next.count > 0 ? next.last : last;
        return this;
    }

    /** The declared mean mu0 the sums are taken about. */
    public double center() {
        return center;
    }

    public double tailCut() {
        return tailCut;
    }

    /** Number of values seen, finite or not. */
    public long count() {
        return count;
    }

    /** Number of finite values: the n of every statistic. */
    public long n() {
        return count - nonFinite;
    }

    public long nonFiniteCount() {
        return nonFinite;
    }

    /** Sample mean of the finite values: mu0 + Σy/n. */
    public double mean() {
        return center + s1.value() / n();
    }

    /** Σ (x - mu0). */
    public double sumDeviations() {
        return s1.value();
    }

    /** Σ (x - mu0)². */
    public double sumSquares() {
        return s2.value();
    }

    /** Σ (x - mu0)⁴. */
    double sumFourthPowers() {
        return s4.value();
    }

    /** Σ (x_i - mu0)(x_(i+1) - mu0) over consecutive finite pairs. */
    double sumLagProducts() {
        return lag.value();
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** max |x - mu0|. */
    public double maxAbsDeviation() {
        return maxAbs;
    }

    /** Number of values with |x - mu0| &gt; tailCut. */
    public long beyondTail() {
        return beyondTail;
    }

    /** Σ(y_i - ȳ)² = Q - nȳ², the denominator of r1: 0 (or a rounding residue) when every value is equal. */
    public double centralSumSquares() {
        long n = n();
        if (n == 0 || min == max) {
            return 0;
        }
        double ybar = s1.value() / n;
        return s2.value() - n * ybar * ybar;
    }

    /**
     * Lag-1 autocorrelation r1 = Σ(y_i - ȳ)(y_(i+1) - ȳ) / Σ(y_i - ȳ)², expanded into the stored sums:
     * numerator = L - ȳ(2S - y_1 - y_n) + (n-1)ȳ², denominator = Q - nȳ².
     */
    public double lag1Correlation() {
        long n = n();
        double ybar = s1.value() / n;
        double num = lag.value() - ybar * (2 * s1.value() - first - last) + (n - 1) * ybar * ybar;
        double den = s2.value() - n * ybar * ybar;
        return num / den;
    }
}
