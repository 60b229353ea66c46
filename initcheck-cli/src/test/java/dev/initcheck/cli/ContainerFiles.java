package dev.initcheck.cli;

import dev.initcheck.io.NpyWriter;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes .npz and .safetensors files as checkpoints hold them: float weights beside integer buffers (CLI tests). */
final class ContainerFiles {
    private ContainerFiles() {
    }

    /** Little-endian float32 bytes of a reference sampler's tensor. */
    static byte[] float32(String scheme, long seed, long... shape) {
        double[] w = ReferenceInitializer.of(scheme, Layout.PYTORCH).initialize(Shape.of(shape),
                SeededRandom.of(seed).create());
        ByteBuffer b = ByteBuffer.allocate(4 * w.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : w) {
            b.putFloat((float) x);
        }
        return b.array();
    }

    /** A .npy file's bytes: NumPy's v1.0 header for {@code descr} and {@code shape}, then {@code data}. */
    static byte[] npy(String descr, byte[] data, long... shape) {
        return concat(NpyWriter.header(descr, shape), data);
    }

    /** A .npz archive (deflated) of the entries, each named {@code tensor.npy}. */
    static Path npz(Path file, Map<String, byte[]> npyByTensor) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : npyByTensor.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return Files.write(file, bytes.toByteArray());
    }

    /** A safetensors file of the tensors in order: name -> {dtype, shape as "[a,b]", data}, laid out contiguously. */
    static Path safetensors(Path file, Map<String, Object[]> tensors) throws IOException {
        StringBuilder json = new StringBuilder("{");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<String, Object[]> e : tensors.entrySet()) {
            byte[] d = (byte[]) e.getValue()[2];
            json.append(json.length() > 1 ? "," : "").append(String.format("\"%s\":{\"dtype\":\"%s\",\"shape\":%s,"
                    + "\"data_offsets\":[%d,%d]}", e.getKey(), e.getValue()[0], e.getValue()[1], data.size(),
                    data.size() + d.length));
            data.write(d);
        }
        byte[] header = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            data.writeTo(out);
        }
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
