package dev.initcheck.io;

import java.util.Objects;

/**
 * A tensor of a file that initcheck lists but does not read, e.g. an int64 step counter beside the weights
 * ({@code bn.num_batches_tracked}) or a tensor without elements.
 *
 * @param name   the tensor's name in the file
 * @param dtype  its element type as the file spells it in NumPy's words ({@code int64}, {@code bool}) for
 *               .npy/.npz, the safetensors code ({@code I64}, {@code F8_E4M3}) for .safetensors, torch's name
 *               ({@code torch.int64}, {@code torch.float32} for a skipped view) for .pt/.pth/.bin
 * @param reason why it is not read, in a few words
 */
public record SkippedTensor(String name, String dtype, String reason) {
    /** Reason for tensors whose element type is not float16, bfloat16, float32 or float64. */
    static final String NOT_FLOAT = "not a float16/bfloat16/float32/float64 tensor";
    /** Reason for tensors whose shape has no elements. */
    static final String EMPTY = "no elements";

    public SkippedTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(reason, "reason");
    }
}
