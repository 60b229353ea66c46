package dev.initcheck.propagation;

/**
 * One row of the activation table: one scheme, one layer (1-based, the first hidden layer is 1).
 * {@code predictedStd} is the mean-field std of the activations, null where the theory does not apply
 * (weights with non-zero mean). Its JSON form ({@code scheme, activation, layer, mean, std, saturated,
 * predicted_std}) is written by the CLI, so that the library needs no JSON dependency.
 */
public record PropagationRow(String scheme, String activation, int layer, double mean, double std, double saturated,
                             Double predictedStd) {
}
