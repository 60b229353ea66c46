package dev.initcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.check.Conformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.PitHistogram;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Charts of a large tensor come from its streaming summary: deviation, histogram and tails drawn from the binned CDF,
 * the caption naming that source and the D_lo the histogram computes (seed 13, N(0, 0.02) scaled by 1.03, n = 2^18);
 * a tensor that cannot be drawn says why instead of vanishing.
 */
class BinnedChartsTest {
    @Test
    void aStreamedTensorIsDrawnFromItsBinsAndSaysSo() {
        Expectation e = Scheme.parse("normal(stddev=0.02)").resolve(Shape.of(512, 512), Layout.PYTORCH);
        double[] v = ReferenceInitializer.sample(e, SeededRandom.of(13).create());
        for (int i = 0; i < v.length; i++) {
            v[i] *= 1.03;
        }
        Verdict verdict = Conformance.check(v, e, Precision.FLOAT64, 1e-6);
        PitHistogram h = new PitHistogram(BinEdges.of(e.distribution(), Precision.FLOAT64, 1 << 12));
        h.add(v, v.length);
        TensorResult t = new TensorResult("big.npy", "w", verdict, ChartData.binned(h.binnedCdf(2048)), 0.1);
        List<String> charts = DistributionCharts.of(t);
        assertThat(charts).hasSize(3); // no QQ plot without the values
        assertThat(charts).allMatch(c -> c.contains("from the binned CDF of a streaming pass over all 262144 values"));
        assertThat(charts.get(0)).contains("D_lo = " + Html.num(h.ksStatistic().d()));
        assertThat(charts.get(2)).contains("Shaded: exact Binomial(n, q) quantiles around the law at each edge")
                .contains("fill-opacity=\"0.250\"");
        StringBuilder b = new StringBuilder();
        FilesPage.detail(b, new TensorResult("f.npy", "nan", verdict, ChartData.none("the tensor holds NaN"), 0.1),
                List.of());
        assertThat(b.toString()).contains("No distribution chart: the tensor holds NaN");
    }
}
