package dev.initcheck.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes little-endian, C-order {@code .npy} version 1.0 files (NumPy NEP 1): magic, header length, a Python dict
 * literal padded with spaces to a multiple of 64 bytes and ending in a newline, then the raw data.
 */
public final class NpyWriter {
    private NpyWriter() {
    }

    /** Writes {@code values} as float64 ({@code <f8}) with the given shape. */
    public static void writeFloat64(Path file, long[] shape, double[] values) throws IOException {
        write(file, "<f8", shape, values, 8);
    }

    /** Writes {@code values} rounded to float32 ({@code <f4}) with the given shape. */
    public static void writeFloat32(Path file, long[] shape, double[] values) throws IOException {
        write(file, "<f4", shape, values, 4);
    }

    private static void write(Path file, String descr, long[] shape, double[] values, int itemSize) throws IOException {
        long size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + size
                    + " elements but " + values.length + " values were given");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header(descr, shape));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : values) {
                if (buf.remaining() < itemSize) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                if (itemSize == 8) {
                    buf.putDouble(v);
                } else {
                    buf.putFloat((float) v);
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }

    /** The header bytes of a v1.0 file with this dtype and shape (for writers that stream their own data). */
    public static byte[] header(String descr, long[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        String tuple = shape.length == 1 ? "(" + dims + ",)" : "(" + dims + ")";
        StringBuilder dict = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + tuple + ", }");
        int total = 10 + dict.length() + 1;
        dict.append(" ".repeat((64 - total % 64) % 64)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(10 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) text.length).put(text);
        return b.array();
    }
}
