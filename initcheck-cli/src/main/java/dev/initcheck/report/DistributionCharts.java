package dev.initcheck.report;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.summary.BinnedCdf;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence the distribution checks weigh, drawn in units of the law: the deviation F_n − F with the DKW band
 * (the KS statistic D is its largest absolute value, marked), the histogram against the expected counts with a band
 * for each bin, both tails on a log scale, and a QQ plot. F is the law of the stored value ({@link StoredLaw}: the
 * declared law pushed through bf16/f16 rounding, the declared law itself in float32/float64), as the checks use it.
 * Drawn from the sorted values, or, for a streamed tensor, from its binned CDF ({@link BinnedCdf}); each caption
 * says which.
 */
final class DistributionCharts {
    static final int HISTOGRAM_BINS = 60;
    private static final int DEVIATION_GROUPS = 240;
    private static final int CURVE_POINTS = 120;
    private static final int QQ_POINTS = 100;

    private DistributionCharts() {
    }

    /** x ↦ (x − centre)/scale, named. */
    record Units(double centre, double scale, String name) {
        /**
         * Bound units (x/b, b the half-width of the support) for a bounded law whose bound lies within 4σ of its
         * centre (uniform: √3σ, Keras' truncation: 2.27σ); σ units otherwise (normal; an orthogonal matrix's
         * entries, bounded by the gain but spread over a few σ).
         */
        static Units of(Distribution d) {
            double sd = d.standardDeviation();
            if (d.isBounded()) {
                double c = (d.lowerBound() + d.upperBound()) / 2;
                double h = (d.upperBound() - d.lowerBound()) / 2;
                if (h <= 4 * sd) {
                    return new Units(c, h, (c == 0 ? "x / b" : "(x − c) / h") + " (b = " + Html.num(h)
                            + (c == 0 ? "" : ", c = " + Html.num(c)) + ")");
                }
            }
            double m = d.mean();
            return new Units(m, sd, (m == 0 ? "x / σ" : "(x − μ) / σ") + " (σ = " + Html.num(sd)
                    + (m == 0 ? "" : ", μ = " + Html.num(m)) + ")");
        }

        double of(double x) {
            return (x - centre) / scale;
        }

        double back(double u) {
            return centre + u * scale;
        }
    }

    /** The charts of one tensor (empty when there is nothing to draw). */
    static List<String> of(TensorResult t) {
        ChartData c = t.chart();
        if (c == null || !c.drawable()) {
            return List.of();
        }
        Verdict v = t.verdict();
        StoredLaw law = StoredLaw.of(v.expectation().distribution(), v.precision());
        Units u = Units.of(v.expectation().distribution());
        double[] gate = gate(v);
        List<String> out = new ArrayList<>();
        if (c.sorted() != null) {
            double[] s = c.sorted();
            out.add(SampleCharts.deviation(s, law, u, gate));
            out.add(SampleCharts.histogram(s, law, u));
            out.add(SampleCharts.tails(s, law, u));
            out.add(SampleCharts.qq(s, law, u));
        } else {
            BinnedCdf b = c.binned();
            out.add(BinnedCharts.deviation(b, u, gate));
            out.add(BinnedCharts.histogram(b, u));
            out.add(BinnedCharts.tails(b, law, u));
        }
        return out;
    }

    /** α of the drawn band for a tensor whose checks spent no share of the budget (no stochastic check ran). */
    static final double NO_SHARE_ALPHA = 1e-6;

    /**
     * The band for F_n − F: {ε, α, 1 when ε is the KS check's own threshold}. Without a KS check (orthogonal laws),
     * ε = √(ln(2/α)/(2n)) at the tensor's share α of the run's budget ({@link #NO_SHARE_ALPHA} when it spent none).
     */
    static double[] gate(Verdict v) {
        CheckResult ks = v.check(CheckName.KS).filter(CheckResult::ran).orElse(null);
        if (ks != null && Double.isFinite(ks.threshold())) {
            return new double[] {ks.threshold(), ks.alpha(), 1};
        }
        double alpha = v.alpha() > 0 ? v.alpha() : NO_SHARE_ALPHA;
        return new double[] {Bands.dkw(v.n(), alpha), alpha, 0};
    }

    static String gateText(double[] g) {
        if (g[2] == 1) {
            return "±ε = ±" + Html.num(g[0]) + ", the KS check's gate at its share α = " + Html.num(g[1])
                    + " (DKW: ε = √(ln(2/α)/(2n)), plus the stored-precision slack)";
        }
        return "±ε = ±" + Html.num(g[0]) + " = √(ln(2/α)/(2n)) (DKW) at " + (g[1] == NO_SHARE_ALPHA
                ? "α = " + Html.num(g[1]) + " (no KS check ran: this law is checked otherwise)"
                : "the tensor's share α = " + Html.num(g[1]));
    }

    /** A grid of k points over [a, b]. */
    static double[] grid(double a, double b, int k) {
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            g[i] = a + (b - a) * i / (k - 1);
        }
        return g;
    }

    /** Step outline of per-bin values over edges: 2 points per bin. */
    static double[][] steps(double[] edges, double[] v) {
        double[] x = new double[2 * v.length];
        double[] y = new double[2 * v.length];
        for (int i = 0; i < v.length; i++) {
            x[2 * i] = edges[i];
            x[2 * i + 1] = edges[i + 1];
            y[2 * i] = v[i];
            y[2 * i + 1] = v[i];
        }
        return new double[][] {x, y};
    }

    /** The histogram figure from counts and expected probabilities per bin (edges in law units). */
    static String histogramFigure(double[] edges, double[] counts, double[] p, long n, String unitName,
                                  String source) {
        int k = counts.length;
        double z = Bands.binZ(k, Bands.BIN_COVERAGE);
        double[] lo = new double[k];
        double[] hi = new double[k];
        double[] exp = new double[k];
        double top = 0;
        for (int i = 0; i < k; i++) {
            exp[i] = n * p[i];
            double hw = Bands.binHalfWidth(n, p[i], z);
            lo[i] = Math.max(0, exp[i] - hw);
            hi[i] = exp[i] + hw;
            top = Math.max(top, Math.max(counts[i], hi[i]));
        }
        Plot plot = new Plot(Plot.Axis.linear(edges[0], edges[k]), Plot.Axis.linear(0, top * 1.08));
        double[][] band = steps(edges, hi);
        plot.band(band[0], steps(edges, lo)[1], band[1], Plot.RED, 0.18, "expected ± z·√(np(1−p))");
        plot.bars(edges, counts, Plot.BLUE, "values in the bin");
        double[][] e = steps(edges, exp);
        plot.line(e[0], e[1], Plot.RED, 1.5, false, "expected count np");
        return plot.figure(unitName, "values per bin", "Histogram: " + k + " bins " + source + "; expected count "
                + "np under the law, band np ± z·√(np(1−p)) with z = " + String.format(java.util.Locale.ROOT, "%.2f", z)
                + " = Φ⁻¹(1 − 0.01/(2·" + k + ")), so that a correct tensor keeps all " + k + " bins inside with "
                + "probability ≈ 0.99.", "histogram against expected counts");
    }
}
