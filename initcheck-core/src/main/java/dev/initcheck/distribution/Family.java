package dev.initcheck.distribution;

/** The families of laws an initializer can be declared to follow. */
public enum Family {
    /** Continuous uniform on [lower, upper]. */
    UNIFORM,
    /** Untruncated normal. */
    NORMAL,
    /** Normal truncated to [lower, upper], parametrised by its parent mean and standard deviation. */
    TRUNCATED_NORMAL,
    /** Every weight equals one value (zeros, ones, constant). */
    POINT_MASS,
    /** One entry of a Haar-random orthogonal matrix scaled by a gain (dependent entries; see {@link OrthogonalEntry}). */
    ORTHOGONAL_ENTRY;

    /**
     * Lower-case name used in reports and JSON.
     *
     * @return e.g. {@code truncated_normal}
     */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
