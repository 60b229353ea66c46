package dev.initcheck.check;

import dev.initcheck.distribution.StoredLaw;

/**
 * Chernoff bounds for the mean of n i.i.d. copies of a discrete variable V whose atoms and probabilities are known
 * exactly (the law of a stored value, {@link StoredLaw}): P(V̄ &gt;= u) &lt;= exp(-n(t·u - ln M(t))) for every t &gt;= 0,
 * M(t) = E[e^{tV}] (Chernoff 1952; Boucheron, Lugosi and Massart, Concentration Inequalities, 2013, §2.2). For
 * a level a the threshold is u(t) = M'(t)/M(t), the mean under the tilted law, at the t where the rate
 * I(t) = t·u(t) - ln M(t) (increasing in t) equals ln(1/a)/n; then P(V̄ &gt;= u) &lt;= a for every n, with no
 * normal approximation. Used where the exact chi-square and z laws no longer hold because the values are
 * rounded to a 16-bit grid.
 *
 * <p>t is capped at {@code maxT} (in units of 1/V): for V = Z² from a normal the MGF exists only for t &lt; 1/2,
 * and the cap 1/4 keeps the omitted mass beyond the enumerated atoms negligible (the integrand e^{tz²}φ(z) is below
 * e^{-z²/4} there). At the cap the bound with t = maxT is used, which is still valid, only less tight.
 * Values are centred on their exact mean before exponentiation, and M(t) - 1 is summed through expm1, so the
 * rate keeps its relative accuracy when ln(1/a)/n is as small as 1e-9.
 */
final class Chernoff {
    private static final int BISECTIONS = 100;

    private final double[] centred;
    private final double[] prob;
    private final double mean;

    /**
     * @param values atoms of V
     * @param prob   their probabilities (normalised here to sum to 1)
     */
    Chernoff(double[] values, double[] prob) {
        double total = 0;
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            total += prob[i];
            s += prob[i] * values[i];
        }
        this.mean = s / total;
        this.centred = new double[values.length];
        this.prob = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            centred[i] = values[i] - mean;
            this.prob[i] = prob[i] / total;
        }
    }

    /** E[V]. */
    double mean() {
        return mean;
    }

    /** The smallest u with P(V̄ &gt;= u) &lt;= a guaranteed, searching t in (0, maxT]. */
    double upper(long n, double a, double maxT) {
        return mean + deviation(n, a, maxT, 1);
    }

    /** The largest u with P(V̄ &lt;= u) &lt;= a guaranteed, searching t in [-maxT, 0). */
    double lower(long n, double a, double maxT) {
        return mean - deviation(n, a, maxT, -1);
    }

    /**
     * The deviation at the smallest t in (0, maxT] whose rate I(t) reaches ln(1/a)/n: Newton's method on I, whose
     * derivative is I'(t) = t·Var_t(V) (the tilted variance), kept inside a bracket [lo, hi] with I(lo) below and
     * I(hi) at or above the target (bisection when a step leaves it). The t returned always has I(t) at or above the
     * target, so the bound holds; it is within 1e-15 relative of the root.
     */
    private double deviation(long n, double a, double maxT, int sign) {
        double target = Math.log(1 / a) / n;
        double[] m = tilt(sign * maxT);
        if (maxT * sign * m[1] - m[0] < target) { // the rate never reaches the target below the cap
            return (target + m[0]) / maxT;
        }
        double lo = 0;
        double hi = maxT;
        double x = maxT;
        for (int i = 0; i < BISECTIONS && hi - lo > 1e-15 * hi; i++) {
            double g = x * sign * m[1] - m[0] - target;
            double slope = x * m[2];
            if (g >= 0) {
                hi = x;
                if (g <= 1e-15 * x * slope) { // the next Newton step would move t by less than 1e-15 relative
                    break;
                }
            } else {
                lo = x;
            }
            double next = x - g / slope;
            x = next > lo && next < hi ? next : 0.5 * (lo + hi);
            m = tilt(sign * x);
        }
        return sign * tilt(sign * hi)[1];
    }

    /** {ln M(t), M'(t)/M(t), Var_t(V)} for the centred variable, Var_t the variance under the tilted law. */
    private double[] tilt(double t) {
        double m1 = 0; // M(t) - 1
        double d = 0;  // M'(t)
        double d2 = 0; // M''(t)
        for (int i = 0; i < centred.length; i++) {
            double c = centred[i];
            double e = Math.expm1(t * c);
            double pe = prob[i] * (e + 1);
            m1 += prob[i] * e;
            d += pe * c;
            d2 += pe * c * c;
        }
        double mt = 1 + m1;
        double u = d / mt;
        return new double[] {Math.log1p(m1), u, Math.max(0, d2 / mt - u * u)};
    }
}
