package dev.initcheck.propagation;

import java.util.Arrays;

/**
 * Composite 16-point Gauss–Legendre quadrature for E[h(u)], u ~ N(0, q), in the activation's own variable u.
 * Panel edges are the union of two grids, so that every panel is narrow on both scales the integrand has:
 * the density's (edges at k·√q/2, |u| ≤ 12·√q, beyond which the density is below e^{−72} of its peak) and the
 * activation's (edges every 0.5 up to |u| = 8, where tanh, the sigmoid and SELU's exponential have their
 * curvature). An edge sits at 0, so a kink there (relu, SELU) is integrated exactly to rounding. This is what
 * plain Gauss–Hermite cannot do for √q ≫ 1 or at a kink (see {@link GaussHermite}).
 */
final class PanelRule {
    private static final int POINTS = 16;
    private static final double[] GL_NODES = new double[POINTS];
    private static final double[] GL_WEIGHTS = new double[POINTS];
    private static final double TAIL_SD = 12;
    private static final double ACTIVATION_STEP = 0.5;
    private static final double ACTIVATION_REACH = 8;
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    static {
        legendre();
    }

    private PanelRule() {
    }

    /** Visits nodes z = u/√q with weights w (Σ w ≈ 1) such that E[h(√q·z)] ≈ Σ w·h(√q·z). Requires q &gt; 0. */
    static void forEachNode(double q, NodeVisitor visitor) {
        double s = Math.sqrt(q);
        double[] edges = edges(s);
        for (int p = 0; p + 1 < edges.length; p++) {
            double a = edges[p];
            double b = edges[p + 1];
            double mid = 0.5 * (a + b);
            double half = 0.5 * (b - a);
            for (int k = 0; k < POINTS; k++) {
                double u = mid + half * GL_NODES[k];
                double z = u / s;
                double density = INV_SQRT_2PI * Math.exp(-0.5 * z * z) / s;
                double w = half * GL_WEIGHTS[k] * density;
                visitor.visit(z, w);
                visitor.visit(-z, w);
            }
        }
    }

    /** Non-negative panel edges; the rule mirrors them to the negative side. */
    static double[] edges(double s) {
        double reach = TAIL_SD * s;
        double[] e = new double[1 + 2 * (int) TAIL_SD + (int) (ACTIVATION_REACH / ACTIVATION_STEP)];
        int n = 0;
        e[n++] = 0;
        for (int k = 1; k <= 2 * (int) TAIL_SD; k++) {
            e[n++] = k * s / 2;
        }
        for (int k = 1; k * ACTIVATION_STEP <= ACTIVATION_REACH && k * ACTIVATION_STEP < reach; k++) {
            e[n++] = k * ACTIVATION_STEP;
        }
        double[] sorted = Arrays.copyOf(e, n);
        Arrays.sort(sorted);
        double[] out = new double[n];
        int m = 0;
        for (double v : sorted) {
            if (m == 0 || v - out[m - 1] > 1e-12 * reach) {
                out[m++] = v;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** Gauss–Legendre nodes on [−1, 1] by Newton on the Legendre recurrence (Numerical Recipes, gauleg). */
    private static void legendre() {
        for (int i = 0; i < (POINTS + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (POINTS + 0.5));
            double dp = 0;
            for (int iter = 0; iter < 100; iter++) {
                double p1 = 1;
                double p2 = 0;
                for (int j = 1; j <= POINTS; j++) {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2 * j - 1) * x * p2 - (j - 1) * p3) / j;
                }
                dp = POINTS * (x * p1 - p2) / (x * x - 1);
                double step = p1 / dp;
                x -= step;
                if (Math.abs(step) < 1e-16) {
                    break;
                }
            }
            GL_NODES[i] = -x;
            GL_NODES[POINTS - 1 - i] = x;
            double w = 2 / ((1 - x * x) * dp * dp);
            GL_WEIGHTS[i] = w;
            GL_WEIGHTS[POINTS - 1 - i] = w;
        }
    }

    /** Receives one quadrature node and its weight. */
    @FunctionalInterface
    interface NodeVisitor {
        void visit(double z, double weight);
    }
}
