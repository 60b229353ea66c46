package dev.initcheck.propagation;

import java.util.Locale;

/**
 * The qualitative outcome of seed document 000's experiment for one initializer: activations that vanish, that
 * saturate, that explode, or that stay in between.
 *
 * <p>Rules, applied in this order to a {@link ForwardMeasurement}:
 * <ol>
 *   <li>{@link #SATURATING}: a bounded activation has more than {@value #SATURATED_MAJORITY} of its (unit, input)
 *       pairs saturated in some layer: most units sit where f' ≈ 0.</li>
 *   <li>{@link #VANISHING} / {@link #EXPLODING}: over layers 2..L the geometric mean of std_l/std_{l−1} is below
 *       1/{@value #RATIO_LIMIT} / above {@value #RATIO_LIMIT} (or the last layer's std is exactly 0).</li>
 *   <li>{@link #STABLE} otherwise.</li>
 * </ol>
 * Why these limits: a factor 2 per layer in std is a factor 4 in variance, far from what variance-preserving
 * schemes give (He + ReLU: 1 exactly in theory; Glorot + tanh with equal widths: the mean-field std ratio
 * stays ≥ 0.7 over the first 10 layers, the slow 1/√l decay of tanh's fixed point at 0) and far from what the
 * seed's small weights give (0.01·N(0,1), n = 50: √(50·10⁻⁴) ≈ 0.07). The saturation limit is a majority;
 * N(0,1) weights with tanh saturate 69–79% (theory for n ≥ 50), Glorot at most 5% (layer 1, n_in ≤ 8·n_out).
 */
public enum Regime {
    VANISHING, SATURATING, EXPLODING, STABLE;

    /** Saturated fraction above which a layer counts as saturated. */
    static final double SATURATED_MAJORITY = 0.5;
    /** Per-layer std ratio beyond which activations vanish (1/limit) or explode (limit). */
    static final double RATIO_LIMIT = 2;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The regime of one measured forward pass. */
    public static Regime of(ForwardMeasurement m) {
        for (ForwardMeasurement.LayerStats s : m.layers()) {
            if (s.saturated() > SATURATED_MAJORITY) {
                return SATURATING;
            }
        }
        if (m.layer(m.depth()).std() == 0) {
            return VANISHING;
        }
        double ratio = stdRatio(m);
        if (ratio < 1 / RATIO_LIMIT) {
            return VANISHING;
        }
        return ratio > RATIO_LIMIT ? EXPLODING : STABLE;
    }

    /**
     * Geometric mean of std_l/std_{l−1} over layers 2..L, i.e. (std_L/std_1)^{1/(L−1)}; NaN for one layer or a
     * zero std in layer 1.
     */
    static double stdRatio(ForwardMeasurement m) {
        int depth = m.depth();
        if (depth < 2 || m.layer(1).std() == 0) {
            return Double.NaN;
        }
        return Math.pow(m.layer(depth).std() / m.layer(1).std(), 1.0 / (depth - 1));
    }
}
