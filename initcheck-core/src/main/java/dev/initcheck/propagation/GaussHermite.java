package dev.initcheck.propagation;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Gauss–Hermite quadrature for the standard normal law: {@code E[h(z)] ≈ Σ w_i·h(x_i)}, z ~ N(0, 1), with the
 * nodes of the probabilists' Hermite polynomial He_n and weights summing to 1.
 *
 * <p>The rule is exact for polynomials of degree ≤ 2n − 1 (so E[z²] = 1 and E[z⁴] = 3 up to rounding) and, for
 * analytic h, converges geometrically with a rate set by the distance of h's nearest complex singularity from
 * the real axis. Nodes come from the eigenvalues of the symmetric Jacobi matrix (Golub and Welsch, Math. Comp.
 * 23, 1969; off-diagonal √k), polished by Newton steps on the orthonormal recurrence
 * {@code p_{k+1} = (x·p_k − √k·p_{k−1}) / √(k+1)}; weights are the Christoffel numbers
 * {@code w_i = 1 / Σ_{k<n} p_k(x_i)²}, accurate even where they are tiny. The rule is made exactly symmetric
 * (x_{n−1−i} = −x_i, equal weights), so E[h(z)·1{z&gt;0}] = E[h(z)]/2 holds to rounding for every even h:
 * E[relu(z)²] = 1/2.
 *
 * <p><b>Trap.</b> For h(z) = f(√q·z) with √q ≫ 1 the integrand varies on a scale 1/√q that the nodes (spacing
 * ≈ π/√(2n) near 0) do not resolve, and at a kink (relu at 0) convergence is only algebraic: with 128 points
 * E[tanh²(10·z)] is off by 3·10⁻², E[relu(z)] by 1.3·10⁻³. {@link ActivationMoments} therefore uses this rule
 * only for analytic activations with q ≤ 1/4 and a panel rule otherwise.
 */
final class GaussHermite {
    /** Points of the rule {@link ActivationMoments} uses. */
    public static final int DEFAULT_POINTS = 128;
    private static final GaussHermite DEFAULT = compute(DEFAULT_POINTS);

    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** The n-point rule, 1 ≤ n ≤ 512. */
    public static GaussHermite of(int n) {
        if (n == DEFAULT_POINTS) {
            return DEFAULT;
        }
        if (n < 1 || n > 512) {
            throw new IllegalArgumentException("Gauss–Hermite points must be in 1..512, got " + n);
        }
        return compute(n);
    }

    /** The {@value #DEFAULT_POINTS}-point rule. */
    public static GaussHermite standard() {
        return DEFAULT;
    }

    public int points() {
        return nodes.length;
    }

    /** Nodes in increasing order. */
    public double[] nodes() {
        return nodes.clone();
    }

    /** Weights for the N(0, 1) probability measure (they sum to 1). */
    public double[] weights() {
        return weights.clone();
    }

    /** E[h(z)], z ~ N(0, 1). Sums from the tails inwards so that tiny terms are not lost. */
    public double expect(DoubleUnaryOperator h) {
        int n = nodes.length;
        double sum = 0;
        for (int lo = 0, hi = n - 1; lo <= hi; lo++, hi--) {
            sum += lo == hi ? weights[lo] * h.applyAsDouble(nodes[lo])
                    : weights[lo] * h.applyAsDouble(nodes[lo]) + weights[hi] * h.applyAsDouble(nodes[hi]);
        }
        return sum;
    }

    private static GaussHermite compute(int n) {
        double[] x = jacobiEigenvalues(n);
        double[] nodes = new double[n];
        double[] weights = new double[n];
        for (int i = n / 2; i < n; i++) { // non-negative half, then mirrored
            double r = polish(x[i], n);
            double w = 1 / christoffelSum(r, n);
            nodes[i] = r;
            nodes[n - 1 - i] = -r;
            weights[i] = w;
            weights[n - 1 - i] = w;
        }
        if (n % 2 == 1) {
            nodes[n / 2] = 0;
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int i = 0; i < n; i++) {
            weights[i] /= total; // removes the last rounding in Σ w = 1
        }
        return new GaussHermite(nodes, weights);
    }

    private static double[] jacobiEigenvalues(int n) {
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int k = 1; k < n; k++) {
            j.set(k - 1, k, Math.sqrt(k));
            j.set(k, k - 1, Math.sqrt(k));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(j)) {
            throw new IllegalStateException("Gauss–Hermite: eigen-decomposition failed for n = " + n);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(x);
        return x;
    }

    /** Newton steps on p_n, with p_n' = √n·p_{n−1}. */
    private static double polish(double x, int n) {
        for (int iter = 0; iter < 8; iter++) {
            double[] p = orthonormal(x, n);
            double step = p[1] / (Math.sqrt(n) * p[0]);
            x -= step;
            if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) {
                break;
            }
        }
        return x;
    }

    /** {p_{n−1}(x), p_n(x)} of the orthonormal probabilists' Hermite polynomials. */
    private static double[] orthonormal(double x, int n) {
        double prev = 0;
        double cur = 1;
        for (int k = 0; k < n; k++) {
            double next = (x * cur - Math.sqrt(k) * prev) / Math.sqrt(k + 1);
            prev = cur;
            cur = next;
        }
        return new double[] {prev, cur};
    }

    private static double christoffelSum(double x, int n) {
        double prev = 0;
        double cur = 1;
        double sum = 1;
        for (int k = 0; k < n - 1; k++) {
            double next = (x * cur - Math.sqrt(k) * prev) / Math.sqrt(k + 1);
            prev = cur;
            cur = next;
            sum += cur * cur;
        }
        return sum;
    }
}
