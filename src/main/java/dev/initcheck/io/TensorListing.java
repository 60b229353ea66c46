package dev.initcheck.io;

import java.util.List;

/**
 * What a file holds: the tensors that can be read (in file order) and those that cannot, each with its reason.
 * Obtained from {@link TensorFiles#listing}.
 *
 * @param tensors the float tensors with at least one element
 * @param skipped every other tensor: other element types (integers, booleans, 8-bit floats) and empty tensors
 */
public record TensorListing(List<TensorInfo> tensors, List<SkippedTensor> skipped) {
    public TensorListing {
        tensors = List.copyOf(tensors);
        skipped = List.copyOf(skipped);
    }
}
