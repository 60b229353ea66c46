package dev.initcheck.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builders for test files in the supported formats, and access to the committed fixtures. */
final class TestFiles {
    private TestFiles() {
    }

    /** The fixture directory written by scripts/reference/io_fixtures.py. */
    static Path fixtures() {
        try {
            return Path.of(TestFiles.class.getResource("/fixtures/io/MANIFEST.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(fixtures().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A .npy file: the header dict padded with spaces and a newline to a multiple of 64 bytes. */
    static byte[] npy(int major, String dict, byte[] data) {
        int prefix = major == 1 ? 10 : 12;
        byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int padded = text.length + 1 + Math.floorMod(-(prefix + text.length + 1), 64);
        ByteBuffer b = ByteBuffer.allocate(prefix + padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) padded);
        } else {
            b.putInt(padded);
        }
        b.put(text);
        for (int i = text.length; i < padded - 1; i++) {
            b.put((byte) ' ');
        }
        return b.put((byte) '\n').put(data).array();
    }

    static String npyDict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shape + ", }";
    }

    /** Little-endian float32 bytes. */
    static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** A .safetensors file: 8-byte little-endian length, the JSON, the data. */
    static byte[] safetensors(String json, byte[] data) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        return withLength(text.length, concat(text, data));
    }

    /** 8 little-endian bytes of {@code length} followed by {@code rest}. */
    static byte[] withLength(long length, byte[] rest) {
        ByteBuffer b = ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.putLong(length).put(rest).array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A zip archive of the entries (in iteration order), stored or deflated. */
    static byte[] zip(boolean deflate, Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(entry(e.getKey(), e.getValue(), deflate));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static ZipEntry entry(String name, byte[] data, boolean deflate) {
        ZipEntry entry = new ZipEntry(name);
        if (!deflate) {
            CRC32 crc = new CRC32();
            crc.update(data);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(data.length);
            entry.setCompressedSize(data.length);
            entry.setCrc(crc.getValue());
        }
        return entry;
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
