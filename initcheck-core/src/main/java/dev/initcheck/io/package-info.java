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
 */
package dev.initcheck.io;
