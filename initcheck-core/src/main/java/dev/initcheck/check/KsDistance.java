package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * sup_x |F_s(x) - F(x)| for a law F and the same law scaled by s about its mean c, F_s(x) = F(c + (x - c)/s)
 * (the whole law scaled, cut-offs included). Evaluated on the quantiles of both laws (which contain every kink,
 * e.g. the cut-offs of a uniform or truncated normal) and refined by golden-section search around the best grid
 * point (smooth interior maxima, e.g. near ±1 sd for the normal). Quantiles of F are computed once per law.
 *
 * <p>For values stored in float16 or bfloat16 both laws are pushed through the same rounding ({@link StoredLaw}),
 * so their CDFs are step functions that differ only at rounding-cell edges m, where they equal F_s(m) and F(m):
 * every point is then moved to the nearer edges of its cell and the gap is taken there. Each value is a gap
 * between the stored laws, so the result never exceeds their true distance (the power figure stays honest).
 */
final class KsDistance {
    private static final int GRID = 2048;
    private static final int GOLDEN_STEPS = 80;
    private static final double INV_PHI = (Math.sqrt(5) - 1) / 2;

    private final DoubleUnaryOperator cdf;
    private final double center;
    private final double[] quantiles;
    private final Precision grid; // null: continuous
    private final StoredLaw stored;

    KsDistance(Distribution law) {
        this(StoredLaw.continuous(law));
    }

    KsDistance(StoredLaw stored) {
        Distribution law = stored.declared();
        this.grid = stored.enumerated() ? stored.precision() : null;
        this.stored = stored;
        this.cdf = law.cdfOperator();
        this.center = law.mean();
        double[] q = new double[GRID + 1];
        int k = 0;
        for (int i = 0; i <= GRID; i++) {
            double x = law.inverseCdf((double) i / GRID);
            if (Double.isFinite(x)) {
                q[k++] = x;
            }
        }
        this.quantiles = Arrays.copyOf(q, k);
    }

    /** |F(c + (x - c)/s) - F(x)|, at the edges of x's rounding cell for a stored law. */
    private double gap(double x, double s) {
        if (grid == null) {
            return gapAt(x, s);
        }
        double g = grid.round(x);
        if (Double.isInfinite(g)) {
            return 0;
        }
        // F at the cell edges is the stored law's P(Y < g) and P(Y <= g) (a table look-up in bfloat16)
        double lo = grid.cellLower(g);
        double hi = grid.cellUpper(g);
        return Math.max(Math.abs(cdf.applyAsDouble(center + (lo - center) / s) - stored.cdfStrictlyBelow(g)),
                Math.abs(cdf.applyAsDouble(center + (hi - center) / s) - stored.cdfAtOrBelow(g)));
    }

    private double gapAt(double x, double s) {
        return Math.abs(cdf.applyAsDouble(center + (x - center) / s) - cdf.applyAsDouble(x));
    }

    /** sup_x |F_s(x) - F(x)| for scale factor s &gt; 0. */
    double at(double s) {
        // both point sets ascend (s > 0): merged, not sorted
        int m = quantiles.length;
        double[] pts = new double[2 * m];
        int i = 0;
        int j = 0;
        for (int k = 0; k < pts.length; k++) {
            double scaled = j < m ? center + s * (quantiles[j] - center) : Double.POSITIVE_INFINITY;
            if (i < m && quantiles[i] <= scaled) {
                pts[k] = quantiles[i++];
            } else {
                pts[k] = scaled;
                j++;
            }
        }
        int best = 0;
        double bestGap = -1;
        for (int k = 0; k < pts.length; k++) {
            double g = gap(pts[k], s);
            if (g > bestGap) {
                bestGap = g;
                best = k;
            }
        }
        double a = pts[Math.max(0, best - 1)];
        double b = pts[Math.min(pts.length - 1, best + 1)];
        return Math.max(bestGap, golden(a, b, s));
    }

    private double golden(double a, double b, double s) {
        double x1 = b - INV_PHI * (b - a);
        double x2 = a + INV_PHI * (b - a);
        double g1 = gap(x1, s);
        double g2 = gap(x2, s);
        for (int i = 0; i < GOLDEN_STEPS && b - a > 0; i++) {
            if (g1 >= g2) {
                b = x2;
                x2 = x1;
                g2 = g1;
                x1 = b - INV_PHI * (b - a);
                g1 = gap(x1, s);
            } else {
                a = x1;
                x1 = x2;
                g1 = g2;
                x2 = a + INV_PHI * (b - a);
                g2 = gap(x2, s);
            }
        }
        return Math.max(g1, g2);
    }
}
