package dev.initcheck.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a file holds: the tensors that can be read (in file order) and those that cannot, each with its reason.
 * Obtained from {@link TensorFiles#listing}.
 *
 * @param tensors the float tensors with at least one element
 * @param skipped every other tensor: other element types (integers, booleans, 8-bit floats), empty tensors and, in
 *                PyTorch checkpoints, non-contiguous views
 * @param aliases tensors that are the same data as an earlier one (tied weights in a PyTorch checkpoint: same
 *                storage, storage offset, size and stride), each name mapped to the name of the first such tensor
 *                in file order, in file order; listed or skipped as the first one is. Empty for every other format
 */
public record TensorListing(List<TensorInfo> tensors, List<SkippedTensor> skipped, Map<String, String> aliases) {
    public TensorListing {
        tensors = List.copyOf(tensors);
        skipped = List.copyOf(skipped);
        Map<String, String> copy = new LinkedHashMap<>();
        aliases.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "alias"), Objects.requireNonNull(v, "of")));
        aliases = Collections.unmodifiableMap(copy);
    }

    /** A listing without aliases. */
    TensorListing(List<TensorInfo> tensors, List<SkippedTensor> skipped) {
        this(tensors, skipped, Map.of());
    }
}
