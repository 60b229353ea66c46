package dev.initcheck.report;

import java.util.List;

/**
 * Forward and backward propagation of every scheme × activation through one dense network.
 *
 * @param widths      input width then layer widths
 * @param batch       inputs per pass
 * @param layout      the layout the schemes were resolved in
 * @param activations activation ids, in the order measured
 * @param runs        one per (scheme, activation)
 * @param skipped     schemes not measured, with the reason
 */
public record PropagationSection(int[] widths, int batch, String layout, List<String> activations, List<Run> runs,
                                 List<Skipped> skipped) {

    /**
     * Per layer (index 0 = layer 1): activation mean, std and saturated fraction, the mean-field std, and the mean
     * square of the gradient reaching the layer's input in the backward pass.
     */
    public record Run(String scheme, String activation, String regime, double[] mean, double[] std,
                      double[] saturated, double[] predictedStd, double[] inputGradient) {
    }

    public record Skipped(String scheme, String reason) {
    }
}
