package dev.initcheck.check;

/** The checks whose power against a scale error {@link Power} computes. */
public enum CheckKind {
    /** Kolmogorov–Smirnov distance, DKW–Massart gate. */
    KS,
    /** Mean square about the declared mean (chi-square for the normal, Bernstein for bounded laws). */
    SECOND_MOMENT
}
