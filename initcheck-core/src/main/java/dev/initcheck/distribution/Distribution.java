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

    /**
     * The family, which the checks consult instead of the law's type.
     *
     * @return the family of this law
     */
    Family family();

    /**
     * The exact mean E[X].
     *
     * @return the mean
     */
    double mean();

    /**
     * The exact variance E[(X - mean)²].
     *
     * @return the variance, 0 for a point mass
     */
    double variance();

    /**
     * The point of highest density (the laws here are unimodal): the mean, unless a law says otherwise.
     *
     * @return the mode
     */
    default double mode() {
        return mean();
    }

    /**
     * sqrt(variance).
     *
     * @return the standard deviation of this law (for a truncated normal the truncated one, not the parent's)
     */
    default double standardDeviation() {
        return Math.sqrt(variance());
    }

    /**
     * The exact fourth central moment E[(X - mean)^4].
     *
     * @return m4, 0 for a point mass
     */
    double fourthCentralMoment();

    /**
     * Non-excess kurtosis m4 / variance^2 (3 for the normal, 9/5 for the uniform).
     *
     * @return the kurtosis; NaN for a point mass (variance 0)
     */
    default double kurtosis() {
        double v = variance();
        return v > 0 ? fourthCentralMoment() / (v * v) : Double.NaN;
    }

    /**
     * The cumulative distribution function F(x) = P(X &le; x).
     *
     * @param x any value; below the support gives 0, above it 1
     * @return F(x) in [0, 1]
     */
    double cdf(double x);

    /**
     * P(X &gt; x) = 1 - cdf(x), computed without cancellation in the upper tail where the law allows.
     *
     * @param x any value
     * @return the survival probability in [0, 1]
     */
    default double survival(double x) {
        return 1 - cdf(x);
    }

    /**
     * The probability density f(x).
     *
     * @param x any value; outside the support the density is 0
     * @return f(x); for a point mass, infinite at its value and 0 elsewhere
     */
    double density(double x);

    /**
     * The quantile function F⁻¹(p) = inf {x : F(x) &ge; p}.
     *
     * @param p a probability in [0, 1] (not every law validates it: outside [0, 1] the result is unspecified)
     * @return the quantile; p = 0 and p = 1 give the bounds of the support (possibly infinite)
     */
    double inverseCdf(double p);

    /**
     * Smallest value in the support.
     *
     * @return the lower bound, negative infinity when unbounded
     */
    double lowerBound();

    /**
     * Largest value in the support.
     *
     * @return the upper bound, positive infinity when unbounded
     */
    double upperBound();

    /**
     * Whether both ends of the support are finite.
     *
     * @return true for the uniform, a truncated normal cut on both sides, a point mass and an orthogonal entry
     */
    default boolean isBounded() {
        return Double.isFinite(lowerBound()) && Double.isFinite(upperBound());
    }

    /**
     * The CDF as an operator that builds whatever it needs once (the same values as {@link #cdf}, without a
     * per-call setup); for evaluating one law at millions of points.
     *
     * @return x &rarr; F(x)
     */
    default DoubleUnaryOperator cdfOperator() {
        return this::cdf;
    }

    /**
     * The untruncated law this one is cut from: N(parent mean, parent sd) for a truncated normal, the law itself
     * otherwise. {@code parent().standardDeviation()} is the scale a truncation is stated in.
     *
     * @return the parent law, or this law
     */
    default Distribution parent() {
        return this;
    }

    /**
     * True when X - mean and mean - X have the same law: the uniform, the normal, an orthogonal entry, and a
     * truncated normal whose cut-offs are centred on the parent mean. False for a point mass (no spread to mirror).
     *
     * @return whether the law is symmetric about its mean
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

    /**
     * The law of factor·X: the same family with every location and scale parameter multiplied (mean and sd, bounds,
     * cut-offs, gain); the variance is multiplied by factor². Used for power and mutants.
     *
     * @param factor a finite number &gt; 0
     * @return the scaled law
     * @throws IllegalArgumentException when factor is not finite and positive
     */
    Distribution scaled(double factor);

    /**
     * The defining parameters, in a stable order, for reports.
     *
     * @return parameter name to value, e.g. {@code lower, upper} for the uniform
     */
    Map<String, Double> parameters();

    /**
     * A short human-readable form.
     *
     * @return e.g. {@code U(-0.0625, 0.0625)}
     */
    String describe();
}
