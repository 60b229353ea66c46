/**
 * Readers for tensor files: NumPy {@code .npy} (format specification NEP 1, "A simple file format
 * for NumPy arrays", versions 1.0 to 3.0) and {@code .npz} (zip archives of {@code .npy} entries),
 * {@code .safetensors} (format description in the huggingface/safetensors README), PyTorch state_dicts
 * saved by {@code torch.save} ({@code .pt}, {@code .pth}, {@code .bin}: a zip archive with a pickle, after torch's
 * {@code torch/serialization.py}, read by a restricted unpickler), and numbers in {@code .csv}/{@code .txt} text.
 *
 * <p>Start at {@link dev.initcheck.io.TensorFiles}: {@code list} describes the tensors of a file,
 * {@code open} returns a {@link dev.initcheck.io.TensorSource} that streams values as
 * {@code double} chunks in storage order, or as stored ({@link dev.initcheck.io.RawChunk}: 16-bit patterns, float32,
 * float64) in the same chunks, or loads them in C order. Malformed input is always
 * reported as a {@link dev.initcheck.io.TensorFormatException} with a one-line message, and memory
 * use is bounded by the file's actual size, never by sizes the file merely declares.
 *
 * <p><b>Supported API: the entry points.</b> {@link dev.initcheck.io.TensorFiles},
 * {@link dev.initcheck.io.TensorSource}, {@link dev.initcheck.io.ChunkConsumer}, {@link dev.initcheck.io.TensorInfo},
 * {@link dev.initcheck.io.TensorFormatException} and {@link dev.initcheck.io.DType} are initcheck's supported
 * library API, listed in {@code docs/api/initcheck-core.txt} and guarded by {@code ApiSurfaceTest}. The package's
 * other public types (the as-stored {@link dev.initcheck.io.RawChunk} that
 * {@link dev.initcheck.io.TensorSource#forEachRawChunk} delivers, byte ranges, listings, the {@code .npy} writer)
 * are <b>internal</b>: public only so that initcheck-cli and initcheck-spark can use them, without any
 * compatibility promise.
 */
package dev.initcheck.io;
