package dev.initcheck.sample;

import dev.initcheck.distribution.Distribution;

/** Test access to the exact KS source. */
public final class SortedSampleAccess {
    private SortedSampleAccess() {
    }

    public static KsStatistic ks(double[] x, Distribution law) {
        return SortedSample.of(x).distanceTo(law);
    }
}
