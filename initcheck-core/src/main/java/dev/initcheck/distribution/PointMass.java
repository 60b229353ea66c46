package dev.initcheck.distribution;

import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

import org.apache.commons.rng.UniformRandomProvider;

import java.util.Map;

/**
 * Every weight equals {@code value}: zeros, ones, constant. Mean value, variance 0. Checked by exact equality.
 *
 * @param value the value, finite
 */
public record PointMass(double value) implements Distribution {

    /**
     * The law of a constant.
     *
     * @param value the value, finite
     * @throws IllegalArgumentException when value is NaN or infinite
     */
    public PointMass {
        Checks.finite("value", value);
    }

    /**
     * The law of a constant.
     *
     * @param value the value, finite
     * @return the point mass
     * @throws IllegalArgumentException when value is NaN or infinite
     */
    public static PointMass of(double value) {
        return new PointMass(value);
    }

    @Override
    public Family family() {
        return Family.POINT_MASS;
    }

    @Override
    public double mean() {
        return value;
    }

    @Override
    public double variance() {
        return 0;
    }

    @Override
    public double fourthCentralMoment() {
        return 0;
    }

    @Override
    public double cdf(double x) {
        return x >= value ? 1 : 0;
    }

    @Override
    public double density(double x) {
        return x == value ? Double.POSITIVE_INFINITY : 0;
    }

    @Override
    public double inverseCdf(double p) {
        return value;
    }

    @Override
    public double lowerBound() {
        return value;
    }

    @Override
    public double upperBound() {
        return value;
    }

    @Override
    public PointMass scaled(double factor) {
        Checks.positive("factor", factor);
        return new PointMass(value * factor);
    }

    @Override
    public Map<String, Double> parameters() {
        return Map.of("value", value);
    }

    @Override
    public String describe() {
        return "constant " + Checks.fmt(value);
    }

    @Override
    public boolean isSymmetric() {
        return false;
    }

    /** Every draw is {@link #value}; {@code rng} is not used. */
    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return () -> value;
    }

    /**
     * Component-wise, as a record's generated method (doubles by {@code Double.compare}), written out because the
     * generated one is linked through method handles at first use, a start-up cost in every run.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PointMass o && Double.compare(value, o.value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }
}
