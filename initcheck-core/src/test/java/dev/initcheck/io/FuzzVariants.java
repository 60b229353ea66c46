package dev.initcheck.io;

import static dev.initcheck.io.TestFiles.npy;
import static dev.initcheck.io.TestFiles.npyDict;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.rng.UniformRandomProvider;

/** Corrupted and adversarial files derived from valid ones, for {@link TensorReaderFuzzTest}. */
final class FuzzVariants {
    /** A file's bytes and a label saying how it was made. */
    record Variant(String label, byte[] bytes) {
    }

    /** Mutations are biased towards the first bytes, where headers live. */
    private static final int HEADER_ZONE = 600;
    private static final int EVERY_LENGTH = 512;
    private static final byte[] DATA = TestFiles.floats(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

    private FuzzVariants() {
    }

    /** Every truncation up to {@link #EVERY_LENGTH} bytes, then {@code extra} random longer ones. */
    static List<Variant> truncations(String name, byte[] b, UniformRandomProvider rng, int extra) {
        List<Variant> out = new ArrayList<>();
        for (int n = 0; n < Math.min(b.length, EVERY_LENGTH); n++) {
            out.add(new Variant(name + " truncated to " + n, Arrays.copyOf(b, n)));
        }
        for (int i = 0; b.length > EVERY_LENGTH && i < extra; i++) {
            int n = EVERY_LENGTH + rng.nextInt(b.length - EVERY_LENGTH);
            out.add(new Variant(name + " truncated to " + n, Arrays.copyOf(b, n)));
        }
        return out;
    }

    /** {@code count} copies with 1 to 4 bytes overwritten by random values. */
    static List<Variant> byteFlips(String name, byte[] b, UniformRandomProvider rng, int count) {
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < count && b.length > 0; i++) {
            byte[] copy = b.clone();
            StringBuilder label = new StringBuilder(name + " bytes");
            for (int k = rng.nextInt(4); k >= 0; k--) {
                int at = position(b.length, rng);
                copy[at] = (byte) rng.nextInt(256);
                label.append(' ').append(at).append('=').append(copy[at] & 0xff);
            }
            out.add(new Variant(label.toString(), copy));
        }
        return out;
    }

    /** {@code count} copies with one bit flipped. */
    static List<Variant> bitFlips(String name, byte[] b, UniformRandomProvider rng, int count) {
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < count && b.length > 0; i++) {
            byte[] copy = b.clone();
            int at = position(b.length, rng);
            int bit = rng.nextInt(8);
            copy[at] ^= (byte) (1 << bit);
            out.add(new Variant(name + " bit " + bit + " of byte " + at, copy));
        }
        return out;
    }

    private static int position(int length, UniformRandomProvider rng) {
        return rng.nextInt(4) > 0 ? rng.nextInt(Math.min(length, HEADER_ZONE)) : rng.nextInt(length);
    }

    /** Header dicts with absurd shapes, wrong dtypes and broken syntax, over 12 float32 values. */
    static List<String> npyDicts() {
        List<String> dicts = new ArrayList<>();
        for (String shape : new String[] {"(12,)", "(3, 4)", "(1000000000000,)", "(4611686018427387904, 4)",
                "(9223372036854775807, 2)", "(99999999999999999999999,)", "(-1,)", "(-12,)", "(3, -4)", "(0, 3)",
                "()", "(11,)", "(13,)", "(12)", "[12]", "(12L,)", "(" + "1, ".repeat(65) + ")",
                "(" + "1, ".repeat(63) + "12,)", "(3, 4, 0)", "(,)", "(1 2)"}) {
            dicts.add(npyDict("<f4", false, shape));
            dicts.add(npyDict(">f2", true, shape));
        }
        for (String descr : new String[] {"<i4", "|f4", "<c8", "|O", "<U3", ">f16", "float32", "f4", "=f4",
                "<f2", "<f8", "", "<f4\\", "\u00e9"}) {
            dicts.add(npyDict(descr, false, "(12,)"));
        }
        dicts.addAll(List.of("", "{}", "{", "}", "{'descr': '<f4', 'fortran_order': 'maybe', 'shape': (12,), }",
                "{'descr': '<f4', 'fortran_order': False, }", "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (12,)}",
                "{'descr': '<f4', 'fortran_order': False, 'shape': (12,), 'extra': True, }",
                "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (12,), }",
                "{'descr': '<f4', 'fortran_order': False, 'shape': (12,), ", "{'descr': '<f4' 'fortran_order': False}",
                "{\"descr\": \"<f4\", \"fortran_order\": false, \"shape\": [12]}",
                "{'descr': '<f4', 'fortran_order': False, 'shape': (12,), }}",
                "{".repeat(10_000) + "}".repeat(10_000), "{'descr': '" + "x".repeat(100_000) + "'}",
                "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2, 3), }"));
        return dicts;
    }

    static List<Variant> npyFiles() {
        List<Variant> out = new ArrayList<>();
        for (String dict : npyDicts()) {
            for (int major = 1; major <= 3; major++) {
                out.add(new Variant("npy v" + major + " " + abbreviate(dict), npy(major, dict, DATA)));
            }
        }
        byte[] v1 = npy(1, npyDict("<f4", false, "(12,)"), DATA);
        for (long length : new long[] {0, 1, 0xffff, v1.length - 10, v1.length - 9, 117, 119}) {
            out.add(new Variant("npy v1 header length " + length, patch(v1, 8, length, 2)));
        }
        byte[] v2 = npy(2, npyDict("<f4", false, "(12,)"), DATA);
        for (long length : new long[] {1L << 31, 0xffffffffL, 1 << 20, (1 << 20) + 1, v2.length - 12, v2.length - 11}) {
            out.add(new Variant("npy v2 header length " + length, patch(v2, 8, length, 4)));
        }
        for (int[] version : new int[][] {{0, 0}, {1, 1}, {2, 0}, {3, 0}, {255, 255}, {4, 0}}) {
            out.add(new Variant("npy v1 as version " + Arrays.toString(version),
                    patch(patch(v1, 6, version[0], 1), 7, version[1], 1)));
        }
        return out;
    }

    static List<String> safetensorsJson() {
        String ok = "{\"dtype\":\"F32\",\"shape\":[3,4],\"data_offsets\":[0,48]}";
        List<String> json = new ArrayList<>(List.of("{\"w\":" + ok + "}", "{}", "[]", "\"x\"", "1", "{\"w\":1}", "{\"w\":" + ok,
                "{\"w\":" + ok + "} xyz", "{\"w\":" + ok + "}{}", "{\"w\":" + ok + ",\"w\":" + ok + "}",
                "{\"w\":{\"dtype\":\"F32\",\"dtype\":\"F64\",\"shape\":[6],\"data_offsets\":[0,48]}}",
                "{\"__metadata__\":{\"a\":1},\"w\":" + ok + "}", "{\"__metadata__\":\"x\",\"w\":" + ok + "}",
                "{\"__metadata__\":null,\"w\":" + ok + "}", "{\"__metadata__\":{\"a\":\"b\"}}",
                "{\"a\\nb\":" + ok + "}", "{\"a\u0000\":" + ok + "}", "{\"w\":" + ok.replace("}", ",\"extra\":[1,{\"k\":2}]}") + "}",
                "{\"w\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", "{\"w\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001),
                "{\"__metadata__\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", huge(10_000)));
        String[][] entries = {
            {"F32", "[3,4]", "[0,99999999]"}, {"F32", "[3,4]", "[48,0]"}, {"F32", "[3,4]", "[-8,40]"},
            {"F32", "[3,4]", "[0,18446744073709551615]"}, {"F32", "[3,4]", "[0,48,96]"}, {"F32", "[3,4]", "[0]"},
            {"F32", "[1000000000000]", "[0,48]"}, {"F32", "[4611686018427387904,4]", "[0,48]"},
            {"F32", "[9223372036854775807,9223372036854775807]", "[0,48]"}, {"F32", "[-2]", "[0,48]"},
            {"F32", "[2.5]", "[0,48]"}, {"F32", "\"12\"", "[0,48]"}, {"F32", "[" + "1,".repeat(65) + "12]", "[0,48]"},
            {"I64", "[6]", "[0,48]"}, {"BOOL", "[48]", "[0,48]"}, {"F8_E4M3", "[48]", "[0,48]"}, {"x", "[12]", "[0,48]"},
            {"F16", "[24]", "[0,48]"}, {"BF16", "[24]", "[0,48]"}, {"F64", "[6]", "[0,48]"}, {"F64", "[6]", "[8,56]"},
            {"F32", "[]", "[0,4]"}, {"F32", "[0]", "[0,0]"}, {"F32", "[12]", "[1,49]"}};
        for (String[] e : entries) {
            String dtype = e[0].equals("x") ? "123" : "\"" + e[0] + "\"";
            json.add("{\"w\":{\"dtype\":" + dtype + ",\"shape\":" + e[1] + ",\"data_offsets\":" + e[2] + "}}");
        }
        return json;
    }

    private static String huge(int tensors) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < tensors; i++) {
            b.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}");
        }
        return b.append('}').toString();
    }

    static List<Variant> safetensorsFiles(byte[] model) {
        List<Variant> out = new ArrayList<>();
        for (String json : safetensorsJson()) {
            out.add(new Variant("safetensors " + abbreviate(json), TestFiles.safetensors(json, DATA)));
        }
        out.add(new Variant("safetensors length only", TestFiles.withLength(0, new byte[0])));
        byte[] utf16 = "{\"w\":{}}".getBytes(StandardCharsets.UTF_16LE);
        out.add(new Variant("safetensors UTF-16 header", TestFiles.concat(TestFiles.withLength(utf16.length, utf16), DATA)));
        long n = model.length;
        for (long length : new long[] {0, 1, 2, 7, 1L << 31, 1L << 32, Long.MAX_VALUE, -1L, Long.MIN_VALUE,
                (100L << 20) + 1, n - 8, n - 7, n}) {
            out.add(new Variant("safetensors header length " + Long.toUnsignedString(length), patch(model, 0, length, 8)));
        }
        return out;
    }

    /** Archives of broken .npy entries, duplicate names, extra entries and a zip bomb. */
    static List<Variant> npzFiles() {
        List<Variant> out = new ArrayList<>();
        List<String> dicts = npyDicts();
        for (int i = 0; i < dicts.size(); i += 2) {
            byte[] entry = npy(1 + i % 3, dicts.get(i), DATA);
            for (boolean deflate : new boolean[] {false, true}) {
                out.add(new Variant("npz " + (deflate ? "deflated " : "stored ") + abbreviate(dicts.get(i)),
                        TestFiles.zip(deflate, Map.of("w.npy", entry))));
            }
        }
        byte[] valid = npy(1, npyDict("<f4", false, "(12,)"), DATA);
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("a.npy", valid);
        two.put("b.npy", valid);
        byte[] zip = TestFiles.zip(false, two);
        out.add(new Variant("npz duplicate entry names", replace(zip, "b.npy", "a.npy")));
        Map<String, byte[]> mixed = new LinkedHashMap<>();
        mixed.put("dir/", new byte[0]);
        mixed.put("readme.txt", "hello".getBytes(StandardCharsets.US_ASCII));
        mixed.put("a\nb.npy", valid);
        mixed.put("dir/w.npy", valid);
        out.add(new Variant("npz mixed entries", TestFiles.zip(true, mixed)));
        for (String descr : new String[] {"<f2", "<f4", ">f8"}) {
            byte[] bomb = npy(1, npyDict(descr, false, "(1000000000,)"), new byte[1 << 20]);
            out.add(new Variant("npz bomb " + descr, TestFiles.zip(true, Map.of("w.npy", bomb))));
        }
        return out;
    }

    static List<Variant> textFiles(byte[] matrix, UniformRandomProvider rng) {
        List<Variant> out = new ArrayList<>();
        for (String s : new String[] {"", "\n\n", "# only a comment\n", "1,2\n3\n", "1,2,3", "1;2;3", "1,,2", ",1", "1,",
                "0x10", "1f", "--1", "1e999", "1e-400", "nan,inf,-inf", "NaN\tInfinity", "\u0661", "\u0000", "1 2 3\n4 5 6\n",
                "1" + "0".repeat(100_000), "1\n".repeat(50_000), "\uFEFF1,2", "1\r\n2\r\n", "1 # trailing comment"}) {
            out.add(new Variant("text " + abbreviate(s), s.getBytes(StandardCharsets.UTF_8)));
        }
        String[] tokens = {"abc", "", "1e999", "--1", "0x10", "1f", "NaN", "-Infinity", "1e-400", "1,,2", " , ", "\u00e9", "\r"};
        String text = new String(matrix, StandardCharsets.US_ASCII);
        for (int i = 0; i < 200; i++) {
            String[] parts = text.split(",", -1);
            parts[rng.nextInt(parts.length)] = tokens[rng.nextInt(tokens.length)];
            out.add(new Variant("text token " + i, String.join(",", parts).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < 20; i++) {
            byte[] garbage = new byte[1 + rng.nextInt(300)];
            rng.nextBytes(garbage);
            out.add(new Variant("text garbage " + i, garbage));
        }
        return out;
    }

    /** Overwrites {@code width} little-endian bytes at {@code at} with {@code value}. */
    static byte[] patch(byte[] b, int at, long value, int width) {
        byte[] copy = b.clone();
        for (int i = 0; i < width && at + i < copy.length; i++) {
            copy[at + i] = (byte) (value >>> (8 * i));
        }
        return copy;
    }

    private static byte[] replace(byte[] b, String from, String to) {
        String s = new String(b, StandardCharsets.ISO_8859_1).replace(from, to);
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace("\n", "\\n");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "...(" + s.length() + " chars)";
    }
}
