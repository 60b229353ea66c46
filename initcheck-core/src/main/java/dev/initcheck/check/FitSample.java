package dev.initcheck.check;

/**
 * What {@link LawFit} needs from the finite values of a tensor, read once from the sorted sample: n, the
 * extremes and how often each occurs, the largest |y| (M) and how often it occurs, sums of y, y², y⁴ and
 * (y - mean)², and the median of |y|. Sums are taken in units of 2^e, 2^e &lt;= M &lt; 2^(e+1) (an exact
 * rescaling), so squares and fourth powers of values up to {@code Double.MAX_VALUE} do not overflow; sums are
 * compensated ({@link NeumaierSum}).
 */
final class FitSample {
    final double[] sorted;
    final int n;
    final double min;
    final double max;
    final int atMin;
    final int atMax;
    final double maxAbs;
    final int atMaxAbs;
    /** The ⌊n/2⌋-th (0-based) smallest |y|: the upper median for even n. */
    final double medianAbs;
    private final double unit;
    private final double sum;
    private final double squares;
    private final double fourth;
    private final double central;

    FitSample(double[] sorted) {
        this.sorted = sorted;
        n = sorted.length;
        min = sorted[0];
        max = sorted[n - 1];
        atMin = run(sorted, 0, 1);
        atMax = run(sorted, n - 1, -1);
        maxAbs = Math.max(-min, max);
        atMaxAbs = (max == maxAbs ? atMax : 0) + (-min == maxAbs && min != max ? atMin : 0);
        medianAbs = medianAbs(sorted);
        unit = maxAbs > 0 ? Math.scalb(1.0, -Math.getExponent(maxAbs)) : 1;
        NeumaierSum s1 = new NeumaierSum();
        NeumaierSum s2 = new NeumaierSum();
        NeumaierSum s4 = new NeumaierSum();
        for (double y : sorted) {
            double u = y * unit;
            double u2 = u * u;
            s1.add(u);
            s2.add(u2);
            s4.add(u2 * u2);
        }
        sum = s1.value();
        squares = s2.value();
        fourth = s4.value();
        double meanUnits = sum / n;
        NeumaierSum c = new NeumaierSum();
        for (double y : sorted) {
            double d = y * unit - meanUnits;
            c.add(d * d);
        }
        central = c.value();
    }

    private static int run(double[] s, int from, int step) {
        int k = 0;
        for (int i = from; i >= 0 && i < s.length && s[i] == s[from]; i += step) {
            k++;
        }
        return k;
    }

    /** Walks outwards from 0 through the negative and positive values, smallest |y| first. */
    private static double medianAbs(double[] s) {
        int j = java.util.Arrays.binarySearch(s, 0.0);
        if (j < 0) {
            j = -j - 1;
        }
        while (j > 0 && s[j - 1] >= 0) { // binarySearch may land on any of several zeros
            j--;
        }
        int i = j - 1;
        double last = Double.NaN;
        for (int k = 0; k <= s.length / 2; k++) {
            if (i >= 0 && (j >= s.length || -s[i] <= s[j])) {
                last = -s[i--];
            } else {
                last = s[j++];
            }
        }
        return last;
    }

    double mean() {
        return sum / n / unit;
    }

    /** sqrt(Σy²/n): the standard deviation about 0. */
    double rootMeanSquare() {
        return Math.sqrt(squares / n) / unit;
    }

    /** sqrt(Σ(y - mean)²/(n - 1)). */
    double standardDeviation() {
        return Math.sqrt(central / (n - 1)) / unit;
    }

    /** n·Σy⁴/(Σy²)²: the kurtosis about 0. */
    double kurtosisAboutZero() {
        return n * fourth / (squares * squares);
    }
}
