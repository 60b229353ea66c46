package dev.initcheck.propagation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of the activation table: one scheme, one layer (1-based, the first hidden layer is 1).
 * {@code predictedStd} is the mean-field std of the activations, null where the theory does not apply
 * (weights with non-zero mean).
 */
@JsonPropertyOrder({"scheme", "activation", "layer", "mean", "std", "saturated", "predicted_std"})
public record PropagationRow(@JsonProperty("scheme") String scheme,
                             @JsonProperty("activation") String activation,
                             @JsonProperty("layer") int layer,
                             @JsonProperty("mean") double mean,
                             @JsonProperty("std") double std,
                             @JsonProperty("saturated") double saturated,
                             @JsonProperty("predicted_std") Double predictedStd) {
}
