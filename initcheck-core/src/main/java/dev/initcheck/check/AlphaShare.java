package dev.initcheck.check;

import java.io.Serializable;
import java.util.Locale;

/**
 * A share of a run's false-alarm probability, validated once, where it is made: {@code 0 < value < 1}. It splits
 * itself equally (Bonferroni): by the union bound, if each of k parts raises a false alarm with probability at most
 * {@code value / k}, the whole does with probability at most {@code value}. The run's shares come from
 * {@link AlphaBudget} (per tensor, per pair of tensors); {@link Conformance} splits a tensor's share among its
 * stochastic checks.
 *
 * @param value the largest probability that correct values are rejected somewhere in what this share covers
 */
public record AlphaShare(double value) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @throws IllegalArgumentException unless {@code 0 < value < 1} (NaN included)
     */
    public AlphaShare {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + value);
        }
    }

    /**
     * The share {@code value}.
     *
     * @param value false-alarm probability, {@code 0 < value < 1}
     * @return the validated share
     * @throws IllegalArgumentException unless {@code 0 < value < 1}
     */
    public static AlphaShare of(double value) {
        return new AlphaShare(value);
    }

    /**
     * One of {@code parts} equal parts of this share: {@code value / parts}.
     *
     * @param parts number of parts, at least 1
     * @return the part
     * @throws IllegalArgumentException if {@code parts < 1}
     */
    public AlphaShare split(int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("a share splits into at least one part, got " + parts);
        }
        return new AlphaShare(value / parts);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "alpha %.3g", value);
    }
}
