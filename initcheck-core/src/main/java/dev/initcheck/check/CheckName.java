package dev.initcheck.check;

import java.util.Locale;

/** The checks initcheck runs; {@link #id()} is the name used in reports ({@code second_moment}). */
public enum CheckName {
    /** No NaN or infinity (hard). */
    FINITE,
    /** Every value inside the declared support, up to storage rounding (hard, bounded laws). */
    SUPPORT,
    /** The sample comes as close to the declared bound as a correct sample must (bounded laws). */
    ENDPOINT,
    /** Kolmogorov–Smirnov distance to the declared CDF, gated by the DKW–Massart inequality. */
    KS,
    /** Mean square about the declared mean, in units of the declared variance. */
    SECOND_MOMENT,
    /** Sample mean against the declared mean. */
    MEAN,
    /** Share of values beyond two standard deviations (untruncated normal only). */
    TAIL,
    /** Every value equals the declared constant (hard). */
    POINT_MASS,
    /** W·Wᵀ = gain²·I on the 2-D view (hard, orthogonal schemes). */
    ORTHOGONALITY,
    /** No two rows of the 2-D view are identical (hard). */
    DUPLICATE_ROWS,
    /** No two columns of the 2-D view are identical (hard). */
    DUPLICATE_COLUMNS,
    /** Correlation of consecutive values in storage order. */
    LAG1_CORRELATION,
    /** Correlation between two tensors (a reused seed). */
    CROSS_CORRELATION,
    /** Equals, bit for bit, the tensor it is declared tied to (hard). */
    TIED,
    /** Its first values are not an affine image of another tensor's: no reused random stream (hard). */
    STREAM_REUSE;

    /** @return the name in reports: lower case with underscores, e.g. {@code second_moment} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
