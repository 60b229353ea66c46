package dev.initcheck.sample;

/**
 * The Kolmogorov–Smirnov distance between a sample's empirical CDF F_n and a declared CDF F.
 *
 * <p>{@code d} is a lower bound on D_n = sup |F_n - F| and {@code d + resolution} an upper bound: an exact source
 * ({@link SortedSample}) has resolution 0 and d = D_n = max(D+, D-); a binned source (probability-integral
 * transform into B bins) has d = D_lo and resolution 1/B, D_lo &lt;= D_n &lt;= D_lo + 1/B. Gating on {@code d}
 * keeps the DKW false-alarm guarantee, since D_lo &lt;= D_n.
 *
 * @param n          sample size
 * @param d          D_n (exact) or its lower bound D_lo (binned)
 * @param dPlus      max_i (i/n - F(x_(i))), or its lower bound
 * @param dMinus     max_i (F(x_(i)) - (i-1)/n), or its lower bound
 * @param location   the value x where the largest deviation occurs (NaN when unknown)
 * @param resolution 0 for an exact statistic, 1/B for B bins
 */
public record KsStatistic(long n, double d, double dPlus, double dMinus, double location, double resolution) {

    public KsStatistic {
        if (n < 1) {
            throw new IllegalArgumentException("KS statistic needs n >= 1, got " + n);
        }
        if (!(resolution >= 0)) {
            throw new IllegalArgumentException("resolution must be >= 0, got " + resolution);
        }
    }

    public boolean exact() {
        return resolution == 0;
    }

    /** The upper bound d + resolution on D_n. */
    public double upper() {
        return d + resolution;
    }

    /** +1 when the sample has too few values below {@code location} (F_n &lt; F), -1 when too many. */
    public int sign() {
        return dMinus >= dPlus ? 1 : -1;
    }
}
