package dev.initcheck.thirdparty;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.PointMass;
import java.util.Arrays;

/**
 * What a sample looks like, next to the law it was held to: the numbers the third-party report prints for every
 * row, whatever the verdict. Computed here, independently of the checks, so that the report shows the measured law
 * itself and not only a check's statistic.
 *
 * @param n            sample size
 * @param mean         sample mean
 * @param sd           root mean square about the declared mean, sqrt(mean((x - mu)^2)) (the second-moment
 *                     check's quantity)
 * @param declaredSd   the declared law's standard deviation (0 for a constant)
 * @param min          smallest value
 * @param max          largest value
 * @param maxAbs       largest |x - mu|
 * @param declaredHalfWidth the declared law's largest |x - mu| (infinite for a normal, 0 for a constant)
 * @param ksD          sup |F_n - F| against the declared CDF; for a constant, the share of values that differ
 */
public record MeasuredLaw(long n, double mean, double sd, double declaredSd, double min, double max, double maxAbs,
                          double declaredHalfWidth, double ksD) {

    public static MeasuredLaw of(double[] x, Distribution law) {
        double mu = law.mean();
        double sum = 0;
        double sq = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            sum += v;
            sq += (v - mu) * (v - mu);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        int n = x.length;
        double half = Math.max(mu - law.lowerBound(), law.upperBound() - mu);
        double maxAbs = Math.max(Math.abs(lo - mu), Math.abs(hi - mu));
        return new MeasuredLaw(n, sum / n, Math.sqrt(sq / n), law.standardDeviation(), lo, hi, maxAbs, half,
                distance(x, law));
    }

    /** Kolmogorov–Smirnov distance for a continuous law; share of mismatches for a constant. */
    static double distance(double[] x, Distribution law) {
        if (law instanceof PointMass p) {
            long off = Arrays.stream(x).filter(v -> v != p.value()).count();
            return (double) off / x.length;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = law.cdf(s[i]);
            d = Math.max(d, Math.max(f - (double) i / n, (i + 1.0) / n - f));
        }
        return d;
    }

    /** Measured over declared standard deviation (NaN for a constant). */
    public double sdRatio() {
        return declaredSd > 0 ? sd / declaredSd : Double.NaN;
    }

    /** Measured max |x - mu| over the declared one (NaN for unbounded or constant laws). */
    public double boundRatio() {
        return declaredHalfWidth > 0 && Double.isFinite(declaredHalfWidth) ? maxAbs / declaredHalfWidth : Double.NaN;
    }
}
