package dev.initcheck.audit;

import java.util.Locale;

/** What the audit concluded about one tensor. */
public enum TensorStatus {
    /** Declared, and every check passed. */
    PASS,
    /** A check rejected it, it reuses another tensor's random stream, or no law explains its values. */
    FAIL,
    /** Declared and not rejected, but some check could not have detected a relevant error at this size. */
    INCONCLUSIVE,
    /** No rule or preset declares it; it was identified, and a law explains it. */
    UNDECLARED,
    /** Not examined: a {@code skip} rule, a non-float dtype, or no elements. */
    SKIPPED;

    /** {@code pass}, {@code fail}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
