package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import java.util.List;

/**
 * Gradients back-propagated through a sampled network from a standard normal upstream gradient dx_L at the last
 * layer's output: dy_l = dx_l ⊙ f'(y_l), dx_{l−1} = W_lᵀ·dy_l (per input of the batch), layer 1 first.
 *
 * @param upstreamSecondMoment mean of dx_L² (1 in law)
 * @param upstreamNoise        its estimated relative variance, sample Var(dx_L²)/(n_L·B·mean²)
 */
public record BackwardMeasurement(Activation activation, int[] widths, int batch, SeededRandom random,
                                  double upstreamSecondMoment, double upstreamNoise, List<GradientStats> layers) {
    public BackwardMeasurement {
        widths = widths.clone();
        layers = List.copyOf(layers);
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    /** Layer l, 1-based. */
    public GradientStats layer(int l) {
        return layers.get(l - 1);
    }

    int depth() {
        return layers.size();
    }

    /**
     * @param preActivationGradient mean of dy_l² over units and batch
     * @param inputGradient         mean of dx_{l−1}² over layer l's inputs and the batch
     * @param slopeNoise            relative variance of {@code preActivationGradient} over units: Var_i(u_i)/(n_l·ū²),
     *                              u_i = per-unit mean of dy²
     * @param weightNoise           relative variance of {@code inputGradient} over the columns of W_l (independent
     *                              given dy_l up to the forward dependence): Var_j(c_j)/(n_{l−1}·c̄²)
     */
    public record GradientStats(int layer, double preActivationGradient, double inputGradient, double slopeNoise,
                                double weightNoise) {
    }
}
