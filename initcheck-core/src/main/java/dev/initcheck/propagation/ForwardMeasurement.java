package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import java.util.List;

/**
 * What a forward pass of a batch of standard normal inputs through a sampled network measured, layer 1 first.
 *
 * @param inputSecondMoment mean of x² over the input batch (E[x²] = 1 in law)
 * @param inputNoise        estimated relative variance of {@code inputSecondMoment}: sample Var(x²)/(n_0·B·mean²)
 * @param random            the stream the input and weights were drawn from (sub-streams derived by label)
 */
public record ForwardMeasurement(Activation activation, int[] widths, int batch, SeededRandom random,
                                 double inputSecondMoment, double inputNoise, List<LayerStats> layers) {
    public ForwardMeasurement {
        widths = widths.clone();
        layers = List.copyOf(layers);
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** Layer l, 1-based. */
    public LayerStats layer(int l) {
        return layers.get(l - 1);
    }

    public int depth() {
        return layers.size();
    }

    /**
     * Layer l's measurements over its {@code width} units and the batch.
     *
     * @param q            pre-activation second moment: mean of y² (its variance, weights and biases being
     *                     zero-mean and zero)
     * @param mean         mean of the activations f(y)
     * @param std          standard deviation of the activations (population, over units and batch)
     * @param saturated    fraction of (unit, input) pairs with {@link Activation#isSaturated}; 0 for activations
     *                     that do not saturate
     * @param secondMoment mean of f(y)², what layer l+1's pre-activation variance is proportional to
     */
    public record LayerStats(int layer, int width, double q, double mean, double std, double saturated,
                             double secondMoment, Fluctuation fluctuation) {
    }

    /**
     * Estimated sizes of the finite-width effects in one layer, all from the sampled data; used by
     * {@link MeanFieldBand}. Rows of W_l are independent given the layer's input, so the spread over units of a
     * per-unit statistic estimates the conditional variance of its mean (relative variances below; NaN with one unit).
     *
     * @param qRelativeVariance            Var_i(s_i)/(n_l·q²), s_i = per-unit mean of y²
     * @param secondMomentRelativeVariance Var_i(t_i)/(n_l·E[f²]²), t_i = per-unit mean of f(y)²
     * @param inputNormSpread              Var_b(|x_b|²)/mean(|x_b|²)² over the batch of this layer's inputs: the
     *                                     Jensen (finite-width) bias of the mean-field map scales with it
     * @param inputQuarticRatio            mean over the batch of Σ_j x_j⁴/(Σ_j x_j²)² (≈ 3/n for Gaussian inputs):
     *                                     times (κ_w − 3) it is the excess kurtosis of a pre-activation
     * @param weightKurtosis               E[w⁴]/E[w²]² of the sampled weights (3 normal, 1.8 uniform)
     */
    record Fluctuation(double qRelativeVariance, double secondMomentRelativeVariance, double inputNormSpread,
                              double inputQuarticRatio, double weightKurtosis) {
    }
}
