package dev.initcheck.propagation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Compares a finite network's measured second moments with the {@link MeanField} prediction on a log scale,
 * within a band derived from the network's own fluctuation scale; every quantity in it is either exact theory or
 * estimated from the sampled data, nothing is fitted.
 *
 * <p><b>Forward model.</b> Write D_l = ln(q̂_l/q_l) (measured over predicted) and M_l = ln(m̂_l/g(q_l)) with
 * m̂_l = mean f(y_l)² and g(q) = E[f(√q z)²]. Given layer l's input X_{l−1}, the rows of W_l are independent, so
 * E[q̂_l | X_{l−1}] = σ_w²·m̂_{l−1} exactly (He et al. 2015, eq. 7) and
 * <pre>
 *   D_l = ε_l + M_{l−1},        M_l ≈ ξ_l + b_l + χ_l·M_{l−1},        M_0 = ln mean(x²) (input noise)
 * </pre>
 * where ε_l, ξ_l are the zero-mean fluctuations over W_l (variances estimated by the spread of per-unit
 * statistics, {@link ForwardMeasurement.Fluctuation}), χ_l = d ln g/d ln q carries an earlier error forward
 * (χ = 1 for ReLU: errors accumulate; χ &lt; 1 for tanh: they fade), and b_l is the leading finite-width bias of
 * the Gaussian (mean-field) approximation: a Jensen term over the spread of the inputs' norms plus an Edgeworth
 * term for non-Gaussian weights, {@code b_l = c_l·(RV_x/8 + (κ_w − 3)·Σx⁴/(Σx²)²/24)} with c = E[f²·He₄]/g
 * ({@link ActivationMoments#curvature()}; 0 for piecewise-linear f). Errors are martingale differences, so their
 * variances add: Var D_l = Var ε_l + Var M_{l−1}, Var M_l = Var ξ_l + χ_l²·Var M_{l−1}; the bias bound adds in
 * absolute value. The check is |D_l + Var D_l/2| ≤ bias_l + z·sd_l (the −Var/2 centres a log-normal-like ratio).
 *
 * <p><b>Scale.</b> The input part is O(1/√(n_0·batch)). The weight part of layer l has relative variance
 * (2ρ + (κ_w − 3)·d)/n_l, ρ = tr(C²)/tr(C)² and d = Σ C_jj²/tr(C)² for the second-moment matrix C of the
 * layer's inputs: ρ ≈ 1/n_{l−1} + 1/batch for independent Gaussian inputs, but O(1) once the inputs of a batch
 * are aligned, by a shared non-zero activation mean (ReLU, sigmoid) or by depth, so averaging over the batch
 * does not remove it. It then accumulates like √(Σ 1/n_l), as Hanin and Rolnick, "How to start training: the
 * effect of initialization and architecture" (NeurIPS 2018) show for He + ReLU: at width 64 and depth 20 the
 * sd of ln q̂ is about 1.
 *
 * <p><b>Backward model.</b> Relative errors of dy_l = dx_l ⊙ f'(y_l) (spread over units) and of
 * dx_{l−1} = W_lᵀdy_l (spread over the columns of W_l) add from the upstream gradient down; the bias of the
 * gradient-independence assumption (O(1/n), Schoenholz et al. 2017) is not modelled.
 *
 * <p><b>False alarms.</b> With z = {@value #DEFAULT_Z} a Gaussian deviation would leave the band with probability
 * 2·Φ(−6) ≈ 2·10⁻⁹ per comparison. The standardised deviations are not quite Gaussian: the variances are estimated
 * from n_l ≥ 64 units whose statistics can be heavy-tailed (a shared activation mean makes each unit's second
 * moment χ²₁-like), so the ratio behaves like a Student t. Measured over 2,900 generated networks (widths 64–160,
 * depths 1–20, batch 128, the six activations, Glorot/He/LeCun families; 30,000 comparisons): rms 0.90–1.07 per
 * activation, no failure, largest |z| 4.9; the worst activation (sigmoid, 15,865 comparisons) has tails between
 * t₃₀ and t₄₀ (4.5·10⁻³ beyond 3, 3.8·10⁻⁴ beyond 4), whose mass beyond 6 is 0.5–1.4·10⁻⁶. Hence ≤ 1.4·10⁻⁶ per
 * comparison and, by Bonferroni, ≤ 1.4·10⁻³ for a run of 1000 comparisons (conservative: layers are positively
 * correlated).
 */
public final class MeanFieldBand {
    /** Band half-width in estimated standard deviations. */
    static final double DEFAULT_Z = 6;

    private final List<LayerCheck> checks;

    private MeanFieldBand(List<LayerCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The forward band with {@link #DEFAULT_Z}. */
    public static MeanFieldBand forward(MeanField.Prediction p, ForwardMeasurement m) {
        return forward(p, m, DEFAULT_Z);
    }

    /** Checks q̂_l against q_l for every layer. */
    static MeanFieldBand forward(MeanField.Prediction p, ForwardMeasurement m, double z) {
        requireSameNetwork(p.depth(), m.depth(), z);
        List<LayerCheck> out = new ArrayList<>();
        double mVar = m.inputNoise();
        double mBias = 0;
        for (int l = 1; l <= p.depth(); l++) {
            MeanField.LayerPrediction pl = p.layer(l);
            ForwardMeasurement.LayerStats ml = m.layer(l);
            ForwardMeasurement.Fluctuation fl = ml.fluctuation();
            out.add(new LayerCheck("q", l, ml.q(), pl.q(), mBias, Math.sqrt(fl.qRelativeVariance() + mVar), z));
            ActivationMoments am = pl.moments();
            double b = am.curvature() * (fl.inputNormSpread() / 8 + (fl.weightKurtosis() - 3) * fl.inputQuarticRatio() / 24);
            mVar = fl.secondMomentRelativeVariance() + am.logSlope() * am.logSlope() * mVar;
            mBias = Math.abs(b) + Math.abs(am.logSlope()) * mBias;
        }
        return new MeanFieldBand(out);
    }

    /** The backward band with {@link #DEFAULT_Z}. */
    static MeanFieldBand backward(MeanField.Prediction p, BackwardMeasurement m) {
        return backward(p, m, DEFAULT_Z);
    }

    /** Checks Var[dy_l] and Var[dx_{l−1}] against the prediction for every layer. */
    static MeanFieldBand backward(MeanField.Prediction p, BackwardMeasurement m, double z) {
        requireSameNetwork(p.depth(), m.depth(), z);
        List<LayerCheck> out = new ArrayList<>();
        double var = m.upstreamNoise();
        for (int l = p.depth(); l >= 1; l--) {
            MeanField.LayerPrediction pl = p.layer(l);
            BackwardMeasurement.GradientStats gl = m.layer(l);
            var += gl.slopeNoise();
            out.add(new LayerCheck("dy", l, gl.preActivationGradient(), pl.preActivationGradient(), 0, Math.sqrt(var), z));
            var += gl.weightNoise();
            out.add(new LayerCheck("dx", l, gl.inputGradient(), pl.inputGradient(), 0, Math.sqrt(var), z));
        }
        out.sort(Comparator.comparingInt(LayerCheck::layer));
        return new MeanFieldBand(out);
    }

    private static void requireSameNetwork(int predicted, int measured, double z) {
        if (predicted != measured) {
            throw new IllegalArgumentException("prediction has " + predicted + " layers, measurement " + measured);
        }
        if (!(z > 0)) {
            throw new IllegalArgumentException("z must be > 0, got " + z);
        }
    }

    List<LayerCheck> checks() {
        return checks;
    }

    /** True when every layer is within its band (a NaN anywhere fails). */
    public boolean passed() {
        return checks.stream().allMatch(LayerCheck::within);
    }

    /** The check with the largest |standardised deviation| beyond its bias (NaN counts as worst). */
    LayerCheck worst() {
        return checks.stream().max(Comparator.comparingDouble(c -> {
            double e = c.excess();
            return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
        })).orElseThrow();
    }

    /** One line: the worst layer's figures, for assertion messages. */
    public String describe() {
        LayerCheck w = worst();
        return String.format(Locale.ROOT, "%s; worst: %s", passed() ? "within band" : "OUTSIDE band", w);
    }

    /**
     * One layer's comparison of a second moment on a log scale.
     *
     * @param quantity "q" (pre-activation), "dy" (pre-activation gradient) or "dx" (input gradient)
     * @param bias     absolute bound on the modelled bias of ln(measured/predicted)
     * @param sd       estimated standard deviation of ln(measured/predicted)
     * @param z        half-width in standard deviations
     */
    record LayerCheck(String quantity, int layer, double measured, double predicted, double bias, double sd,
                             double z) {
        /** ln(measured/predicted). */
        public double logDeviation() {
            return Math.log(measured / predicted);
        }

        /** −sd²/2: where a log-normal-like ratio centres. */
        public double center() {
            return -0.5 * sd * sd;
        }

        public double halfWidth() {
            return bias + z * sd;
        }

        public boolean within() {
            return Math.abs(logDeviation() - center()) <= halfWidth();
        }

        /** (|deviation − centre| − bias)/sd: beyond z means outside. */
        public double excess() {
            return (Math.abs(logDeviation() - center()) - bias) / sd;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "layer %d %s measured %.6g predicted %.6g: ln ratio %.4f, band %.4f ± (%.4f + %.1f × %.4f)",
                    layer, quantity, measured, predicted, logDeviation(), center(), bias, z, sd);
        }
    }
}
