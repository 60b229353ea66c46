package dev.initcheck.report;

import dev.initcheck.summary.BinnedCdf;

/**
 * What a tensor's distribution charts are drawn from: its values sorted ascending, or the binned CDF of a streaming
 * pass (large tensors), or nothing, with the reason shown in the report.
 *
 * @param sorted the values, ascending, or null
 * @param binned the binned CDF, or null
 * @param none   why there is no chart, or null
 */
public record ChartData(double[] sorted, BinnedCdf binned, String none) {
    public static ChartData sorted(double[] values) {
        return new ChartData(values, null, null);
    }

    public static ChartData binned(BinnedCdf b) {
        return new ChartData(null, b, null);
    }

    public static ChartData none(String reason) {
        return new ChartData(null, null, reason);
    }

    /** Whether there is something to draw. */
    public boolean drawable() {
        return sorted != null || binned != null;
    }
}
