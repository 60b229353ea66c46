package dev.initcheck.summary;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import java.util.EnumSet;
import java.util.Set;

/**
 * Cells of a uniform grid in x-space, sized so that every cell has probability at most 1/B under the declared law:
 * a value goes to cell j = floor((x - lo)·s), clamped to [0, M), by arithmetic alone — no CDF evaluation and no
 * search per sample (ANCHORS §3's probability-integral-transform bins, in x-space).
 *
 * <p>Exactness despite rounding: the map x -> j is monotone in floating point, so for each i the set
 * {x : j(x) < i} is {x < t_i} with t_i the smallest double mapped to cell i; t_i is found exactly once here
 * (a few ulp steps from lo + i/s) and p_i = F(t_i) computed at it. Counting then yields C_i = #{x < t_i} exactly,
 * which is what the KS bounds need.
 *
 * <p>Grid range: the support for a bounded law whose mass spreads over it; [F^{-1}(1/(2B)), F^{-1}(1 - 1/(2B))]
 * otherwise (unbounded, or cut-offs far out), the two tails then clamped into the end cells (mass at most 1/(2B)
 * each). Cell count M = ceil(B·f_max·range), f_max the law's largest density, so an interior cell has mass at
 * most 1/B and an end cell at most 1/(2B) plus the (tiny) mass of one cell where the density is lowest.
 *
 * <p>Stored values ({@link StoredLaw}): p_i = P(Y &lt; t_i) = F(cellLower(ceil(t_i))), the law of the rounded value,
 * so the counts are compared with what a correct stored tensor gives. A cell holding at most one grid value adds
 * nothing to D_hi - D_lo (both CDFs are flat in it apart from that value's jump, seen at both of its ends), so the
 * resolution is the largest mass of a cell with two or more grid values: in bfloat16, where a grid value near the
 * mode carries about 0.3% of the mass, the bounds stay within 1/B.
 */
public final class BinEdges {
    /** Largest grid this class builds (cells); finer requests are refused. */
    static final int MAX_CELLS = 1 << 23;
    /** The families with a continuous, unimodal density and i.i.d. entries, which a binned summary describes. */
    private static final Set<Family> STREAMABLE = EnumSet.of(Family.UNIFORM, Family.NORMAL, Family.TRUNCATED_NORMAL);

    private final Distribution law;
    private final StoredLaw stored;
    private final int resolutionBins;
    private final double low;
    private final double scale;
    private final int cells;
    private final double[] thresholds; // t_1..t_{M-1} (index i-1)
    private final double[] cdfAtThresholds;
    private final double resolution;

    private BinEdges(StoredLaw stored, int resolutionBins) {
        if (resolutionBins < 2) {
            throw new IllegalArgumentException("bins must be >= 2, got " + resolutionBins);
        }
        Distribution law = stored.declared();
        this.law = law;
        this.stored = stored;
        this.resolutionBins = resolutionBins;
        double tail = 0.5 / resolutionBins;
        double qLow = law.inverseCdf(tail);
        double qHigh = law.inverseCdf(1 - tail);
        // grid the whole support unless almost all of it carries no mass (e.g. trunc_normal(std=0.02) cut at ±2)
        boolean wholeSupport = law.isBounded() && qHigh - qLow > 0.5 * (law.upperBound() - law.lowerBound());
        this.low = wholeSupport ? law.lowerBound() : qLow;
        double high = wholeSupport ? law.upperBound() : qHigh;
        double m = Math.ceil(resolutionBins * maxDensity(law) * (high - low));
        if (!(m >= 2 && m <= MAX_CELLS)) {
            throw new IllegalArgumentException("cannot grid " + law.describe() + " into " + m + " cells");
        }
        this.cells = (int) m;
        this.scale = cells / (high - low);
        this.thresholds = new double[cells - 1];
        this.cdfAtThresholds = new double[cells - 1];
        java.util.stream.IntStream.range(1, cells).parallel().forEach(i -> {
            thresholds[i - 1] = firstOfCell(i);
            cdfAtThresholds[i - 1] = stored.cdfBelow(thresholds[i - 1]);
        });
        this.resolution = computeResolution();
    }

    /** A grid for {@code law} (values compared as they are) whose cells each have probability at most about 1/B. */
    public static BinEdges of(Distribution law, int bins) {
        return new BinEdges(StoredLaw.continuous(law), bins);
    }

    /**
     * A grid for values of {@code law} stored in {@code precision}, compared with their exact stored law. Grids are
     * immutable and cached (up to {@value #CACHE_SIZE}, then the cache starts again): the tensors of a model share
     * a few laws, and a grid costs one stored-law CDF per cell.
     */
    public static BinEdges of(Distribution law, Precision precision, int bins) {
        if (CACHE.size() > CACHE_SIZE) {
            CACHE.clear();
        }
        // a text key: the law's family and exact parameters (Double.toString round-trips), precision and bins
        String key = law.family().id() + law.parameters() + "|" + precision + "|" + bins;
        return CACHE.computeIfAbsent(key, k -> new BinEdges(StoredLaw.of(law, precision), bins));
    }

    private static final int CACHE_SIZE = 16; // a grid of 2^16 bins holds a few MB
    private static final java.util.Map<String, BinEdges> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The law the counts are compared with. */
    StoredLaw stored() {
        return stored;
    }

    /** The density's maximum, at the mode (the parent mean clamped to the support for a truncated normal). */
    static double maxDensity(Distribution law) {
        if (!STREAMABLE.contains(law.family())) {
            throw new IllegalArgumentException("no streaming grid for " + law.describe());
        }
        return law.density(law.mode());
    }

    Distribution law() {
        return law;
    }

    /** The B the grid was built for. */
    int bins() {
        return resolutionBins;
    }

    /** Number of cells M. */
    int cells() {
        return cells;
    }

    /** The grid's left end: cell j starts near low + j/scale. */
    double low() {
        return low;
    }

    /** Cells per unit of x. */
    double scale() {
        return scale;
    }

    /** The cell of a finite x: floor((x - low)·scale), clamped to [0, M). */
    int bin(double x) {
        int j = (int) ((x - low) * scale);
        return j < 0 ? 0 : (j >= cells ? cells - 1 : j);
    }

    /** t_i, i = 1..M-1: the smallest double in cell i. */
    double edge(int i) {
        return thresholds[i - 1];
    }

    /** F(t_i). */
    double cdfAtEdge(int i) {
        return cdfAtThresholds[i - 1];
    }

    /**
     * D_hi - D_lo: the largest probability of a cell, max_i (p_{i+1} - p_i) with p_0 = 0, p_M = 1, over the cells
     * that can hold two or more distinct stored values (all cells for float64).
     */
    double maxBinMass() {
        return resolution;
    }

    private double computeResolution() {
        double max = 0;
        for (int i = 0; i < cells; i++) {
            double from = i == 0 ? Double.NEGATIVE_INFINITY : thresholds[i - 1];
            double to = i == cells - 1 ? Double.POSITIVE_INFINITY : thresholds[i];
            if (atMostOneGridValue(from, to)) {
                continue;
            }
            double p0 = i == 0 ? 0 : cdfAtThresholds[i - 1];
            double p1 = i == cells - 1 ? 1 : cdfAtThresholds[i];
            max = Math.max(max, p1 - p0);
        }
        return max;
    }

    /** True when [from, to) holds at most one value of a float16/bfloat16 format (never otherwise). */
    private boolean atMostOneGridValue(double from, double to) {
        Precision p = stored.precision();
        if (!stored.enumerated() || Double.isInfinite(from) || Double.isInfinite(to)) {
            return false;
        }
        double g = p.ceil(from);
        return !(p.nextUp(g) < to);
    }

    /**
     * The smallest double x with bin(x) >= i: a few ulp steps from the real-number boundary, else (near 0, where
     * the boundary's absolute rounding spans many ulps) bisection over the doubles in their bit order (at most 64
     * steps) between a value below the cell and one inside or above it.
     */
    private double firstOfCell(int i) {
        double t = low + i / scale; // usually within an ulp or two of the threshold
        for (int step = 0; step < 4; step++) {
            boolean inside = bin(t) >= i;
            double prev = Math.nextDown(t);
            if (inside && bin(prev) < i) {
                return t;
            }
            t = inside ? prev : Math.nextUp(t);
        }
        double below = low + (i - 1.5) / scale;
        while (bin(below) >= i) {
            below -= 1 / scale;
        }
        double above = low + (i + 1) / scale;
        long a = orderedBits(below);
        long b = orderedBits(above);
        while (b - a > 1) {
            long mid = a + (b - a) / 2;
            if (bin(fromOrderedBits(mid)) >= i) {
                b = mid;
            } else {
                a = mid;
            }
        }
        return fromOrderedBits(b);
    }

    /** A long whose signed order is the numeric order of finite doubles (-0.0 just below +0.0). */
    static long orderedBits(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    static double fromOrderedBits(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }
}
