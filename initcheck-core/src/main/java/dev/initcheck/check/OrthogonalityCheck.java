package dev.initcheck.check;

import dev.initcheck.distribution.OrthogonalEntry;
import dev.initcheck.distribution.Precision;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * <b>orthogonality</b> (hard), orthogonal schemes: on the 2-D view
 * (rows × cols), W·Wᵀ = gain²·I when rows &lt;= cols, else Wᵀ·W = gain²·I; statistic max |entry - target|.
 * The tolerance separates the two errors an honest matrix carries (ANCHORS §6):
 * <ul>
 *   <li>the computation: Householder QR leaves an orthogonality error of order d·u_c (Higham, Accuracy and
 *       Stability of Numerical Algorithms, 2002, §19.3), covered with room by gain²·(2 + 16·d)·u_c, u_c the unit
 *       roundoff of the precision the matrix was computed in: float64 for float64 tensors, float32 otherwise
 *       (frameworks compute QR in float32 and cast to float16/bfloat16);</li>
 *   <li>the storage: rounding each entry by at most u_s·|w| (u_s of the stored precision) moves a Gram entry by
 *       at most (2u_s + u_s²)·gain² (Cauchy–Schwarz on rows of norm gain), plus 2h·sqrt(d)·gain + d·h² for
 *       entries in the subnormal range (h half the smallest subnormal).</li>
 * </ul>
 * d = max(rows, cols). The storage term does not grow with d, so float16/bfloat16 no longer admit non-orthogonal
 * matrices: a 512 × 512 Gaussian matrix deviates by about 0.2, the bfloat16 tolerance is 0.0083·gain².
 * It needs the whole matrix: from a streamed summary it is reported as not run.
 */
final class OrthogonalityCheck extends Check {
    OrthogonalityCheck() {
        super(CheckName.ORTHOGONALITY, false);
    }

    @Override
    boolean appliesTo(Subject s) {
        return s.orthogonal();
    }

    @Override
    CheckResult run(Evidence ev, double alpha) {
        if (ev.matrix() == null) {
            return CheckResult.notRun(CheckName.ORTHOGONALITY, true, "needs the whole matrix, not a summary");
        }
        long[] rc = ev.subject().expectation().matrixView();
        double gain = ((OrthogonalEntry) ev.subject().law()).gain();
        return check(ev.matrix(), Math.toIntExact(rc[0]), Math.toIntExact(rc[1]), gain, ev.subject().precision());
    }

    /** The orthogonality tolerance: computation error gain²·(2 + 16·d)·u_c plus the storage rounding's share. */
    static double tolerance(double gain, long d, Precision p) {
        double g2 = gain * gain;
        double uc = (p == Precision.FLOAT64 ? Precision.FLOAT64 : Precision.FLOAT32).unitRoundoff();
        double computed = g2 * (2 + 16.0 * d) * uc;
        double us = p == Precision.FLOAT64 || p == Precision.FLOAT32 ? 0 : p.unitRoundoff();
        double h = p.ulp(0) / 2;
        double stored = (2 * us + us * us) * (g2 + computed) + 2 * h * Math.sqrt((double) d) * gain + d * h * h;
        return computed + stored;
    }

    static CheckResult check(double[] w, int rows, int cols, double gain, Precision p) {
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
        double tol = tolerance(gain, Math.max(rows, cols), p);
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
