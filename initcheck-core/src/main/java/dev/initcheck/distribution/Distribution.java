package dev.initcheck.distribution;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * An exact law that the entries of a weight tensor are expected to follow.
 *
 * <p>All moments are exact (closed forms, no sampling). The fourth central moment and the kurtosis
 * {@code m4 / variance^2} drive the second-moment test: {@code Var(mean(x^2)) = sigma^4 (kappa - 1) / n}
 * for a law with mean 0.
 */
public sealed interface Distribution extends java.io.Serializable
        permits Uniform, Normal, TruncatedNormal, PointMass, OrthogonalEntry {

    Family family();

    double mean();

    double variance();

    /** The point of highest density (the laws here are unimodal): the mean, unless a law says otherwise. */
    default double mode() {
        return mean();
    }

    default double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** E[(X - mean)^4]. */
    double fourthCentralMoment();

    /** Non-excess kurtosis m4 / variance^2 (3 for the normal, 9/5 for the uniform); NaN for a point mass. */
    default double kurtosis() {
        double v = variance();
        return v > 0 ? fourthCentralMoment() / (v * v) : Double.NaN;
    }

    double cdf(double x);

    /** P(X &gt; x) = 1 - cdf(x), computed without cancellation in the upper tail where the law allows. */
    default double survival(double x) {
        return 1 - cdf(x);
    }

    double density(double x);

    /** Quantile function, p in [0, 1]. */
    double inverseCdf(double p);

    /** Smallest value in the support (negative infinity when unbounded). */
    double lowerBound();

    /** Largest value in the support (positive infinity when unbounded). */
    double upperBound();

    default boolean isBounded() {
        return Double.isFinite(lowerBound()) && Double.isFinite(upperBound());
    }

    /**
     * The CDF as an operator that builds whatever it needs once (the same values as {@link #cdf}, without a
     * per-call setup); for evaluating one law at millions of points.
     */
    default DoubleUnaryOperator cdfOperator() {
        return this::cdf;
    }

    /**
     * The untruncated law this one is cut from: N(parent mean, parent sd) for a truncated normal, the law itself
     * otherwise. {@code parent().standardDeviation()} is the scale a truncation is stated in.
     */
    default Distribution parent() {
        return this;
    }

    /**
     * True when X - mean and mean - X have the same law: the uniform, the normal, an orthogonal entry, and a
     * truncated normal whose cut-offs are centred on the parent mean. False for a point mass (no spread to mirror).
     */
    boolean isSymmetric();

    /**
     * i.i.d. draws from this law with {@code rng}: U = lower + width·u (u uniform on [0, 1) in 2^-53 steps), the
     * normal by Commons RNG's ziggurat, the truncated normal by Commons Statistics' sampler, a point mass as its
     * value.
     *
     * @param rng the source of randomness (injected, never shared across threads)
     * @return a sampler of this law
     * @throws IllegalArgumentException for a law whose entries are not i.i.d. (an orthogonal matrix's entries)
     */
    default ContinuousSampler sampler(UniformRandomProvider rng) {
        throw new IllegalArgumentException("no i.i.d. sampler for " + describe());
    }

    /** The same law with every value multiplied by {@code factor} (> 0); used for power and mutants. */
    Distribution scaled(double factor);

    /** The defining parameters, in a stable order, for reports. */
    Map<String, Double> parameters();

    /** A short human-readable form such as {@code U(-0.0625, 0.0625)}. */
    String describe();
}
