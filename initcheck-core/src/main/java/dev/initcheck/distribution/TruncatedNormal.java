package dev.initcheck.distribution;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

import org.apache.commons.rng.UniformRandomProvider;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;

/**
 * A normal law N(mean, parentSd) truncated to the absolute interval [lower, upper].
 *
 * <p>Parametrised by its <em>parent</em> standard deviation; the truncated standard deviation is smaller.
 * Keras truncates at mean ± 2 parent sd ({@link #keras}); its VarianceScaling divides the parent sd by
 * 0.87962566103423978 so that the truncated variance equals the declared one, while Keras TruncatedNormal
 * and PyTorch {@code trunc_normal_} (absolute cut-offs a, b) apply no correction. For N(0,1) cut at ±2:
 * Z = 0.9544997361036416, E[X^2] = 0.7737413035499232, E[X^4] = 1.4161891248494627, kurtosis 2.3655367.
 *
 * <p>Moments use the recursion m_k = (k-1) m_{k-2} - (b^{k-1} phi(b) - a^{k-1} phi(a)) / Z for the standardised
 * law on [a, b] (Johnson, Kotz and Balakrishnan, Continuous Univariate Distributions, vol. 1, §10.1);
 * CDF, density and quantiles come from Commons Statistics {@code TruncatedNormalDistribution}.
 *
 * @param parentMean the mean of the parent normal, finite
 * @param parentSd the standard deviation of the parent normal (not of the truncated law), finite and &gt; 0
 * @param lower the lower cut-off, an absolute value (not in parent sds); may be negative infinity
 * @param upper the upper cut-off, absolute, &gt; lower; may be positive infinity
 */
public record TruncatedNormal(double parentMean, double parentSd, double lower, double upper)
        implements Distribution {

    /** Relative tolerance, of the cut-off width, for deciding that the cut-offs are centred on the parent mean. */
    static final double SYMMETRY_TOLERANCE = 1e-12;

    /** Truncated sd of a standard normal cut at ±2: sqrt(E[X^2]), the Keras correction constant. */
    public static final double KERAS_CORRECTION = 0.87962566103423978;

    /**
     * N(parentMean, parentSd) truncated to [lower, upper].
     *
     * @param parentMean the parent mean, finite
     * @param parentSd the parent standard deviation, finite and &gt; 0
     * @param lower the lower cut-off, absolute, not NaN
     * @param upper the upper cut-off, absolute, &gt; lower, not NaN
     * @throws IllegalArgumentException on a parameter out of range, or cut-offs that hold less than
     *     {@link Double#MIN_NORMAL} of the parent's probability or whose moments cannot be computed in double
     *     precision
     */
    public TruncatedNormal {
        Checks.finite("mean", parentMean);
        Checks.positive("stddev", parentSd);
        Checks.ordered("lower cut-off", lower, "upper cut-off", upper);
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("cut-offs must not be NaN");
        }
        requireRepresentable(parentMean, parentSd, lower, upper);
    }

    /**
     * N(parentMean, parentSd) truncated to the absolute interval [lower, upper], as PyTorch's
     * {@code trunc_normal_(mean, std, a, b)}: no variance correction.
     *
     * @param parentMean the parent mean, finite
     * @param parentSd the parent standard deviation, finite and &gt; 0
     * @param lower the lower cut-off, absolute
     * @param upper the upper cut-off, absolute, &gt; lower
     * @return the law
     * @throws IllegalArgumentException as the constructor
     */
    public static TruncatedNormal of(double parentMean, double parentSd, double lower, double upper) {
        return new TruncatedNormal(parentMean, parentSd, lower, upper);
    }

    /**
     * Keras convention: cut at mean ± 2 parent sd, no variance correction applied here (VarianceScaling applies it
     * by dividing the parent sd by {@link #KERAS_CORRECTION} beforehand).
     *
     * @param parentMean the parent mean, finite
     * @param parentSd the parent standard deviation, finite and &gt; 0
     * @return N(parentMean, parentSd) cut at [parentMean - 2 parentSd, parentMean + 2 parentSd]
     * @throws IllegalArgumentException as the constructor
     */
    public static TruncatedNormal keras(double parentMean, double parentSd) {
        return new TruncatedNormal(parentMean, parentSd, parentMean - 2 * parentSd, parentMean + 2 * parentSd);
    }

    private TruncatedNormalDistribution law() {
        return TruncatedNormalDistribution.of(parentMean, parentSd, lower, upper);
    }

    private double alpha() {
        return (lower - parentMean) / parentSd;
    }

    private double beta() {
        return (upper - parentMean) / parentSd;
    }

    /** Raw moments E[Y^k], k = 0..4, of the standardised truncated law. */
    private double[] standardRawMoments() {
        return standardRawMoments(alpha(), beta());
    }

    private static double[] standardRawMoments(double a, double b) {
        NormalDistribution std = NormalDistribution.of(0, 1);
        double z = a > 0 ? std.survivalProbability(a) - std.survivalProbability(b)
                : std.cumulativeProbability(b) - std.cumulativeProbability(a);
        double[] m = new double[5];
        m[0] = 1;
        double prev = 0; // m_{-1}
        for (int k = 1; k <= 4; k++) {
            double edge = powTimesDensity(b, k - 1, std) - powTimesDensity(a, k - 1, std);
            m[k] = (k - 1) * (k >= 2 ? m[k - 2] : prev) - edge / z;
        }
        return m;
    }

    private static double powTimesDensity(double x, int power, NormalDistribution std) {
        return Double.isInfinite(x) ? 0 : Math.pow(x, power) * std.density(x);
    }

    @Override
    public Family family() {
        return Family.TRUNCATED_NORMAL;
    }

    @Override
    public double mean() {
        return parentMean + parentSd * standardRawMoments()[1];
    }

    @Override
    public double variance() {
        double[] m = standardRawMoments();
        return parentSd * parentSd * (m[2] - m[1] * m[1]);
    }

    @Override
    public double fourthCentralMoment() {
        double[] m = standardRawMoments();
        double mu = m[1];
        double central = m[4] - 4 * m[3] * mu + 6 * m[2] * mu * mu - 3 * mu * mu * mu * mu;
        double s2 = parentSd * parentSd;
        return s2 * s2 * central;
    }

    @Override
    public double cdf(double x) {
        return law().cumulativeProbability(x);
    }

    /** The parent mean clamped to the cut-offs. */
    @Override
    public double mode() {
        return Math.max(lower, Math.min(upper, parentMean));
    }

    @Override
    public double survival(double x) {
        return law().survivalProbability(x);
    }

    @Override
    public double density(double x) {
        return law().density(x);
    }

    @Override
    public double inverseCdf(double p) {
        return law().inverseCumulativeProbability(p);
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
    public TruncatedNormal scaled(double factor) {
        Checks.positive("factor", factor);
        return new TruncatedNormal(parentMean * factor, parentSd * factor, lower * factor, upper * factor);
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("mean", parentMean);
        p.put("parent_stddev", parentSd);
        p.put("lower", lower);
        p.put("upper", upper);
        return p;
    }

    @Override
    public String describe() {
        return "N(" + Checks.fmt(parentMean) + ", parent sd=" + Checks.fmt(parentSd) + ") truncated to ["
                + Checks.fmt(lower) + ", " + Checks.fmt(upper) + "]";
    }

    /**
     * Refuses cut-offs between which the parent holds too little probability for the law to exist in double
     * precision: the mass Z = P(lower &lt;= X &lt;= upper) must be a normal double (at least 2.2e-308; far out in a
     * tail, e.g. [40, 41] sd from the mean, it underflows to 0 and every CDF value would be 0/0), and the moments
     * the checks use must come out consistent (mean inside the cut-offs, positive finite variance and fourth
     * central moment), which fails when the interval is so narrow or so far out that the recursion cancels.
     */
    private static void requireRepresentable(double mean, double sd, double lower, double upper) {
        double a = (lower - mean) / sd;
        double b = (upper - mean) / sd;
        NormalDistribution std = NormalDistribution.of(0, 1);
        double z = a > 0 ? std.survivalProbability(a) - std.survivalProbability(b)
                : std.cumulativeProbability(b) - std.cumulativeProbability(a);
        String law = "N(" + mean + ", " + sd + ") cut at [" + lower + ", " + upper + "]";
        if (!(z >= Double.MIN_NORMAL)) {
            throw new IllegalArgumentException(law + ": the cut-offs hold probability " + z + " of the parent normal, "
                    + "too little to define the truncated law in double precision (at least " + Double.MIN_NORMAL
                    + " is needed)");
        }
        double[] m = standardRawMoments(a, b);
        double variance = m[2] - m[1] * m[1];
        double mu = m[1];
        double central4 = m[4] - 4 * m[3] * mu + 6 * m[2] * mu * mu - 3 * mu * mu * mu * mu;
        if (!(mu >= a && mu <= b && variance > 0 && Double.isFinite(variance) && central4 > 0
                && Double.isFinite(central4))) {
            throw new IllegalArgumentException(law + ": its moments cannot be computed in double precision (the "
                    + "cut-offs are too narrow or too far in a tail; give an infinite cut-off as Infinity): mean "
                    + (mean + sd * mu) + ", variance " + sd * sd * variance + ", fourth central moment "
                    + sd * sd * sd * sd * central4);
        }
    }

    @Override
    public DoubleUnaryOperator cdfOperator() {
        return law()::cumulativeProbability;
    }

    /** N(parent mean, parent sd). */
    @Override
    public Normal parent() {
        return Normal.of(parentMean, parentSd);
    }

    /** True when the cut-offs are equidistant from the parent mean within {@value #SYMMETRY_TOLERANCE} of the width. */
    @Override
    public boolean isSymmetric() {
        double right = upper - parentMean;
        double left = parentMean - lower;
        return Math.abs(right - left) <= SYMMETRY_TOLERANCE * (upper - lower);
    }

    /** Commons Statistics' truncated-normal sampler. */
    @Override
    public ContinuousSampler sampler(UniformRandomProvider rng) {
        return law().createSampler(rng)::sample;
    }

    /**
     * Component-wise, as a record's generated method (doubles by {@code Double.compare}), written out because the
     * generated one is linked through method handles at first use, a start-up cost in every run.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof TruncatedNormal o && Double.compare(parentMean, o.parentMean) == 0
                && Double.compare(parentSd, o.parentSd) == 0 && Double.compare(lower, o.lower) == 0
                && Double.compare(upper, o.upper) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(parentMean);
        h = 31 * h + Double.hashCode(parentSd);
        h = 31 * h + Double.hashCode(lower);
        return 31 * h + Double.hashCode(upper);
    }
}
