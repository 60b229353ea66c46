package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The declared laws' moments, CDF and density against {@code reference/distributions.csv}
 * ({@code scripts/reference/distribution_reference.py}, 50-digit mpmath, column value_mpmath). Every check
 * statistic is built on these numbers. Tolerances are relative to the reference value, with an absolute floor
 * of 1e-16 times the law's scale for quantities that are zero (the mean of a symmetric law).
 */
class GoldenDistributionsTest {
    /** Moments: closed forms (uniform, normal) or a 4-term recursion (truncated normal) in double. */
    private static final double MOMENTS = 1e-13;
    /** CDF and density: Commons Statistics erf/erfc-based evaluations. */
    private static final double CDF_PDF = 1e-12;
    /**
     * A truncated CDF just inside a cut-off is a difference of two nearly equal normal CDFs, so its relative error
     * grows (2e-11 at 4e-6 sd inside the cut); the KS statistic needs the CDF to an absolute accuracy only.
     */
    private static final double CDF_ABSOLUTE = 1e-15;

    static Distribution law(Map<String, String> r) {
        double mu = ReferenceCsv.num(r.get("mu"));
        double sigma = ReferenceCsv.num(r.get("sigma"));
        double lo = ReferenceCsv.num(r.get("lo"));
        double hi = ReferenceCsv.num(r.get("hi"));
        return switch (r.get("family")) {
            case "uniform" -> Uniform.of(lo, hi);
            case "normal" -> Normal.of(mu, sigma);
            default -> TruncatedNormal.of(mu, sigma, lo, hi);
        };
    }

    @Test
    void momentsCdfAndDensityEqualTheReference() throws IOException {
        Map<String, Double> worst = new TreeMap<>();
        for (Map<String, String> r : ReferenceCsv.read("distributions.csv")) {
            if (r.get("law_id").startsWith("constants:")) {
                continue;
            }
            Distribution d = law(r);
            String q = r.get("quantity");
            double x = ReferenceCsv.num(r.get("x"));
            double mine = switch (q) {
                case "mean" -> d.mean();
                case "variance" -> d.variance();
                case "sd" -> d.standardDeviation();
                case "m4" -> d.fourthCentralMoment();
                case "kurtosis" -> d.kurtosis();
                case "support_lo" -> d.lowerBound();
                case "support_hi" -> d.upperBound();
                case "cdf" -> d.cdfOperator().applyAsDouble(x);
                case "pdf" -> d.density(x);
                default -> throw new IllegalArgumentException(q);
            };
            double ref = ReferenceCsv.num(r.get("value_mpmath"));
            double tol = q.equals("cdf") || q.equals("pdf") ? CDF_PDF : MOMENTS;
            double floor = 1e-16 * (d.isBounded() ? d.upperBound() - d.lowerBound() : d.standardDeviation());
            double err = mine == ref ? 0 : Math.abs(mine - ref) / Math.max(Math.abs(ref), floor);
            if (q.equals("cdf") && Math.abs(mine - ref) <= CDF_ABSOLUTE) {
                worst.merge("cdf (absolute)", Math.abs(mine - ref), Math::max);
                continue;
            }
            assertThat(err).as("%s %s at %s: %s vs %s", r.get("law_id"), q, x, mine, ref).isLessThanOrEqualTo(tol);
            worst.merge(q, err, Math::max);
        }
        StringBuilder b = new StringBuilder("distributions.csv, max relative deviation per quantity:");
        worst.forEach((k, v) -> b.append(String.format(Locale.ROOT, " %s %.2g;", k, v)));
        GoldenKsTest.write("distributions.txt", b.append('\n').toString());
    }

    @Test
    void kerasConstantsEqualTheReference() throws IOException {
        TruncatedNormal t = TruncatedNormal.keras(0, 1);
        for (Map<String, String> r : ReferenceCsv.read("distributions.csv")) {
            if (!r.get("law_id").startsWith("constants:truncnorm")) {
                continue;
            }
            double ref = ReferenceCsv.num(r.get("value_mpmath"));
            double mine = switch (r.get("quantity")) {
                case "Z" -> 1 - StoredLaw.continuous(Normal.of(0, 1)).probabilityBeyond(0, 2);
                case "E_X2" -> t.variance();
                case "sd" -> TruncatedNormal.KERAS_CORRECTION;
                case "E_X4" -> t.fourthCentralMoment();
                case "kurtosis" -> t.kurtosis();
                case "pdf_at_cutoff" -> t.density(2);
                default -> throw new IllegalArgumentException(r.get("quantity"));
            };
            assertThat(mine).as(r.get("quantity")).isCloseTo(ref,
                    org.assertj.core.api.Assertions.within(MOMENTS * ref));
        }
    }
}
