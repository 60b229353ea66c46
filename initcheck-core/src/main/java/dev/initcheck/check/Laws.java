package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;

/** Facts about declared laws that several checks need. */
final class Laws {
    /** Largest share of alpha by which treating a truncated normal as its parent may change a false-alarm rate. */
    private static final double NEGLIGIBLE_SHARE = 1e-3;

    private Laws() {
    }

    /** The standard member of a family: U(-sqrt3, sqrt3), N(0, 1), N(0, 1) cut at ±2 (Keras). */
    static Distribution canonical(Family family) {
        return switch (family) {
            case UNIFORM -> Uniform.symmetric(Math.sqrt(3.0));
            case NORMAL -> Normal.of(0, 1);
            case TRUNCATED_NORMAL -> TruncatedNormal.keras(0, 1);
            default -> throw new IllegalArgumentException("no scale-error power for family " + family.id()
                    + " (valid: uniform, normal, truncated_normal)");
        };
    }

    /**
     * The law the moment checks test against. A normal truncated so far out that a sample of n values cannot tell
     * it from its parent (e.g. torch {@code trunc_normal_(std=0.02)} with the default cut-offs ±2, at ±100 sd) is
     * tested as the parent normal, with the exact chi-square, z and tail tests instead of Bernstein's bounds (which
     * would be very weak with a bound B = 10^4). Justification: the total-variation distance between n draws of
     * the two laws is at most n·m, m the parent mass outside the cut-offs, so any test's false-alarm probability
     * changes by at most n·m; the switch is made only when n·m &lt;= alpha/1000.
     */
    static Distribution effective(Distribution law, long n, double alpha) {
        Distribution parent = law.parent();
        if (parent != law) {
            double outside = parent.cdf(law.lowerBound()) + parent.survival(law.upperBound());
            if (n * outside <= alpha * NEGLIGIBLE_SHARE) {
                return parent;
            }
        }
        return law;
    }
}
