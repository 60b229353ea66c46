package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/**
 * Every threshold against {@code reference/thresholds.csv} ({@code scripts/reference/thresholds_reference.py}):
 * closed forms were evaluated there in 50-digit mpmath, quantiles by scipy.
 */
class GoldenThresholdsTest {
    /** Closed forms evaluated in double: a few ulps. */
    private static final double CLOSED_FORM = 1e-14;
    /** Closed forms through the truncated normal's moments (recursion in double): a few more ulps. */
    private static final double VIA_MOMENTS = 1e-13;
    /** Chi-square and normal quantiles: Commons Statistics and scipy agree to a few ulps where scipy is accurate. */
    private static final double QUANTILE = 1e-12;
    /**
     * Lower chi-square quantiles chi2.ppf(alpha/2, n)/n where scipy 1.10 is inaccurate (n &gt;= 10^6, alpha &lt;=
     * 1e-6), keyed "alpha n". The values are Commons Statistics'; 40-digit mpmath quadrature of the chi-square
     * density over [q - 60 sd, q] gives P(chi2_n &lt;= q) = (alpha/2)(1 + e) with |e| &lt; 1e-12 for each, whereas
     * at scipy's quantile e = 1.1e-8 (1e-6, 10^6), 1.1e-9 (1e-8, 10^6), 7.2e-3 (1e-6, 10^7), 3.5e-3 (1e-8, 10^7).
     */
    private static final Map<String, Double> CHI2_LO_VERIFIED = Map.of(
            "1.0E-6 1000000", 993097.4574283119 / 1e6,
            "1.0E-8 1000000", 991916.7413624609 / 1e6,
            "1.0E-6 10000000", 9978139.211053692 / 1e7,
            "1.0E-8 10000000", 9974392.625201236 / 1e7);

    /** P(|Z| &gt; 2) as the tail check computes it (the stored law of a float64 value is the continuous one). */
    private static final double P0 = StoredLaw.continuous(Normal.of(0, 1)).probabilityBeyond(0, 2);

    /** The gate stores the interval 1 ± t, so t read back from it carries up to two ulps of 1 absolute. */
    private static final double INTERVAL_END = 2 * Math.ulp(1.0);

    private static void close(double mine, String reference, double relative, String what) {
        double ref = ReferenceCsv.num(reference);
        assertThat(mine).as(what).isCloseTo(ref, within(relative * Math.abs(ref)));
    }

    private static void closeInterval(double mine, String reference, double relative, String what) {
        double ref = ReferenceCsv.num(reference);
        assertThat(mine).as(what).isCloseTo(ref, within(relative * Math.abs(ref) + INTERVAL_END));
    }

    @Test
    void thresholdsEqualTheReference() throws IOException {
        Distribution uniform = Uniform.symmetric(1);
        Distribution trunc = TruncatedNormal.keras(0, 1);
        for (Map<String, String> r : ReferenceCsv.read("thresholds.csv")) {
            double alpha = ReferenceCsv.num(r.get("alpha"));
            int n = Integer.parseInt(r.get("n"));
            String at = " at alpha=" + alpha + " n=" + n;
            close(KolmogorovSmirnovCheck.threshold(n, alpha), r.get("dkw"), CLOSED_FORM, "dkw" + at);
            MomentIntervals.Interval chi2 = MomentIntervals.secondMomentInterval(
                    StoredLaw.continuous(Normal.of(0, 1)), n, alpha);
            Double verified = CHI2_LO_VERIFIED.get(alpha + " " + n);
            if (verified != null) {
                assertThat(chi2.lower()).as("chi2_lo (quadrature)" + at).isCloseTo(verified, within(1e-15));
            } else {
                close(chi2.lower(), r.get("chi2_lo"), QUANTILE, "chi2_lo" + at);
            }
            close(chi2.upper(), r.get("chi2_hi"), QUANTILE, "chi2_hi" + at);
            closeInterval(bernstein(uniform, n, alpha), r.get("bernstein_uniform"), CLOSED_FORM,
                    "bernstein_uniform" + at);
            closeInterval(bernstein(trunc, n, alpha), r.get("bernstein_truncnorm2"), VIA_MOMENTS,
                    "bernstein_truncnorm2" + at);
            close(EndpointCheck.linearEps(uniform, n, alpha), r.get("endpoint_uniform"), CLOSED_FORM, "endpoint" + at);
            close(EndpointCheck.linearEps(trunc, n, alpha), r.get("endpoint_truncnorm2"), VIA_MOMENTS, "endpoint" + at);
            close(MomentIntervals.meanThreshold(Normal.of(0, 1), n, alpha), r.get("mean_normal"), QUANTILE,
                    "mean" + at);
            close(MomentIntervals.meanThreshold(uniform, n, alpha), r.get("mean_bounded_uniform"), CLOSED_FORM,
                    "mean_bounded" + at);
            BinomialDistribution bin = BinomialDistribution.of(n, P0);
            assertThat(MomentIntervals.acceptLow(bin, alpha / 2)).as("tail lo" + at)
                    .isEqualTo((int) ReferenceCsv.num(r.get("tail_binomial_lo")));
            assertThat(MomentIntervals.acceptHigh(bin, alpha / 2)).as("tail hi" + at)
                    .isEqualTo((int) ReferenceCsv.num(r.get("tail_binomial_hi")));
        }
    }

    /** The half-width t of the interval the second-moment check gates on (production code, not a re-derivation). */
    private static double bernstein(Distribution law, long n, double alpha) {
        MomentIntervals.Interval iv = MomentIntervals.secondMomentInterval(StoredLaw.continuous(law), n, alpha);
        assertThat(iv.test()).isEqualTo("Bernstein");
        assertThat(1 - iv.lower()).isCloseTo(iv.upper() - 1, within(1e-15));
        return iv.upper() - 1;
    }

    @Test
    void constantsEqualTheReference() throws IOException {
        Map<String, String> c = ReferenceCsv.read("thresholds_constants.csv").stream()
                .collect(Collectors.toMap(r -> r.get("name"), r -> r.get("value")));
        TruncatedNormal t = TruncatedNormal.keras(0, 1);
        close(P0, c.get("p0_tail_normal"), CLOSED_FORM, "p0 as the tail check computes it");
        close(StoredLaw.continuous(Normal.of(0.3, 0.5)).probabilityBeyond(0.3, 1), c.get("p0_tail_normal"),
                CLOSED_FORM, "p0 about a mean");
        close(MomentIntervals.SquareMoments.of(StoredLaw.continuous(t)).bound(), c.get("B_truncnorm2"), VIA_MOMENTS,
                "B");
        close(t.kurtosis(), c.get("kappa_truncnorm2"), VIA_MOMENTS, "kappa");
        close(2 * t.density(2) * 2, c.get("c_endpoint_truncnorm2"), VIA_MOMENTS, "endpoint constant");
        close(MomentIntervals.SquareMoments.of(StoredLaw.continuous(Uniform.symmetric(0.3))).bound(),
                c.get("B_uniform"), CLOSED_FORM, "B uniform");
    }

    @Test
    void exactEndpointMarginIsNeverWiderThanTheLinearOne() {
        for (long n : new long[] {10, 1000, 100_000, 10_000_000}) {
            for (Distribution law : new Distribution[] {Uniform.symmetric(1), TruncatedNormal.keras(0, 1)}) {
                double exact = exactEps(law, n, 1e-6);
                double linear = EndpointCheck.linearEps(law, n, 1e-6);
                assertThat(exact).isLessThanOrEqualTo(linear);
                if (n >= 100_000) { // the linearisation is first order in eps (6e-4 for the truncated normal here)
                    assertThat(exact / linear).isGreaterThan(0.998);
                }
            }
        }
    }

    /** The exact eps of the endpoint gate for n values (precision slack excluded: FLOAT64 at a bound of 1 is 2e-16). */
    private static double exactEps(Distribution law, long n, double alpha) {
        double shortfall = -Math.expm1(Math.log(alpha) / n);
        return 1 - (law.inverseCdf(1 - shortfall / 2) - law.mean()) / (law.upperBound() - law.mean());
    }
}
