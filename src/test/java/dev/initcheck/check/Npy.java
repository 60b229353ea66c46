package dev.initcheck.check;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only reader for the golden samples and fixtures: NumPy .npy format 1.0/2.0, any C-order shape (flattened),
 * float64 or float32 ({@code <f8}, {@code <f4}, {@code >f4}, {@code >f8}), widened to double.
 */
final class Npy {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");

    private Npy() {
    }

    static double[] read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        b.get(magic);
        if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file + ": not a .npy file");
        }
        int major = b.get();
        b.get(); // minor
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        byte[] h = new byte[headerLength];
        b.get(h);
        String header = new String(h, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        if (!d.find() || !f.find() || f.group(1).equals("True")) {
            throw new IOException(file + ": unsupported header " + header);
        }
        String dtype = d.group(1);
        b.order(dtype.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return switch (dtype.substring(1)) {
            case "f8" -> doubles(b, b.remaining() / 8);
            case "f4" -> floats(b, b.remaining() / 4);
            default -> throw new IOException(file + ": unsupported dtype " + dtype);
        };
    }

    private static double[] doubles(ByteBuffer b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = b.getDouble();
        }
        return out;
    }

    private static double[] floats(ByteBuffer b, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }
}
