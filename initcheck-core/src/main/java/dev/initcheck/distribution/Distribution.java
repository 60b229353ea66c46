package dev.initcheck.distribution;

import java.util.Map;

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

    /** The same law with every value multiplied by {@code factor} (> 0); used for power and mutants. */
    Distribution scaled(double factor);

    /** The defining parameters, in a stable order, for reports. */
    Map<String, Double> parameters();

    /** A short human-readable form such as {@code U(-0.0625, 0.0625)}. */
    String describe();
}
