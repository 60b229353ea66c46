package dev.initcheck.distribution;

import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

import org.apache.commons.rng.UniformRandomProvider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Continuous uniform law on [lower, upper]. For U(-b, b): variance b^2/3, kurtosis 9/5, so the standard
 * deviation is b/sqrt(3) — confusing b with sigma is the most frequent initializer bug (Keras PR #372).
 *
 * @param lower the lower bound, finite
 * @param upper the upper bound, finite and &gt; lower
 */
public record Uniform(double lower, double upper) implements Distribution {

    /**
     * U(lower, upper): mean (lower+upper)/2, variance (upper-lower)²/12.
     *
     * @param lower the lower bound, finite
     * @param upper the upper bound, finite and &gt; lower
     * @throws IllegalArgumentException when a bound is not finite or lower &ge; upper
     */
    public Uniform {
        Checks.finite("lower", lower);
        Checks.finite("upper", upper);
        Checks.ordered("lower", lower, "upper", upper);
    }

    /**
     * U(-limit, limit): variance limit²/3, standard deviation limit/sqrt(3).
     *
     * @param limit the bound (not the standard deviation), finite and &gt; 0
     * @return the law
     * @throws IllegalArgumentException when limit is not finite and positive
     */
    public static Uniform symmetric(double limit) {
        Checks.positive("limit", limit);
        return new Uniform(-limit, limit);
    }

    /**
     * U(lower, upper).
     *
     * @param lower the lower bound, finite
     * @param upper the upper bound, finite and &gt; lower
     * @return the law
     * @throws IllegalArgumentException as the constructor
     */
    public static Uniform of(double lower, double upper) {
        return new Uniform(lower, upper);
    }

    private double width() {
        return upper - lower;
    }

    @Override
    public Family family() {
        return Family.UNIFORM;
    }

    @Override
    public double mean() {
        return 0.5 * (lower + upper);
    }

    @Override
    public double variance() {
        return width() * width() / 12;
    }

    @Override
    public double fourthCentralMoment() {
        double w2 = width() * width();
        return w2 * w2 / 80;
    }

    @Override
    public double cdf(double x) {
        if (x <= lower) {
            return 0;
        }
        return x >= upper ? 1 : (x - lower) / width();
    }

    @Override
    public double density(double x) {
        return x >= lower && x <= upper ? 1 / width() : 0;
    }

    @Override
    public double inverseCdf(double p) {
        return lower + p * width();
    }

    @Override
    public double lowerBound() {
        return lower;
    }

    @Override
    public double upperBound() {
        return upper;
    }

    @Override
    public Uniform scaled(double factor) {
        Checks.positive("factor", factor);
        return new Uniform(lower * factor, upper * factor);
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("lower", lower);
        p.put("upper", upper);
        return p;
    }

    @Override
    public String describe() {
        return "U(" + Checks.fmt(lower) + ", " + Checks.fmt(upper) + ")";
    }

    @Override
    public boolean isSymmetric() {
        return true;
    }

    /** lower + (upper - lower)·u, u = {@code rng.nextDouble()} uniform on [0, 1) in 2^-53 steps. */
    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        double width = upper - lower;
        return () -> lower + width * rng.nextDouble();
    }

    /**
     * Component-wise, as a record's generated method (doubles by {@code Double.compare}), written out because the
     * generated one is linked through method handles at first use, a start-up cost in every run.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Uniform o && Double.compare(lower, o.lower) == 0 && Double.compare(upper, o.upper) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (Double.hashCode(lower)) + Double.hashCode(upper);
    }
}
