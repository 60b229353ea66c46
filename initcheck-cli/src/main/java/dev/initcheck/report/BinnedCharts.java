package dev.initcheck.report;

import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.summary.BinnedCdf;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DistributionCharts} drawn from a streaming pass's binned CDF: C_j = #{x &lt; t_j} at the kept edges t_j and
 * the law's P(Y &lt; t_j). No QQ plot: quantiles need the values.
 */
final class BinnedCharts {
    private BinnedCharts() {
    }

    private static String source(BinnedCdf b) {
        return "from the binned CDF of a streaming pass over all " + b.n() + " values (" + b.edges().length
                + " of its cell edges, B = " + b.bins() + ")";
    }

    /** C_j/n − P(Y &lt; t_j) at the kept edges; D_lo, its largest absolute value, is among them. */
    static String deviation(BinnedCdf b, DistributionCharts.Units u, double[] gate) {
        int k = b.edges().length;
        double[] x = new double[k];
        double[] y = new double[k];
        double d = -1;
        int at = 0;
        for (int j = 0; j < k; j++) {
            x[j] = u.of(b.edges()[j]);
            y[j] = (double) b.below()[j] / b.n() - b.expected()[j];
            if (Math.abs(y[j]) > d) {
                d = Math.abs(y[j]);
                at = j;
            }
        }
        return SampleCharts.deviationFigure(x, y, x[at], y[at], d, gate, u.name(), source(b)
                + "; D_lo ≤ D ≤ D_lo + " + Html.num(b.resolution()), "D_lo");
    }

    /** Groups of kept edges, equal in x (the grid is uniform in x), into at most 60 bins. */
    static String histogram(BinnedCdf b, DistributionCharts.Units u) {
        int k = b.edges().length;
        int bins = Math.min(DistributionCharts.HISTOGRAM_BINS, k - 1);
        double[] e = new double[bins + 1];
        double[] counts = new double[bins];
        double[] p = new double[bins];
        int[] idx = new int[bins + 1];
        for (int i = 0; i <= bins; i++) {
            idx[i] = (int) ((long) i * (k - 1) / bins);
            e[i] = u.of(b.edges()[idx[i]]);
        }
        for (int i = 0; i < bins; i++) {
            counts[i] = b.below()[idx[i + 1]] - b.below()[idx[i]];
            p[i] = b.expected()[idx[i + 1]] - b.expected()[idx[i]];
        }
        long outside = b.n() - (b.below()[k - 1] - b.below()[0]);
        return DistributionCharts.histogramFigure(e, counts, p, b.n(), u.name(), source(b) + " ("
                + Page.plural(outside, "value") + " in the end cells, beyond the range drawn)");
    }

    /** Left tail C_j/n against P(Y &lt; t_j), right tail 1 − C_j/n against P(Y ≥ t_j), at the kept edges. */
    static String tails(BinnedCdf b, StoredLaw law, DistributionCharts.Units u) {
        List<double[]> l = new ArrayList<>();
        List<double[]> r = new ArrayList<>();
        for (int j = 0; j < b.edges().length; j++) {
            double x = u.of(b.edges()[j]);
            double fe = (double) b.below()[j] / b.n();
            if (b.expected()[j] <= 0.5) {
                l.add(new double[] {x, fe, b.expected()[j]});
            } else {
                r.add(new double[] {x, 1 - fe, 1 - b.expected()[j]});
            }
        }
        double floor = 0.5 / b.n();
        double lo = Math.min(l.isEmpty() ? 0.5 : l.get(0)[2], r.isEmpty() ? 0.5 : r.get(r.size() - 1)[2]);
        Plot p = new Plot(Plot.Axis.linear(u.of(b.edges()[0]), u.of(b.edges()[b.edges().length - 1])),
                Plot.Axis.log(Math.max(floor, Math.min(lo, 0.5) * 0.5), 0.5));
        int points = l.size() + r.size();
        boolean band = b.n() <= Integer.MAX_VALUE; // exact binomial quantiles need an int count
        if (band) {
            double floorShown = p.y().lo();
            double[][] bl = SampleCharts.tailBand(col(l, 2), (int) b.n(), floorShown, points);
            double[][] br = SampleCharts.tailBand(col(r, 2), (int) b.n(), floorShown, points);
            p.band(col(l, 0), bl[0], bl[1], Plot.ORANGE, 0.25, "range of a correct sample's share (all " + points
                    + " edges, ≥ " + Html.num(Bands.BIN_COVERAGE) + ")");
            p.band(col(r, 0), br[0], br[1], Plot.ORANGE, 0.25, null);
        }
        p.line(col(l, 0), col(l, 2), Plot.RED, 1.5, false, "law: P(Y < x) left, P(Y ≥ x) right");
        p.line(col(r, 0), col(r, 2), Plot.RED, 1.5, false, null);
        p.line(col(l, 0), col(l, 1), Plot.BLUE, 1.5, false, "values: share < x left, ≥ x right");
        p.line(col(r, 0), col(r, 1), Plot.BLUE, 1.5, false, null);
        return p.figure(u.name(), "tail probability (log)", "Tails " + source(b) + ": the grid spans the law's "
                + "quantiles 1/(2B) to 1 − 1/(2B), or its support, so the tails are drawn down to about 1/(2B) = "
                + Html.num(0.5 / b.bins()) + ". " + (band ? "Shaded: exact Binomial(n, q) quantiles around the law at "
                + "each edge, Bonferroni over the " + points + " edges." : "No band: n exceeds 2^31 − 1.")
                , "tail probabilities on a log scale");
    }

    private static double[] col(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(x -> x[c]).toArray();
    }
}
