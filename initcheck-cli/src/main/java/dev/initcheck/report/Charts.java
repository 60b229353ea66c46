package dev.initcheck.report;

import dev.initcheck.distribution.Distribution;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts as PNG data URIs (XChart, rendered headless), so the HTML is one self-contained file.
 * Inputs are sorted samples; every chart draws at most a few thousand points whatever n is.
 */
public final class Charts {
    static final int WIDTH = 520;
    static final int HEIGHT = 340;
    private static final int CURVE_POINTS = 400;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** Histogram of the samples (as a density) against the expected density. */
    public static String histogram(String title, double[] sorted, Distribution law, int bins) {
        double lo = Double.isFinite(law.lowerBound()) ? Math.min(law.lowerBound(), sorted[0]) : sorted[0];
        double hi = Double.isFinite(law.upperBound()) ? Math.max(law.upperBound(), sorted[sorted.length - 1])
                : sorted[sorted.length - 1];
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double width = (hi - lo) / bins;
        double[] counts = new double[bins];
        for (double v : sorted) {
            counts[Math.min(bins - 1, Math.max(0, (int) ((v - lo) / width)))]++;
        }
        double[] x = new double[2 * bins];
        double[] y = new double[2 * bins];
        for (int i = 0; i < bins; i++) {
            double h = counts[i] / (sorted.length * width);
            x[2 * i] = lo + i * width;
            x[2 * i + 1] = lo + (i + 1) * width;
            y[2 * i] = h;
            y[2 * i + 1] = h;
        }
        XYChart c = chart(title, "w", "density");
        line(c, "samples", x, y, new Color(0x4C72B0), 1.5f);
        double[] gx = grid(lo, hi, CURVE_POINTS);
        line(c, "expected density", gx, map(gx, law::density), new Color(0xC44E52), 2f);
        return png(c);
    }

    /** Empirical CDF against the expected CDF with the DKW band CDF ± {@code band}; D annotated in the title. */
    public static String ecdf(String title, double[] sorted, Distribution law, double d, double band) {
        int n = sorted.length;
        int k = Math.min(n, 2000);
        double[] x = new double[k];
        double[] emp = new double[k];
        for (int i = 0; i < k; i++) {
            int idx = (int) ((long) i * (n - 1) / Math.max(1, k - 1));
            x[i] = sorted[idx];
            emp[i] = (idx + 1.0) / n;
        }
        XYChart c = chart(title + String.format(java.util.Locale.ROOT, "  (D = %.3g, DKW band ±%.3g)", d, band),
                "w", "CDF");
        double[] expected = map(x, law::cdf);
        line(c, "DKW band", x, map(expected, p -> Math.min(1, p + band)), new Color(0xBBBBBB), 1f);
        line(c, "DKW band (lower)", x, map(expected, p -> Math.max(0, p - band)), new Color(0xBBBBBB), 1f)
                .setShowInLegend(false);
        line(c, "expected CDF", x, expected, new Color(0xC44E52), 2f);
        line(c, "empirical CDF", x, emp, new Color(0x4C72B0), 1.5f);
        return png(c);
    }

    /** Sample quantiles against the expected quantiles at {@code points} probabilities, with the line y = x. */
    public static String qq(String title, double[] sorted, Distribution law, int points) {
        int n = sorted.length;
        double[] tq = new double[points];
        double[] sq = new double[points];
        for (int i = 0; i < points; i++) {
            double p = (i + 0.5) / points;
            tq[i] = law.inverseCdf(p);
            sq[i] = sorted[Math.min(n - 1, (int) (p * n))];
        }
        XYChart c = chart(title, "expected quantile", "sample quantile");
        double lo = Math.min(tq[0], sq[0]);
        double hi = Math.max(tq[points - 1], sq[points - 1]);
        line(c, "y = x", new double[] {lo, hi}, new double[] {lo, hi}, new Color(0xC44E52), 1.5f);
        XYSeries s = c.addSeries("quantiles", tq, sq);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(new Color(0x4C72B0));
        return png(c);
    }

    /** One line per series over a shared x axis (e.g. activation std by layer); {@code logY} for vanishing values. */
    public static String lines(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> series,
                               boolean logY) {
        XYChart c = chart(title, xLabel, yLabel);
        c.getStyler().setYAxisLogarithmic(logY);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // never over the lines
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        List<Color> palette = List.of(new Color(0x4C72B0), new Color(0xDD8452), new Color(0x55A868),
                new Color(0xC44E52), new Color(0x8172B3), new Color(0x937860), new Color(0xDA8BC3), new Color(0x8C8C8C));
        int i = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] y = logY ? map(e.getValue(), v -> Math.max(v, 1e-300)) : e.getValue();
            XYSeries s = line(c, e.getKey(), x, y, palette.get(i++ % palette.size()), 2f);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return png(c);
    }

    private static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(0xE5E5E5));
        c.getStyler().setMarkerSize(4);
        c.getStyler().setAntiAlias(true);
        return c;
    }

    private static XYSeries line(XYChart c, String name, double[] x, double[] y, Color color, float width) {
        XYSeries s = c.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width));
        return s;
    }

    private static double[] grid(double lo, double hi, int k) {
        double[] g = new double[k];
        for (int i = 0; i < k; i++) {
            g[i] = lo + (hi - lo) * i / (k - 1);
        }
        return g;
    }

    private static double[] map(double[] x, java.util.function.DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(x[i]);
        }
        return y;
    }

    /** {@code data:image/png;base64,...}. */
    static String png(XYChart c) {
        try {
            byte[] bytes = BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + c.getTitle() + "'", e);
        }
    }
}
