package dev.initcheck.distribution;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.special.Beta;

/**
 * The marginal law of one entry of {@code gain * Q}, Q a Haar-random matrix with orthonormal rows or columns
 * in dimension {@code d = max(rows, cols)} (PyTorch {@code orthogonal_}: QR of a Gaussian matrix with the sign of
 * diag(R) fixed, which is Haar). Each row (or column) is uniform on the sphere S^{d-1}, so for u = x / gain:
 * u^2 ~ Beta(1/2, (d-1)/2); variance gain^2/d, E[x^4] = 3 gain^4 / (d (d+2)), support [-gain, gain].
 *
 * For d = 1 (a 1x1 matrix) the entry is ±gain with probability 1/2 each.
 *
 * <p>Entries are <em>not</em> independent (each row has norm gain), so the structural check W W^T = gain^2 I
 * is the conformance test for orthogonal schemes; this marginal serves plots and diagnostics.
 *
 * @param gain the scale of Q, finite and &gt; 0
 * @param dimension d = max(rows, cols) of the 2-D view, at least 1
 */
public record OrthogonalEntry(double gain, long dimension) implements Distribution {

    /**
     * The marginal law of an entry of gain·Q.
     *
     * @param gain finite and &gt; 0
     * @param dimension max(rows, cols), at least 1
     * @throws IllegalArgumentException when gain is not finite and positive or dimension is below 1
     */
    public OrthogonalEntry {
        Checks.positive("gain", gain);
        if (dimension < 1) {
            throw new IllegalArgumentException("orthogonal dimension must be >= 1, got " + dimension);
        }
    }

    /**
     * The marginal law of an entry of gain·Q, Q Haar with orthonormal rows or columns in dimension d.
     *
     * @param gain finite and &gt; 0
     * @param dimension d = max(rows, cols), at least 1
     * @return the law: variance gain²/d, support [-gain, gain]
     * @throws IllegalArgumentException as the constructor
     */
    public static OrthogonalEntry of(double gain, long dimension) {
        return new OrthogonalEntry(gain, dimension);
    }

    private double shapeB() {
        return (dimension - 1) / 2.0;
    }

    @Override
    public Family family() {
        return Family.ORTHOGONAL_ENTRY;
    }

    @Override
    public double mean() {
        return 0;
    }

    @Override
    public double variance() {
        return gain * gain / dimension;
    }

    @Override
    public double fourthCentralMoment() {
        double g2 = gain * gain;
        return 3 * g2 * g2 / (dimension * (dimension + 2.0));
    }

    @Override
    public double cdf(double x) {
        if (x <= -gain) {
            return 0;
        }
        if (x >= gain) {
            return 1;
        }
        if (dimension == 1) {
            return 0.5;
        }
        double t = x / gain;
        double half = 0.5 * Beta.regularizedBeta(t * t, 0.5, shapeB());
        return t >= 0 ? 0.5 + half : 0.5 - half;
    }

    @Override
    public double density(double x) {
        if (!(Math.abs(x) < gain) || dimension == 1) {
            return 0;
        }
        double t = x / gain;
        double logB = Beta.logBeta(0.5, shapeB());
        return Math.exp((shapeB() - 1) * Math.log1p(-t * t) - logB) / gain;
    }

    @Override
    public double inverseCdf(double p) {
        if (dimension == 1) {
            return p <= 0.5 ? -gain : gain;
        }
        double lo = -gain;
        double hi = gain;
        for (int i = 0; i < 200 && hi - lo > 1e-15 * gain; i++) { // bisection: cdf is monotone
            double mid = 0.5 * (lo + hi);
            if (cdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Override
    public double lowerBound() {
        return -gain;
    }

    @Override
    public double upperBound() {
        return gain;
    }

    @Override
    public OrthogonalEntry scaled(double factor) {
        return new OrthogonalEntry(gain * factor, dimension);
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("gain", gain);
        p.put("dimension", (double) dimension);
        return p;
    }

    @Override
    public String describe() {
        return "entry of " + Checks.fmt(gain) + "·orthogonal (d=" + dimension + ")";
    }

    /** The Haar law is invariant under Q -> -Q, so each entry is symmetric about 0. */
    @Override
    public boolean isSymmetric() {
        return true;
    }

    /**
     * Component-wise, as a record's generated method (doubles by {@code Double.compare}), written out because the
     * generated one is linked through method handles at first use, a start-up cost in every run.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof OrthogonalEntry o && Double.compare(gain, o.gain) == 0 && dimension == o.dimension;
    }

    @Override
    public int hashCode() {
        return 31 * (Double.hashCode(gain)) + Long.hashCode(dimension);
    }
}
