package dev.initcheck.io;

/**
 * Floating-point element types the readers decode. Values are delivered widened to {@code double}, which
 * represents all four types exactly, or as stored ({@link RawChunk}).
 */
public enum DType {
    /** IEEE 754 binary16 (NumPy {@code float16}, safetensors {@code F16}). */
    F16(2, "float16"),
    /** bfloat16: the upper 16 bits of an IEEE 754 binary32 (safetensors {@code BF16}). */
    BF16(2, "bfloat16"),
    /** IEEE 754 binary32 (NumPy {@code float32}, safetensors {@code F32}). */
    F32(4, "float32"),
    /** IEEE 754 binary64 (NumPy {@code float64}, safetensors {@code F64}). */
    F64(8, "float64");

    private final int itemSize;
    private final String longName;

    DType(int itemSize, String longName) {
        this.itemSize = itemSize;
        this.longName = longName;
    }

    /**
     * Bytes per element in a file.
     *
     * @return 2, 2, 4 or 8
     */
    public int itemSize() {
        return itemSize;
    }

    /**
     * The NumPy-style name.
     *
     * @return {@code float16}, {@code bfloat16}, {@code float32} or {@code float64}
     */
    public String longName() {
        return longName;
    }
}
