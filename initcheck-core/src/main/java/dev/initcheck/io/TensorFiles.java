package dev.initcheck.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Entry point for reading tensors from files. The format follows from the file extension
 * (letter case ignored):
 * <ul>
 *   <li>{@code .npy}: one NumPy array (NEP 1 format, versions 1.0 to 3.0), named after the file
 *       name without extension;</li>
 *   <li>{@code .npz}: a zip of {@code .npy} entries ({@code numpy.savez}, stored or deflated);</li>
 *   <li>{@code .safetensors}: the safetensors format (8-byte header length, JSON header, data);</li>
 *   <li>{@code .pt}, {@code .pth}, {@code .bin}: a PyTorch state_dict saved by {@code torch.save} (PyTorch 1.6
 *       and later: a zip archive with a pickle), read by a restricted unpickler that executes nothing (see
 *       {@link TorchZipFormat}); non-contiguous views are skipped and tied tensors reported as
 *       {@link TensorListing#aliases()};</li>
 *   <li>{@code .csv}, {@code .txt}: numbers as text, named after the file name without extension.</li>
 * </ul>
 * Supported element types are float16, bfloat16 (safetensors and PyTorch only), float32 and float64.
 *
 * <p>Every problem with a file is reported as a {@link TensorFormatException} with a one-line
 * message; no other exception escapes for bad input. Memory is bounded by the file: nothing is
 * allocated from a declared size before that size has been checked against the file.
 */
public final class TensorFiles {
    private enum Format { NPY, NPZ, SAFETENSORS, TORCH, TEXT }

    private TensorFiles() {
    }

    /**
     * Lists the tensors of a file that can be read: {@code listing(file).tensors()}.
     *
     * @param file a {@code .npy}, {@code .npz}, {@code .safetensors}, {@code .pt}, {@code .pth}, {@code .bin},
     *     {@code .csv} or {@code .txt} file
     * @return the readable tensors, in file order
     * @throws TensorFormatException if the file is missing, unreadable or malformed
     */
    public static List<TensorInfo> list(Path file) throws TensorFormatException {
        return listing(file).tensors();
    }

    /**
     * What a file holds. In the containers of several tensors (.npz, .safetensors, .pt/.pth/.bin), tensors of
     * other element types (integers, booleans, 8-bit floats), tensors without elements and non-contiguous PyTorch
     * views are listed as skipped, so the float tensors beside them can still be checked; a single-tensor file
     * (.npy, .csv, .txt) that cannot be read is an error instead.
     *
     * @param file a tensor file; the format follows from its extension
     * @return the readable tensors and the skipped ones
     * @throws NullPointerException when file is null
     * @throws TensorFormatException if the file is missing, unreadable or malformed
     */
    public static TensorListing listing(Path file) throws TensorFormatException {
        Objects.requireNonNull(file, "file");
        Where where = Where.of(file);
        Format format = formatOf(where, file);
        try {
            requireRegularFile(where, file);
            return switch (format) {
                case NPY -> new TensorListing(NpyFormat.list(where, file), List.of());
                case NPZ -> NpzFormat.listing(where, file);
                case SAFETENSORS -> SafetensorsFormat.listing(where, file);
                case TORCH -> TorchZipFormat.listing(where, file);
                case TEXT -> new TensorListing(CsvFormat.list(where, file), List.of());
            };
        } catch (IOException | RuntimeException e) {
            throw where.wrap("cannot read the file", e);
        }
    }

    /**
     * Opens one tensor. With {@code tensorNameOrNull == null} the file must hold exactly one
     * tensor; an unknown name fails with a message listing the available names.
     *
     * @param file a tensor file; the format follows from its extension
     * @param tensorNameOrNull the tensor's name in the file, or null for the only tensor
     * @return an open source, to be closed by the caller
     * @throws TensorFormatException if the file is missing, unreadable or malformed, the tensor is
     *     not found, its dtype is unsupported, or it has no elements
     */
    public static TensorSource open(Path file, String tensorNameOrNull) throws TensorFormatException {
        return open(file, tensorNameOrNull, null);
    }

    /**
     * Opens one tensor; for {@code .csv} and {@code .txt} files {@code csvShape} (if not null) gives
     * the shape that the values fill in C order. Other formats declare their own shape and refuse
     * a given one.
     *
     * @param file a tensor file; the format follows from its extension
     * @param tensorNameOrNull the tensor's name in the file, or null for the only tensor
     * @param csvShape for text files, the dimensions the values fill in C order (their product must equal the
     *     number of values); null for {@code [rows, columns]}, or {@code [count]} when each line holds one value
     * @return an open source, to be closed by the caller
     * @throws TensorFormatException as {@link #open(Path, String)}, or if the number of values does
     *     not match {@code csvShape}
     */
    public static TensorSource open(Path file, String tensorNameOrNull, long[] csvShape)
            throws TensorFormatException {
        Objects.requireNonNull(file, "file");
        Where where = Where.of(file);
        Format format = formatOf(where, file);
        if (csvShape != null && format != Format.TEXT) {
            throw where.fail("a shape can only be given for .csv and .txt files; this format declares its own");
        }
        try {
            requireRegularFile(where, file);
            return switch (format) {
                case NPY -> NpyFormat.open(where, file, tensorNameOrNull);
                case NPZ -> NpzFormat.open(where, file, tensorNameOrNull);
                case SAFETENSORS -> SafetensorsFormat.open(where, file, tensorNameOrNull);
                case TORCH -> TorchZipFormat.open(where, file, tensorNameOrNull);
                case TEXT -> CsvFormat.open(where, file, tensorNameOrNull, csvShape);
            };
        } catch (IOException | RuntimeException e) {
            throw where.wrap("cannot read the file", e);
        }
    }

    /**
     * The name of the tensor of a single-tensor file (.npy, .csv, .txt).
     *
     * @param file the file
     * @return its file name without the last extension ({@code w.npy} gives {@code w}; a leading dot is kept)
     */
    public static String defaultName(Path file) {
        return NpyFormat.stem(file);
    }

    private static Format formatOf(Where where, Path file) throws TensorFormatException {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".npy")) {
            return Format.NPY;
        } else if (lower.endsWith(".npz")) {
            return Format.NPZ;
        } else if (lower.endsWith(".safetensors")) {
            return Format.SAFETENSORS;
        } else if (lower.endsWith(".pt") || lower.endsWith(".pth") || lower.endsWith(".bin")) {
            return Format.TORCH;
        } else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return Format.TEXT;
        }
        throw where.fail("unsupported file extension (supported: .npy, .npz, .safetensors, .pt, .pth, .bin, .csv, "
                + ".txt)");
    }

    private static void requireRegularFile(Where where, Path file) throws TensorFormatException {
        if (!Files.exists(file)) {
            throw where.fail("no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw where.fail("not a regular file");
        }
    }
}
