package dev.initcheck.distribution;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The law of a weight <em>as stored</em>: Y = round(X) for X from the declared law, where round is
 * round-to-nearest-even into the storage format ({@link Precision#round}). Y takes the format's values g only, with
 * P(Y = g) = F(cellUpper(g)) - F(cellLower(g)) (ANCHORS §6), so P(Y &lt; t) = F(cellLower(ceil(t))) and
 * P(Y &lt;= g) = F(cellUpper(g)): the declared CDF evaluated at the rounding-cell edges. Testing stored values
 * against this law instead of the continuous F removes the fixed gap that rounding opens (up to 0.0019 in
 * bfloat16, which no sample size closes); in float64 the cells are points and Y = X.
 *
 * <p>In float16 and bfloat16 the law's atoms (at most 65,536) are enumerated once, so its mean, second and fourth
 * moments, support, tail probability and collision probability are exact sums, and the CDF is taken at the cell
 * edges. A value may pass through float32 before it is stored in float16 or bfloat16 (PyTorch samples
 * reduced-precision tensors in float and casts); rounding twice moves each cell edge by at most half a float32
 * ulp, so the CDF of the stored value differs from this law's by at most {@link #ksSlack()}.
 *
 * <p>In float32 the cells are 2^-24 relative wide: the CDF is taken at the value itself (one evaluation per value
 * on the sorted path), which differs from the stored law's by at most the same {@link #ksSlack()}, and the
 * moments are the declared law's, which rounding moves by at most 2^-23 relative ({@link #momentSlack()}). The KS
 * gate adds {@link #ksSlack()} to its threshold, which keeps its guarantee exact for the stored value.
 */
public final class StoredLaw {
    /** Normal laws are enumerated over mean ± this many sd: beyond it the parent mass is below 1e-320. */
    static final double NORMAL_RANGE_SD = 40;

    /**
     * Cells narrower than this many sd (near 0) get density × width: a CDF difference of two numbers near 1/2
     * would cancel to 0, while the midpoint rule is exact there to (width/sd)²/24 &lt; 1e-13 relative.
     */
    private static final double NARROW_CELL = 1e-6;

    private final Distribution law;
    private final Precision precision;
    private final DoubleUnaryOperator cdf;
    private volatile Atoms atoms;

    private StoredLaw(Distribution law, Precision precision) {
        this.law = Objects.requireNonNull(law, "law");
        this.precision = Objects.requireNonNull(precision, "precision");
        this.cdf = law.cdfOperator();
    }

    private static final int CACHE_SIZE = 256;
    private static final java.util.Map<StoredLaw, StoredLaw> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The law of values of {@code law} stored in {@code precision} (one shared instance per law, atoms kept).
     *
     * @param law the declared, continuous law
     * @param precision the storage format
     * @return the law of round(X), rounding to nearest even into the format
     * @throws NullPointerException when either argument is null
     */
    public static StoredLaw of(Distribution law, Precision precision) {
        StoredLaw fresh = new StoredLaw(law, precision);
        if (CACHE.size() > CACHE_SIZE) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(fresh, k -> fresh);
    }

    /**
     * The continuous law itself (values compared as they are, float64).
     *
     * @param law the declared law
     * @return the law in FLOAT64, where Y = X
     * @throws NullPointerException when law is null
     */
    public static StoredLaw continuous(Distribution law) {
        return new StoredLaw(law, Precision.FLOAT64);
    }

    /**
     * The declared law X.
     *
     * @return the continuous law the values were drawn from
     */
    public Distribution declared() {
        return law;
    }

    /**
     * The storage format.
     *
     * @return the format Y is rounded into
     */
    public Precision precision() {
        return precision;
    }

    /**
     * Whether the atoms are enumerated: true for float16 and bfloat16, whose moments are then exact sums.
     *
     * @return true for FLOAT16 and BFLOAT16
     */
    public boolean enumerated() {
        return precision == Precision.FLOAT16 || precision == Precision.BFLOAT16;
    }

    /**
     * P(Y &lt; t) = F(cellLower(ceil(t))) for any real t (F(t) where the cells are not resolved: float32, float64).
     *
     * @param t any real number
     * @return the probability, in [0, 1]
     */
    public double cdfBelow(double t) {
        if (!enumerated()) {
            return cdf.applyAsDouble(t);
        }
        double g = precision.ceil(t);
        return g == Double.POSITIVE_INFINITY ? cdf.applyAsDouble(precision.cellUpper(precision.maxFinite()))
                : cdf.applyAsDouble(precision.cellLower(g));
    }

    /**
     * P(Y &lt; g) = F(cellLower(g)) for a value g of the format (F(g) for float32, float64).
     *
     * @param g a value of the format
     * @return the probability, in [0, 1]
     */
    public double cdfStrictlyBelow(double g) {
        double[][] table = precision == Precision.BFLOAT16 && g - g == 0 ? bf16Edges() : null;
        if (table != null) {
            return table[0][Precision.bfloat16Bits(g)];
        }
        return cdf.applyAsDouble(enumerated() ? precision.cellLower(g) : g);
    }

    /**
     * P(Y &lt;= g) = F(cellUpper(g)) for a value g of the format (F(g) for float32, float64).
     *
     * @param g a value of the format
     * @return the probability, in [0, 1]
     */
    public double cdfAtOrBelow(double g) {
        double[][] table = precision == Precision.BFLOAT16 && g - g == 0 ? bf16Edges() : null;
        if (table != null) {
            return table[1][Precision.bfloat16Bits(g)];
        }
        return cdf.applyAsDouble(enumerated() ? precision.cellUpper(g) : g);
    }

    /** F at the lower and upper edges of the rounding cell of every finite bfloat16 value, by bit pattern. */
    private volatile java.lang.ref.SoftReference<double[][]> bf16Edges;
    /** Edge CDFs computed directly so far: the table is built once they reach {@link #TABLE_AFTER}. */
    private final java.util.concurrent.atomic.AtomicLong directEdges = new java.util.concurrent.atomic.AtomicLong();
    private static final long TABLE_AFTER = 1 << 17;

    /**
     * The bfloat16 cell-edge CDFs (131,072 CDF evaluations, 1 MiB), or null while this law has needed fewer than
     * {@value #TABLE_AFTER} edge CDFs: a law that serves many values (a large tensor's exact KS, a power figure)
     * then costs a look-up per edge instead of a CDF evaluation, with the same numbers, and a law that serves a
     * small tensor never builds it. Held softly, so that laws kept in caches cannot pin it.
     */
    private double[][] bf16Edges() {
        java.lang.ref.SoftReference<double[][]> ref = bf16Edges;
        double[][] t = ref == null ? null : ref.get();
        if (t == null && directEdges.incrementAndGet() > TABLE_AFTER) {
            double[] lower = new double[1 << 16];
            double[] upper = new double[1 << 16];
            for (int bits = 0; bits < 1 << 16; bits++) {
                double g = Precision.bfloat16Value(bits);
                if (g - g == 0) {
                    lower[bits] = cdf.applyAsDouble(precision.cellLower(g));
                    upper[bits] = cdf.applyAsDouble(precision.cellUpper(g));
                }
            }
            t = new double[][] {lower, upper};
            bf16Edges = new java.lang.ref.SoftReference<>(t);
        }
        return t;
    }

    /**
     * How far the CDF the KS check compares with may be from the stored value's: half a float32 cell, for a value
     * rounded through float32 before float16/bfloat16 or compared at its own value in float32,
     * sup_x f(x)·ulp32(x)/2 &lt;= 2^-24·f_max·max|x| over the law's range (plus the float32 subnormal spacing);
     * about 1e-6 for a normal, far below any KS gate at n &lt;= 10^11. 0 in float64.
     *
     * @return the bound on |F_stored - F_compared|, 0 in float64
     */
    public double ksSlack() {
        if (precision == Precision.FLOAT64) {
            return 0;
        }
        double[] r = effectiveRange(law);
        double reach = Math.max(Math.abs(r[0]), Math.abs(r[1]));
        return maxDensity(law) * (Math.scalb(reach, -24) + Math.scalb(1.0, -150));
    }

    /**
     * In float32, the relative amount u = 2^-24 by which rounding may move a value, and so (2u + u²) by which it
     * may move a second moment; 0 where the moments are exact (float16, bfloat16 and float64).
     *
     * @return 2u + u² with u = 2^-24 in float32, else 0
     */
    public double momentSlack() {
        return precision == Precision.FLOAT32 ? precision.unitRoundoff() : 0;
    }

    /**
     * E[(Y - c)^k] for k = 1, 2, 4. Exact when {@link #enumerated()}, the declared law's otherwise.
     *
     * @param c the centre; for k = 4 in float32 and float64 it must be the declared mean
     * @param k 1, 2 or 4
     * @return the moment
     * @throws IllegalArgumentException for another k, or k = 4 about a point other than the mean when not enumerated
     */
    public double momentAbout(double c, int k) {
        if (enumerated()) {
            Atoms a = atoms();
            double s = 0;
            for (int i = 0; i < a.value.length; i++) {
                double y = a.value[i] - c;
                double y2 = y * y;
                s += a.prob[i] * (k == 1 ? y : k == 2 ? y2 : y2 * y2);
            }
            return s;
        }
        double shift = law.mean() - c;
        return switch (k) {
            case 1 -> shift;
            case 2 -> law.variance() + shift * shift;
            case 4 -> {
                if (shift != 0) {
                    throw new IllegalArgumentException("fourth moment only about the mean");
                }
                yield law.fourthCentralMoment();
            }
            default -> throw new IllegalArgumentException("k must be 1, 2 or 4, got " + k);
        };
    }

    /**
     * max |Y - c| over the support of Y.
     *
     * @param c the centre
     * @return the largest distance; infinite for an unbounded law that is not enumerated
     */
    public double maxAbsAbout(double c) {
        if (enumerated()) {
            Atoms a = atoms();
            return Math.max(Math.abs(a.value[0] - c), Math.abs(a.value[a.value.length - 1] - c));
        }
        return Math.max(law.upperBound() - c, c - law.lowerBound());
    }

    /**
     * P(|Y - c| &gt; cut) with the difference taken in double arithmetic, exactly as {@code SampleMoments} counts
     * its tail: the grid values on each side where the count starts are found, and the law's mass beyond their
     * cell edges is summed.
     *
     * @param c the centre
     * @param cut the distance, &ge; 0
     * @return P(|Y - c| &gt; cut) as SampleMoments counts it
     */
    public double probabilityBeyond(double c, double cut) {
        double g = precision.ceil(c + cut); // smallest grid value g with g - c > cut, found by stepping
        if (Double.isInfinite(g)) {
            g = precision.maxFinite();
        }
        while (g > -precision.maxFinite() && precision.nextDown(g) - c > cut) {
            g = precision.nextDown(g);
        }
        while (!(g - c > cut) && g < precision.maxFinite()) {
            g = precision.nextUp(g);
        }
        double h = -precision.ceil(-(c - cut)); // largest grid value h with h - c < -cut
        if (Double.isInfinite(h)) {
            h = -precision.maxFinite();
        }
        while (h < precision.maxFinite() && precision.nextUp(h) - c < -cut) {
            h = precision.nextUp(h);
        }
        while (!(h - c < -cut) && h > -precision.maxFinite()) {
            h = precision.nextDown(h);
        }
        double upper = g - c > cut ? law.survival(precision.cellLower(g)) : 0;
        double lower = h - c < -cut ? cdf.applyAsDouble(precision.cellUpper(h)) : 0;
        return upper + lower;
    }

    /**
     * An upper bound on the probability that two independent stored values are equal, q = Σ_g P(Y = g)²: exact
     * in float16 and bfloat16; in float32 and float64 bounded by max_g P(Y = g) &lt;= max over binades of the
     * cell width times the largest density in that binade (the laws here are unimodal), so it holds for a law
     * centred anywhere, e.g. N(1, 1e-4) whose cells near 1 carry 5e-4 each in float32.
     *
     * @return q (exact) or its upper bound
     */
    public double collisionProbability() {
        if (enumerated()) {
            Atoms a = atoms();
            double q = 0;
            for (double p : a.prob) {
                q += p * p;
            }
            return Math.min(1, q);
        }
        double[] r = effectiveRange(law);
        double worst = 0;
        for (int side = -1; side <= 1; side += 2) {
            double from = side < 0 ? Math.max(0, -r[1]) : Math.max(0, r[0]);
            double to = side < 0 ? -r[0] : r[1];
            if (!(to > from)) {
                continue;
            }
            int e = Math.max(Math.getExponent(Math.max(from, Double.MIN_NORMAL)), -1075);
            for (; Math.scalb(1.0, e) <= to; e++) {
                double a = Math.max(from, Math.scalb(1.0, e));
                double b = Math.min(to, Math.scalb(1.0, e + 1));
                double lo = side < 0 ? -b : a;
                double hi = side < 0 ? -a : b;
                double width = precision == Precision.FLOAT64 ? Math.ulp(b) : precision.ulp(a);
                worst = Math.max(worst, width * maxDensityOn(law, lo, hi));
            }
            double small = Math.min(to, Math.scalb(1.0, Math.getExponent(Math.max(from, Double.MIN_NORMAL))));
            worst = Math.max(worst, precision.ulp(0) * maxDensityOn(law, side < 0 ? -small : from,
                    side < 0 ? -from : small));
        }
        return Math.min(1, worst);
    }

    /**
     * The atoms g with P(Y = g) &gt; 0, ascending (float16 and bfloat16 only; enumerated once, then kept).
     *
     * @return the atoms and their probabilities
     * @throws IllegalStateException in float32 and float64
     */
    public Atoms atoms() {
        if (!enumerated()) {
            throw new IllegalStateException("atoms are enumerated only for float16 and bfloat16");
        }
        Atoms a = atoms;
        if (a == null) {
            a = enumerate();
            atoms = a;
        }
        return a;
    }

    /**
     * Values and probabilities of a discrete law, ascending.
     *
     * @param value the atoms g, ascending (shared arrays: do not modify)
     * @param prob P(Y = g) for each atom
     */
    public record Atoms(double[] value, double[] prob) {
    }

    private Atoms enumerate() {
        double[] r = effectiveRange(law);
        double g = Math.max(precision.round(r[0]), -precision.maxFinite());
        double end = Math.min(precision.round(r[1]), precision.maxFinite());
        double median = law.inverseCdf(0.5);
        double narrow = NARROW_CELL * law.standardDeviation();
        double[] v = new double[1024];
        double[] p = new double[1024];
        int k = 0;
        while (g <= end) {
            double lo = precision.cellLower(g);
            double hi = precision.cellUpper(g);
            double mass = hi - lo < narrow ? law.density(g) * (hi - lo)
                    : hi <= median ? cdf.applyAsDouble(hi) - cdf.applyAsDouble(lo)
                    : law.survival(lo) - law.survival(hi);
            if (mass > 0) {
                if (k == v.length) {
                    v = Arrays.copyOf(v, 2 * k);
                    p = Arrays.copyOf(p, 2 * k);
                }
                v[k] = g + 0.0;
                p[k++] = mass;
            }
            if (g == end) {
                break;
            }
            g = precision.nextUp(g);
        }
        return new Atoms(Arrays.copyOf(v, k), Arrays.copyOf(p, k));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredLaw s && s.law.equals(law) && s.precision == precision;
    }

    @Override
    public int hashCode() {
        return 31 * law.hashCode() + precision.hashCode();
    }

    /**
     * The declared law's description and the format.
     *
     * @return e.g. {@code N(0.00000, sd=0.0200000) stored in bfloat16}; the declared law's own in float64
     */
    public String describe() {
        String d = description; // kept: cache keys of every check name the law by it
        if (d == null) {
            d = precision == Precision.FLOAT64 ? law.describe() : law.describe() + " stored in " + precision.id();
            description = d;
        }
        return d;
    }

    private volatile String description;

    @Override
    public String toString() {
        return describe();
    }

    /**
     * The interval that carries all of the law's mass in double precision: the support when bounded, mean ± 40 sd
     * for the normal (the mass beyond is below 1e-320).
     */
    private static double[] effectiveRange(Distribution law) {
        if (law.isBounded()) {
            return new double[] {law.lowerBound(), law.upperBound()};
        }
        double reach = NORMAL_RANGE_SD * law.standardDeviation();
        return new double[] {law.mean() - reach, law.mean() + reach};
    }

    /** The density's maximum, at the mode. */
    private static double maxDensity(Distribution law) {
        return law.density(law.mode());
    }

    /** The largest density on [a, b]: at the point of [a, b] nearest the mode (the laws here are unimodal). */
    private static double maxDensityOn(Distribution law, double a, double b) {
        return law.density(Math.max(a, Math.min(b, law.mode())));
    }
}
