package dev.initcheck.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The model settings the presets read: the initializer range (from the flag, the policy, or {@code config.json}, in
 * that order) and, for GPT-2, the depth that scales its residual projections.
 *
 * @param flagRange    {@code --initializer-range}, if given
 * @param policyRange  the policy's {@code initializer_range}, if given
 * @param config       the parsed {@code config.json} beside the checkpoint, or null
 * @param configFile   where it was read from, or null
 */
public record ModelConfig(Optional<Double> flagRange, Optional<Double> policyRange, JsonNode config,
                          Path configFile) {
    /** No settings at all. */
    public static ModelConfig none() {
        return new ModelConfig(Optional.empty(), Optional.empty(), null, null);
    }

    /**
     * The initializer range.
     *
     * @param tensor the tensor that needs it (named in the error)
     * @throws IllegalArgumentException when no source gives one
     */
    public double initializerRange(String tensor) {
        if (flagRange.isPresent()) {
            return flagRange.get();
        }
        if (policyRange.isPresent()) {
            return policyRange.get();
        }
        JsonNode r = config == null ? null : config.get("initializer_range");
        if (r != null && r.isNumber() && r.asDouble() > 0 && Double.isFinite(r.asDouble())) {
            return r.asDouble();
        }
        throw new IllegalArgumentException("tensor '" + tensor + "': the hf preset needs initializer_range, and "
                + (configFile == null ? "there is no config.json beside the checkpoint"
                : configFile + " does not give a positive one") + ": give --initializer-range R");
    }

    /** GPT-2's {@code n_layer} when {@code config.json} says {@code "model_type": "gpt2"}. */
    public OptionalInt gpt2Layers() {
        if (config == null || !"gpt2".equals(config.path("model_type").asText())) {
            return OptionalInt.empty();
        }
        JsonNode n = config.get("n_layer");
        return n != null && n.canConvertToExactIntegral() && n.asInt() > 0 ? OptionalInt.of(n.asInt())
                : OptionalInt.empty();
    }
}
