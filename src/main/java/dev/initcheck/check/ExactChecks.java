package dev.initcheck.check;

import dev.initcheck.distribution.PointMass;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deterministic checks: they spend no false-alarm budget because a correct initializer cannot fail them.
 *
 * <p><b>finite</b>: no NaN or infinity. <b>point_mass</b>: every value equals the constant c up to one ulp of c
 * in the stored precision (a constant 0.1 is stored as the nearest float). <b>orthogonality</b>: on the 2-D view
 * (rows × cols), W·Wᵀ = gain²·I when rows &lt;= cols, else Wᵀ·W = gain²·I; statistic max |entry - target|,
 * tolerance gain²·(2 + 16·d)·u with d = max(rows, cols) and u the unit roundoff of the stored precision:
 * rounding each entry perturbs a Gram entry by at most (2u + u²)·gain² (Cauchy–Schwarz), and Householder QR
 * leaves an orthogonality error of order d·u (Higham, Accuracy and Stability of Numerical Algorithms, 2002,
 * §19.3), which the factor 16·d covers with room.
 */
final class ExactChecks {
    private ExactChecks() {
    }

    static CheckResult finite(SampleMoments m) {
        long bad = m.nonFiniteCount();
        String msg = bad == 0 ? "all " + m.count() + " values are finite numbers"
                : bad + " of " + m.count() + " values are NaN or infinite: the tensor is corrupt, and the"
                + " statistical checks were not run";
        return CheckResult.hard(CheckName.FINITE, bad == 0, bad, 0, Double.NaN, msg, Map.of());
    }

    static CheckResult pointMass(SampleMoments m, PointMass law, Precision p) {
        double c = law.value();
        double slack = p.ulp(c);
        double dev = m.maxAbsDeviation();
        boolean passed = dev <= slack;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("min", m.min());
        d.put("max", m.max());
        String msg = passed ? "every value equals " + Fmt.num(c) + " (up to " + p.id() + " rounding)"
                : "values range over [" + Fmt.num(m.min()) + ", " + Fmt.num(m.max()) + "] but the scheme sets every"
                + " weight to " + Fmt.num(c) + " (largest difference " + Fmt.num(dev) + ", allowed " + Fmt.num(slack)
                + ")";
        return CheckResult.hard(CheckName.POINT_MASS, passed, dev, slack, Double.NaN, msg, d);
    }

    /** The orthogonality tolerance gain²·(2 + 16·d)·u. */
    static double orthogonalityTolerance(double gain, long d, Precision p) {
        return gain * gain * (2 + 16.0 * d) * p.unitRoundoff();
    }

    static CheckResult orthogonality(double[] w, int rows, int cols, double gain, Precision p) {
        boolean byRows = rows <= cols;
        int k = byRows ? rows : cols;
        int len = byRows ? cols : rows;
        double[] v = byRows ? w : transpose(w, rows, cols);
        double target = gain * gain;
        double worst = 0;
        int wi = 0;
        int wj = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double dev = Math.abs(dot(v, i * len, j * len, len) - (i == j ? target : 0));
                if (dev > worst || Double.isNaN(dev)) {
                    worst = dev;
                    wi = i;
                    wj = j;
                }
            }
        }
        double tol = orthogonalityTolerance(gain, Math.max(rows, cols), p);
        boolean passed = worst <= tol;
        String gram = byRows ? "W·Wᵀ" : "Wᵀ·W";
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("worst_entry", "(" + wi + ", " + wj + ")");
        d.put("product", gram);
        String msg = passed
                ? gram + " equals " + Fmt.num(target) + "·I within " + Fmt.num(worst) + " (allowed " + Fmt.num(tol)
                + " for " + p.id() + ")"
                : gram + " differs from gain²·I = " + Fmt.num(target) + "·I by up to " + Fmt.num(worst) + " at entry ("
                + wi + ", " + wj + ") (allowed " + Fmt.num(tol) + " for " + p.id() + "): the "
                + (byRows ? "rows" : "columns") + " are not orthonormal (times the gain)";
        return CheckResult.hard(CheckName.ORTHOGONALITY, passed, worst, tol, Double.NaN, msg, d);
    }

    private static double dot(double[] v, int a, int b, int len) {
        double s = 0;
        for (int t = 0; t < len; t++) {
            s += v[a + t] * v[b + t];
        }
        return s;
    }

    static double[] transpose(double[] w, int rows, int cols) {
        double[] t = new double[w.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = w[i * cols + j];
            }
        }
        return t;
    }
}
