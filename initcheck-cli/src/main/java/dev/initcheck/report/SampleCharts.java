package dev.initcheck.report;

import dev.initcheck.distribution.StoredLaw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link DistributionCharts} drawn from all the values, sorted ascending. */
final class SampleCharts {
    private static final int GROUPS = 240;
    private SampleCharts() {
    }

    /** P(Y ≤ x) for a stored value x. */
    private static double atOrBelow(StoredLaw law, double x) {
        return law.cdfAtOrBelow(x);
    }

    /** P(Y ≥ x) for a stored value x, without cancellation for continuous laws. */
    private static double atOrAbove(StoredLaw law, double x) {
        return law.enumerated() ? 1 - law.cdfStrictlyBelow(x) : law.declared().survival(x);
    }

    /**
     * F_n − F at every value: just after x_(i) it is i/n − P(Y ≤ x_(i)), just before (i−1)/n − P(Y &lt; x_(i)); the
     * largest absolute value is D. Drawn as the envelope of {@value #GROUPS} groups of consecutive values, so no
     * excursion is lost whatever n.
     */
    static String deviation(double[] s, StoredLaw law, DistributionCharts.Units u, double[] gate) {
        int n = s.length;
        int groups = Math.min(GROUPS, n);
        double[] gx = new double[2 * groups];
        double[] gy = new double[2 * groups];
        double d = -1;
        double dAt = s[0];
        double dValue = 0;
        for (int g = 0; g < groups; g++) {
            int a = (int) ((long) g * n / groups);
            int b = (int) ((long) (g + 1) * n / groups);
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int i = a; i < b; i++) {
                double after = (i + 1.0) / n - atOrBelow(law, s[i]);
                double before = (double) i / n - law.cdfStrictlyBelow(s[i]);
                max = Math.max(max, after);
                min = Math.min(min, before);
                if (Math.max(after, -before) > d) {
                    d = Math.max(after, -before);
                    dAt = s[i];
                    dValue = after >= -before ? after : before;
                }
            }
            gx[2 * g] = u.of(s[a]);
            gx[2 * g + 1] = u.of(s[b - 1]);
            gy[2 * g] = max;
            gy[2 * g + 1] = min;
        }
        return deviationFigure(gx, gy, u.of(dAt), dValue, d, gate, u.name(),
                "from all " + n + " values (envelope of " + groups + " groups of consecutive values)", "D");
    }

    static String deviationFigure(double[] x, double[] y, double dx, double dy, double d, double[] gate,
                                  String unit, String source, String dName) {
        double eps = gate[0];
        double span = Math.max(eps * 1.35, d * 1.15);
        Plot p = new Plot(Plot.Axis.linear(x[0], x[x.length - 1]), Plot.Axis.linear(-span, span));
        p.band(new double[] {x[0], x[x.length - 1]}, new double[] {-eps, -eps}, new double[] {eps, eps},
                Plot.GREEN, 0.15, "DKW band ±ε");
        p.hline(0, Plot.GREY, true, null);
        p.line(x, y, Plot.BLUE, 1.2, false, "F_n − F");
        p.marker(dx, dy, d > eps ? Plot.RED : Plot.BLACK, dName + " = " + Html.num(d));
        return p.figure(unit, "F_n(x) − F(x)", "Deviation of the empirical CDF from the law's, " + source + ". The KS "
                + "statistic " + dName + " = " + Html.num(d) + " is its largest absolute value (circled); band "
                + DistributionCharts.gateText(gate) + ": a correct tensor stays inside it everywhere with "
                + "probability ≥ 1 − α.", "deviation of the empirical CDF with the DKW band");
    }

    /** {@value DistributionCharts#HISTOGRAM_BINS} equal bins over the law's central range and the values. */
    static String histogram(double[] s, StoredLaw law, DistributionCharts.Units u) {
        int n = s.length;
        double[] r = range(s[0], s[n - 1], law, u);
        int k = DistributionCharts.HISTOGRAM_BINS;
        double[] edges = DistributionCharts.grid(r[0], r[1], k + 1);
        double[] counts = new double[k];
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            double a = u.back(edges[i]);
            double b = u.back(edges[i + 1]);
            int to = i == k - 1 ? upperIndex(s, b) : lowerIndex(s, b); // the last bin is closed
            counts[i] = to - lowerIndex(s, a);
            p[i] = law.cdfBelow(i == k - 1 ? Math.nextUp(b) : b) - law.cdfBelow(a);
        }
        int outside = n - (upperIndex(s, u.back(edges[k])) - lowerIndex(s, u.back(edges[0])));
        return DistributionCharts.histogramFigure(edges, counts, p, n, u.name(), "of all " + n + " values"
                + (outside > 0 ? " (" + Page.plural(outside, "value") + " beyond ±8 units, outside the range drawn)" : ""));
    }

    /** [lo, hi] in law units: the support for bound units, else the 0.001/0.999 quantiles and the values, ±8. */
    static double[] range(double min, double max, StoredLaw law, DistributionCharts.Units u) {
        var d = law.declared();
        double lo = u.of(d.inverseCdf(1e-3));
        double hi = u.of(d.inverseCdf(1 - 1e-3));
        boolean boundUnits = u.name().startsWith("x / b") || u.name().startsWith("(x − c)");
        if (boundUnits) {
            lo = Math.min(lo, u.of(d.lowerBound()));
            hi = Math.max(hi, u.of(d.upperBound()));
        }
        lo = Math.max(-8, Math.min(lo, u.of(min)));
        hi = Math.min(8, Math.max(hi, u.of(max)));
        double pad = (hi - lo) * 1e-9; // so that x -> (x - c)/s -> back keeps the extremes inside
        return new double[] {lo - pad, hi + pad};
    }

    private static int lowerIndex(double[] s, double x) { // first index with s[i] >= x
        int i = Arrays.binarySearch(s, x);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && s[i - 1] == x) {
            i--;
        }
        return i;
    }

    private static int upperIndex(double[] s, double x) { // first index with s[i] > x
        int i = Arrays.binarySearch(s, x);
        if (i < 0) {
            return -i - 1;
        }
        while (i < s.length && s[i] == x) {
            i++;
        }
        return i;
    }

    /** Grid points per tail of the tail view. */
    static final int TAIL_POINTS = 60;

    /** The tail band at every grid point: {lower shares, upper shares}, zero shares raised to the axis floor. */
    static double[][] tailBand(double[] q, int n, double floor) {
        return tailBand(q, n, floor, 2 * TAIL_POINTS);
    }

    /** As above, Bonferroni over {@code points} plotted points in all. */
    static double[][] tailBand(double[] q, int n, double floor, int points) {
        double[] lo = new double[q.length];
        double[] hi = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            double[] b = Bands.tailShare(n, q[i], points, Bands.BIN_COVERAGE);
            lo[i] = Math.max(floor, b[0]);
            hi[i] = Math.max(floor, b[1]);
        }
        return new double[][] {lo, hi};
    }

    /**
     * Both tails on a log scale: below the median F_n(x) = #{x_i ≤ x}/n against F(x), above it #{x_i ≥ x}/n against
     * P(Y ≥ x), at the k-th smallest and largest values for k = 1, 2, 3, … (geometrically spaced).
     */
    static String tails(double[] s, StoredLaw law, DistributionCharts.Units u) {
        int n = s.length;
        List<double[]> left = new ArrayList<>();
        List<double[]> right = new ArrayList<>();
        for (long k = 1; k <= n / 2; k = Math.max(k + 1, (long) (k * 1.15))) {
            left.add(new double[] {u.of(s[(int) k - 1]), (double) k / n});
            right.add(new double[] {u.of(s[n - (int) k]), (double) k / n});
        }
        double floor = 0.5 / n;
        double xlo = Math.min(u.of(s[0]), u.of(law.declared().inverseCdf(floor)));
        double xhi = Math.max(u.of(s[n - 1]), u.of(law.declared().inverseCdf(1 - floor)));
        xlo = Math.max(xlo, -8);
        xhi = Math.min(xhi, 8);
        double mid = u.of(law.declared().inverseCdf(0.5));
        double[] gl = DistributionCharts.grid(xlo, mid, TAIL_POINTS);
        double[] gr = DistributionCharts.grid(mid, xhi, TAIL_POINTS);
        double[] fl = new double[TAIL_POINTS];
        double[] fr = new double[TAIL_POINTS];
        for (int i = 0; i < TAIL_POINTS; i++) {
            fl[i] = law.declared().cdf(u.back(gl[i]));
            fr[i] = law.declared().survival(u.back(gr[i]));
        }
        Plot p = new Plot(Plot.Axis.linear(xlo, xhi), Plot.Axis.log(floor, 0.5));
        double[][] bl = tailBand(fl, n, floor);
        double[][] br = tailBand(fr, n, floor);
        p.band(gl, bl[0], bl[1], Plot.ORANGE, 0.25, "range of a correct sample's share (all "
                + 2 * TAIL_POINTS + " points, ≥ " + Html.num(Bands.BIN_COVERAGE) + ")");
        p.band(gr, br[0], br[1], Plot.ORANGE, 0.25, null);
        p.line(gl, fl, Plot.RED, 1.5, false, "law: F(x) left, 1 − F(x) right");
        p.line(gr, fr, Plot.RED, 1.5, false, null);
        p.line(col(left, 0), col(left, 1), Plot.BLUE, 1.5, false, "values: share ≤ x left, ≥ x right");
        p.line(col(right, 0), col(right, 1), Plot.BLUE, 1.5, false, null);
        return p.figure(u.name(), "tail probability (log)", "Tails: the share of values at or beyond x against the "
                + "law's tail probability, from all " + n + " values, down to 1/n = " + Html.num(1.0 / n) + ". "
                + "Shaded: exact Binomial(n, q) quantiles around the law at each of the " + 2 * TAIL_POINTS
                + " points, Bonferroni over them, so a correct sample stays inside at all of them with probability "
                + "≥ " + Html.num(Bands.BIN_COVERAGE) + " (zero counts sit on the floor). "
                + "Truncation shows as the values' curve dropping to 1/n before the law's; a scale error as a "
                + "horizontal offset; bf16/f16 rounding as steps.", "tail probabilities on a log scale");
    }

    private static double[] col(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    /** Sample quantiles against the law's at {@value #QQ} probabilities (i + ½)/k, in law units. */
    static String qq(double[] s, StoredLaw law, DistributionCharts.Units u) {
        int n = s.length;
        int k = Math.min(QQ, n);
        double[] tq = new double[k];
        double[] sq = new double[k];
        for (int i = 0; i < k; i++) {
            double prob = (i + 0.5) / k;
            tq[i] = u.of(law.declared().inverseCdf(prob));
            sq[i] = u.of(s[Math.min(n - 1, (int) (prob * n))]);
        }
        double lo = Math.min(tq[0], sq[0]);
        double hi = Math.max(tq[k - 1], sq[k - 1]);
        Plot p = new Plot(Plot.Axis.padded(lo, hi, 0.03), Plot.Axis.padded(lo, hi, 0.03));
        p.line(new double[] {lo, hi}, new double[] {lo, hi}, Plot.RED, 1.2, true, "y = x");
        p.line(tq, sq, Plot.BLUE, 1.5, false, null);
        p.points(tq, sq, Plot.BLUE, "quantiles");
        return p.figure("law quantile, " + u.name(), "value quantile", "QQ plot: the values' quantiles against the "
                + "law's at " + k + " probabilities (i + ½)/" + k + "; a correct tensor lies on y = x, a scale error "
                + "tilts the line, a wrong family bends it.", "QQ plot");
    }

    private static final int QQ = 60;
}
