package dev.initcheck.propagation;

/**
 * Gaussian expectations of an activation at pre-activation variance q, z ~ N(0, 1):
 * mean E[f(√q·z)], second moment g(q) = E[f(√q·z)²], slope moment E[f'(√q·z)²], and two derivatives of g that
 * the fluctuation band needs, written as expectations by Stein's lemma (the Hermite identities
 * d/dq E[h(√q z)] = E[h(√q z)·He₂(z)]/(2q), d²/dq² E[h(√q z)] = E[h(√q z)·He₄(z)]/(4q²),
 * He₂ = z² − 1, He₄ = z⁴ − 6z² + 3):
 * <ul>
 *   <li>{@code logSlope} χ = d ln g / d ln q = E[f²·He₂]/(2·g): how a relative error in q carries into g;</li>
 *   <li>{@code curvature} c = 4q²·g''(q)/g = E[f²·He₄]/g: the second-order (Jensen, Edgeworth) sensitivity.</li>
 * </ul>
 * Exact closed forms for the piecewise-linear activations (linear: g = q; relu: g = q/2, E f = √(q/2π),
 * E f'² = 1/2; leaky relu with slope s: g = (1+s²)q/2, E f = (1−s)√(q/2π), E f'² = (1+s²)/2; χ = 1, c = 0).
 * Otherwise quadrature: {@link GaussHermite} ({@value GaussHermite#DEFAULT_POINTS} points) for the analytic
 * activations when q ≤ {@value #GAUSS_HERMITE_MAX_Q}, where its error is below 10⁻¹⁴ (at q = 1 it is already
 * 2·10⁻¹¹ for E[f'²] of tanh, whose sech⁴ has double poles at ±iπ/(2√q)); the {@link PanelRule} for larger q or for SELU,
 * whose kink at 0 would limit Gauss–Hermite to algebraic convergence.
 */
record ActivationMoments(Activation activation, double q, double mean, double secondMoment,
                                double slopeSecondMoment, double logSlope, double curvature) {
    /** Largest q at which the analytic activations use Gauss–Hermite. */
    public static final double GAUSS_HERMITE_MAX_Q = 0.25;

    /** Moments at pre-activation variance q ≥ 0. At q = 0 the law is a point mass at 0 (χ and c by their limits). */
    public static ActivationMoments of(Activation a, double q) {
        if (!(q >= 0) || Double.isInfinite(q)) { // also rejects NaN
            throw new IllegalArgumentException("pre-activation variance q must be finite and >= 0, got " + q);
        }
        if (q == 0) {
            double f0 = a.apply(0);
            double d0 = a.derivative(0);
            return new ActivationMoments(a, 0, f0, f0 * f0, d0 * d0, f0 == 0 ? 1 : 0, 0);
        }
        return switch (a) {
            case LINEAR -> new ActivationMoments(a, q, 0, q, 1, 1, 0);
            case RELU -> new ActivationMoments(a, q, Math.sqrt(q / (2 * Math.PI)), q / 2, 0.5, 1, 0);
            case LEAKY_RELU -> {
                double s = Activation.LEAKY_SLOPE;
                yield new ActivationMoments(a, q, (1 - s) * Math.sqrt(q / (2 * Math.PI)), (1 + s * s) * q / 2,
                        (1 + s * s) / 2, 1, 0);
            }
            default -> quadrature(a, q);
        };
    }

    /** The activation's standard deviation sqrt(E[f²] − E[f]²), floored at 0 against rounding. */
    public double std() {
        return Math.sqrt(Math.max(0, secondMoment - mean * mean));
    }

    /** Whether {@link #of} uses Gauss–Hermite (true) or the panel rule (false) at this q. */
    static boolean usesGaussHermite(Activation a, double q) {
        return a.analytic() && q <= GAUSS_HERMITE_MAX_Q;
    }

    private static ActivationMoments quadrature(Activation a, double q) {
        double s = Math.sqrt(q);
        double[] acc = new double[5];
        PanelRule.NodeVisitor v = (z, w) -> {
            double u = s * z;
            double f = a.apply(u);
            double d = a.derivative(u);
            double f2 = f * f;
            double z2 = z * z;
            acc[0] += w * f;
            acc[1] += w * f2;
            acc[2] += w * d * d;
            acc[3] += w * f2 * (z2 - 1);
            acc[4] += w * f2 * ((z2 - 6) * z2 + 3);
        };
        if (usesGaussHermite(a, q)) {
            GaussHermite gh = GaussHermite.standard();
            double[] x = gh.nodes();
            double[] w = gh.weights();
            for (int i = 0; i < x.length; i++) {
                v.visit(x[i], w[i]);
            }
        } else {
            PanelRule.forEachNode(q, v);
        }
        double g = acc[1];
        double chi = g > 0 ? acc[3] / (2 * g) : 0;
        double curvature = g > 0 ? acc[4] / g : 0;
        return new ActivationMoments(a, q, acc[0], g, acc[2], chi, curvature);
    }
}
