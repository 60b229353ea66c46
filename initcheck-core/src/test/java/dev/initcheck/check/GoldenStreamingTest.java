package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.sample.KsStatistic;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.StreamingEngine;
import dev.initcheck.summary.StreamingSummary;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streaming path on scipy's golden KS set: D_lo <= D <= D_hi on every case (D is scipy's), D_hi - D_lo <= 1/B,
 * and the KS gate reaches the same decision on both paths at the run's default budget, except where the threshold
 * falls between D_lo and D (then the streaming path accepts, the conservative side; counted, and asserted rare).
 */
class GoldenStreamingTest {
    private static final int BINS = StreamingSummary.DEFAULT_BINS;
    /** CDF rounding between scipy and Java, as in GoldenKsTest. */
    private static final double D_TOLERANCE = 1e-12;

    @Test
    void boundsBracketScipysStatisticAndVerdictsAgree() throws IOException {
        List<Map<String, String>> rows = ReferenceCsv.read("ks/ks_golden.csv");
        int ambiguous = 0;
        for (Map<String, String> r : rows) {
            String id = r.get("case_id");
            double[] x = Npy.read(ReferenceCsv.DIR.resolve("ks").resolve(id + ".npy"));
            Distribution law = GoldenKsTest.declared(r.get("family"), ReferenceCsv.num(r.get("param")));
            StreamingSummary s = StreamingEngine.summarize(x, BinEdges.of(law, BINS), 2);
            KsStatistic lo = s.distanceTo(law);
            double d = ReferenceCsv.num(r.get("D"));
            assertThat(lo.d()).as(id).isLessThanOrEqualTo(d + D_TOLERANCE);
            assertThat(lo.upper()).as(id).isGreaterThanOrEqualTo(d - D_TOLERANCE);
            assertThat(lo.resolution()).as(id).isLessThanOrEqualTo(1.0 / BINS * (1 + 1e-9));
            double c = KolmogorovSmirnovCheck.threshold(x.length, 1e-6);
            boolean exactRejects = d > c;
            boolean streamingRejects = lo.d() > c;
            if (exactRejects != streamingRejects) {
                assertThat(streamingRejects).as(id + ": streaming may only be more lenient").isFalse();
                ambiguous++;
            }
        }
        assertThat(ambiguous).as("cases whose KS threshold lies in [D_lo, D]").isLessThanOrEqualTo(2);
    }

    @Test
    void fullVerdictsAgreeOnGoldenSamplesAsTensors() throws IOException {
        for (Map<String, String> r : ReferenceCsv.read("ks/ks_golden.csv")) {
            int n = Integer.parseInt(r.get("n"));
            if (n < 1000) {
                continue; // a 1-D tensor of a few values: both paths are trivially the same code
            }
            double[] x = Npy.read(ReferenceCsv.DIR.resolve("ks").resolve(r.get("case_id") + ".npy"));
            Distribution law = GoldenKsTest.declared(r.get("family"), ReferenceCsv.num(r.get("param")));
            String scheme = switch (r.get("family")) {
                case "uniform" -> "uniform(limit=" + r.get("param") + ")";
                case "normal" -> "normal(stddev=" + r.get("param") + ")";
                default -> "truncated_normal(stddev=" + r.get("param") + ")";
            };
            var e = Scheme.parse(scheme).resolve(Shape.of(n), Layout.PYTORCH);
            assertThat(e.distribution()).isEqualTo(law);
            Verdict exact = Conformance.check(x, e, Precision.FLOAT64, 1e-6);
            StreamingSummary s = StreamingEngine.summarize(x, BinEdges.of(law, BINS), 2);
            Verdict streaming = Conformance.check(s.moments(), s, e, Precision.FLOAT64, AlphaShare.of(1e-6));
            assertThat(streaming.passed()).as(r.get("case_id")).isEqualTo(exact.passed());
        }
    }
}
