package dev.initcheck.io;

import java.util.List;
import java.util.Map;

/**
 * What a file holds: the tensors that can be read (in file order) and those that cannot, each with its reason.
 * Obtained from {@link TensorFiles#listing}.
 *
 * @param tensors the float tensors with at least one element
 * @param skipped every other tensor: other element types (integers, booleans, 8-bit floats) and empty tensors
 * @param aliases tensor name → the first tensor, in file order, stored at the same place with the same shape and
 *                strides (tied weights that a PyTorch file saves once); empty for formats without shared storage
 */
public record TensorListing(List<TensorInfo> tensors, List<SkippedTensor> skipped, Map<String, String> aliases) {
    public TensorListing {
        tensors = List.copyOf(tensors);
        skipped = List.copyOf(skipped);
        aliases = Map.copyOf(aliases);
    }

    /** A listing without shared storage. */
    public TensorListing(List<TensorInfo> tensors, List<SkippedTensor> skipped) {
        this(tensors, skipped, Map.of());
    }
}
