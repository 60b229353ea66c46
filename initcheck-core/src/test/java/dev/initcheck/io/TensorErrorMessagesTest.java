package dev.initcheck.io;

import static dev.initcheck.io.TestFiles.npy;
import static dev.initcheck.io.TestFiles.npyDict;
import static dev.initcheck.io.TestFiles.safetensors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each class of bad input gives a TensorFormatException with the documented one-line message. */
class TensorErrorMessagesTest {
    private static final byte[] TWELVE_FLOATS = TestFiles.floats(new float[12]);
    private static final String EMPTY_ENTRY = "{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}";

    @TempDir
    Path dir;

    /** An operation on a file that is expected to fail. */
    interface Read {
        void run() throws Exception;
    }

    private static String message(Read read) {
        TensorFormatException e = catchThrowableOfType(TensorFormatException.class, read::run);
        assertThat(e).as("expected a TensorFormatException").isNotNull();
        assertThat(e.getMessage()).isNotBlank().doesNotContain("\n", "\r");
        return e.getMessage();
    }

    private Path file(String name, byte[] bytes) {
        return TestFiles.write(dir.resolve(name), bytes);
    }

    private Path npyFile(String dict, byte[] data) {
        return file("x.npy", npy(1, dict, data));
    }

    @Test
    void truncatedAndOverlongNpyData() {
        Path f = npyFile(npyDict("<f4", false, "(3, 4)"), Arrays.copyOf(TWELVE_FLOATS, 45));
        assertThat(message(() -> TensorFiles.open(f, null))).isEqualTo(
                f + ": tensor 'x': truncated data: shape [3, 4] of float32 needs 48 bytes but the file holds only 45");
        Path g = npyFile(npyDict("<f4", false, "(3, 4)"), Arrays.copyOf(TWELVE_FLOATS, 52));
        assertThat(message(() -> TensorFiles.list(g))).isEqualTo(
                g + ": 4 trailing bytes: shape [3, 4] of float32 needs 48 data bytes but the file holds 52");
    }

    @Test
    void truncatedNpyHeaderAndWrongMagic() {
        byte[] whole = npy(1, npyDict("<f4", false, "(12,)"), TWELVE_FLOATS);
        Path f = file("x.npy", Arrays.copyOf(whole, 40));
        assertThat(message(() -> TensorFiles.list(f))).isEqualTo(f + ": header length 118 exceeds the file size 40");
        Path g = file("x.npy", "PK\3\4 not numpy at all".getBytes());
        assertThat(message(() -> TensorFiles.open(g, null)))
                .isEqualTo(g + ": tensor 'x': not a .npy file (the magic string \\x93NUMPY is missing)");
        Path h = file("x.npy", Arrays.copyOf(whole, 7));
        assertThat(message(() -> TensorFiles.list(h))).isEqualTo(h + ": truncated .npy preamble (7 bytes)");
    }

    @Test
    void unsupportedNpyDtypesAndVersions() {
        for (String descr : new String[] {"<i4", "|b1", "<c8", "|O", "<U3", "|f4", ">f16"}) {
            Path f = npyFile(npyDict(descr, false, "(12,)"), TWELVE_FLOATS);
            assertThat(message(() -> TensorFiles.open(f, null))).isEqualTo(
                    f + ": tensor 'x': unsupported dtype '" + descr + "' (supported: float16, float32, float64)");
        }
        Path s = npyFile("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (12,), }", TWELVE_FLOATS);
        assertThat(message(() -> TensorFiles.list(s)))
                .endsWith("unsupported structured dtype (supported: float16, float32, float64)");
        byte[] v4 = npy(1, npyDict("<f4", false, "(12,)"), TWELVE_FLOATS);
        v4[6] = 4;
        Path v = file("x.npy", v4);
        assertThat(message(() -> TensorFiles.list(v)))
                .isEqualTo(v + ": unsupported .npy format version 4.0 (supported: 1.0, 2.0, 3.0)");
    }

    @Test
    void npyHeaderLengthBeyondLimitOrFile() {
        byte[] v2 = npy(2, npyDict("<f4", false, "(12,)"), TWELVE_FLOATS);
        v2[8] = 0;
        v2[9] = 0;
        v2[10] = 0;
        v2[11] = (byte) 0x80; // 2^31
        Path f = file("x.npy", v2);
        assertThat(message(() -> TensorFiles.list(f)))
                .isEqualTo(f + ": header length 2147483648 exceeds the limit of 1048576 bytes");
        v2[11] = 0;
        v2[9] = 0x10; // 4096
        Path g = file("x.npy", v2);
        assertThat(message(() -> TensorFiles.list(g))).isEqualTo(g + ": header length 4096 exceeds the file size 176");
    }

    @Test
    void emptyTensorAndHugeOrOverflowingNpyShapes() {
        Path empty = npyFile(npyDict("<f4", false, "(0, 3)"), new byte[0]);
        assertThat(message(() -> TensorFiles.open(empty, null)))
                .isEqualTo(empty + ": tensor 'x': empty tensor (shape [0, 3] has no elements)");
        Path huge = npyFile(npyDict("<f4", false, "(1000000000000,)"), TWELVE_FLOATS);
        assertThat(message(() -> TensorFiles.list(huge))).isEqualTo(huge
                + ": truncated data: shape [1000000000000] of float32 needs 4000000000000 bytes but the file holds only 48");
        Path overflow = npyFile(npyDict("<f4", false, "(4611686018427387904, 4)"), TWELVE_FLOATS);
        assertThat(message(() -> TensorFiles.list(overflow)))
                .isEqualTo(overflow + ": shape [4611686018427387904, 4] has more elements than a long can count");
        Path bytes = npyFile(npyDict("<f4", false, "(1152921504606846976, 2)"), TWELVE_FLOATS);
        assertThat(message(() -> TensorFiles.list(bytes)))
                .isEqualTo(bytes + ": shape [1152921504606846976, 2] needs more bytes than a long can count");
        Path negative = npyFile(npyDict("<f4", false, "(3, -4)"), TWELVE_FLOATS);
        assertThat(message(() -> TensorFiles.list(negative)))
                .isEqualTo(negative + ": shape [3, -4] has a negative dimension");
        Path digits = npyFile(npyDict("<f4", false, "(99999999999999999999,)"), TWELVE_FLOATS);
        assertThat(message(() -> TensorFiles.list(digits))).contains("does not fit in a long");
    }

    @Test
    void malformedNpyDicts() {
        Path f = npyFile("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (12,), }", TWELVE_FLOATS);
        assertThat(message(() -> TensorFiles.list(f))).isEqualTo(f + ": header repeats the key 'descr'");
        Path g = npyFile("{'descr': '<f4', 'fortran_order': False, }", TWELVE_FLOATS);
        assertThat(message(() -> TensorFiles.list(g))).isEqualTo(g + ": header lacks the key 'shape'");
        Path h = npyFile(npyDict("<f4", false, "(12)"), TWELVE_FLOATS);
        assertThat(message(() -> TensorFiles.list(h)))
                .isEqualTo(h + ": header value of 'shape' must be a tuple of integers");
        Path i = npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (12,), __import__('os'): 1}", TWELVE_FLOATS);
        assertThat(message(() -> TensorFiles.list(i)))
                .startsWith(i + ": malformed header dict: expected a quoted string at offset 57");
    }

    @Test
    void safetensorsOffsetsOutsideReversedOrInconsistent() {
        Path f = file("model.safetensors",
                safetensors("{\"fc1.weight\":{\"dtype\":\"F32\",\"shape\":[32,32],\"data_offsets\":[0,4096]}}", new byte[2048]));
        assertThat(message(() -> TensorFiles.open(f, "fc1.weight"))).isEqualTo(
                f + ": tensor 'fc1.weight': data offsets [0, 4096] lie outside the 2048-byte data section");
        Path g = file("m.safetensors",
                safetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", new byte[8]));
        assertThat(message(() -> TensorFiles.list(g)))
                .isEqualTo(g + ": tensor 'w': data offsets [8, 0] are reversed (begin > end)");
        Path h = file("m.safetensors",
                safetensors("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]));
        assertThat(message(() -> TensorFiles.list(h)))
                .isEqualTo(h + ": tensor 'w': data offsets [0, 8] span 8 bytes but shape [3] of 'F32' needs 12");
    }

    /** As the reference implementation: sorted by offsets, the ranges follow each other up to the end of the file. */
    @Test
    void safetensorsRangesMustTileTheDataSection() {
        String a = "\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}";
        Path overlap = file("o.safetensors", safetensors(
                "{" + a + ",\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}", new byte[24]));
        assertThat(message(() -> TensorFiles.list(overlap)))
                .isEqualTo(overlap + ": tensor 'b': data offsets [8, 24] overlap those of tensor 'a' [0, 16]");
        assertThat(message(() -> TensorFiles.open(overlap, "a"))).contains("overlap");
        Path alias = file("s.safetensors", safetensors(
                "{\"b\":{\"dtype\":\"I32\",\"shape\":[4],\"data_offsets\":[0,16]}," + a + "}", new byte[16]));
        assertThat(message(() -> TensorFiles.list(alias)))
                .isEqualTo(alias + ": tensor 'a': data offsets [0, 16] overlap those of tensor 'b' [0, 16]");
        Path gap = file("g.safetensors", safetensors(
                "{" + a + ",\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[20,36]}}", new byte[36]));
        assertThat(message(() -> TensorFiles.list(gap))).isEqualTo(gap + ": tensor 'b': data offsets [20, 36] leave "
                + "bytes [16, 20) of the data section to no tensor; the tensors must tile it without gaps");
        Path late = file("l.safetensors", safetensors(
                "{\"c\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]));
        assertThat(message(() -> TensorFiles.list(late))).startsWith(late + ": tensor 'c': data offsets [4, 8] leave "
                + "bytes [0, 4)");
        Path trailing = file("t.safetensors", safetensors("{" + a + "}", new byte[20]));
        assertThat(message(() -> TensorFiles.list(trailing))).isEqualTo(trailing + ": the data section holds 20 "
                + "bytes but its tensors end at byte 16: 4 trailing bytes belong to no tensor");
    }

    @Test
    void safetensorsHeaderLengths() throws IOException {
        byte[] rest = new byte[40];
        for (long n : new long[] {Long.MAX_VALUE, -1L, 41, 1000}) {
            Path f = file("m.safetensors", TestFiles.withLength(n, rest));
            assertThat(message(() -> TensorFiles.list(f)))
                    .isEqualTo(f + ": header length " + Long.toUnsignedString(n) + " exceeds the file size 48");
        }
        Path small = file("m.safetensors", TestFiles.withLength(1, rest));
        assertThat(message(() -> TensorFiles.list(small)))
                .isEqualTo(small + ": header length 1 is too small for a JSON object");
        Path tiny = file("m.safetensors", new byte[5]);
        assertThat(message(() -> TensorFiles.list(tiny)))
                .isEqualTo(tiny + ": file holds 5 bytes, fewer than the 8-byte header length");
        Path sparse = file("big.safetensors", TestFiles.withLength(200L << 20, new byte[0]));
        try (RandomAccessFile raf = new RandomAccessFile(sparse.toFile(), "rw")) {
            raf.setLength(300L << 20);
        }
        assertThat(message(() -> TensorFiles.list(sparse)))
                .isEqualTo(sparse + ": header length 209715200 exceeds the limit of 104857600 bytes");
    }

    @Test
    void safetensorsShapesDtypesAndJson() {
        Path f = file("m.safetensors", safetensors(
                "{\"w\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,8]}}", new byte[8]));
        assertThat(message(() -> TensorFiles.list(f)))
                .isEqualTo(f + ": tensor 'w': shape [4611686018427387904, 4] has more elements than a long can count");
        Path g = file("m.safetensors",
                safetensors("{\"mask\":{\"dtype\":\"BOOL\",\"shape\":[8],\"data_offsets\":[0,8]}}", new byte[8]));
        assertThat(message(() -> TensorFiles.open(g, null)))
                .isEqualTo(g + ": tensor 'mask': unsupported dtype 'BOOL' (supported: F16, BF16, F32, F64)");
        Path h = file("m.safetensors",
                safetensors("{\"a\":" + EMPTY_ENTRY + ",\"a\":" + EMPTY_ENTRY + "}", new byte[0]));
        assertThat(message(() -> TensorFiles.list(h))).isEqualTo(h + ": header repeats the key 'a'");
        Path i = file("m.safetensors", safetensors("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", new byte[0]));
        assertThat(message(() -> TensorFiles.list(i)))
                .startsWith(i + ": tensor 'a': header entry must be a JSON object");
        Path j = file("m.safetensors",
                safetensors("{\"__metadata__\":" + "[".repeat(5000) + "]".repeat(5000) + "}", new byte[0]));
        assertThat(message(() -> TensorFiles.list(j))).isEqualTo(j + ": __metadata__ must be an object of strings");
        Path k = file("m.safetensors",
                safetensors("{\"a\":{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}}", new byte[0]));
        assertThat(message(() -> TensorFiles.list(k)))
                .startsWith(k + ": malformed header JSON: Document nesting depth");
        Path l = file("m.safetensors",
                safetensors("{\"a\\nb\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", new byte[8]));
        assertThat(message(() -> TensorFiles.list(l)))
                .isEqualTo(l + ": tensor 'a\\u000ab': shape [-2] has a negative dimension");
    }

    @Test
    void tensorSelection() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        IntStream.range(0, 25).forEach(k -> entries.put("t" + k + ".npy",
                npy(1, npyDict("<f4", false, "(12,)"), TWELVE_FLOATS)));
        Path many = file("many.npz", TestFiles.zip(true, entries));
        String first20 = IntStream.range(0, 20).mapToObj(k -> "'t" + k + "'").collect(Collectors.joining(", "));
        assertThat(message(() -> TensorFiles.open(many, "fc9")))
                .isEqualTo(many + ": no tensor named 'fc9'; available: " + first20 + " \u2026 and 5 more");
        assertThat(message(() -> TensorFiles.open(many, null)))
                .isEqualTo(many + ": contains 25 tensors, name one of: " + first20 + " \u2026 and 5 more");
        Path npy = npyFile(npyDict("<f4", false, "(12,)"), TWELVE_FLOATS);
        assertThat(message(() -> TensorFiles.open(npy, "y"))).isEqualTo(npy + ": no tensor named 'y'; available: 'x'");
        Path none = file("none.safetensors", safetensors("{\"__metadata__\":{\"a\":\"b\"}}", new byte[0]));
        assertThat(message(() -> TensorFiles.open(none, null))).isEqualTo(none + ": contains no tensors");
    }

    @Test
    void npzEntriesThatDeliverFewerOrMoreBytesThanDeclared() throws Exception {
        for (boolean deflate : new boolean[] {false, true}) {
            byte[] shortNpy = npy(1, npyDict("<f4", false, "(12,)"), Arrays.copyOf(TWELVE_FLOATS, 44));
            Path f = file("a.npz", TestFiles.zip(deflate, Map.of("w.npy", shortNpy)));
            try (TensorSource source = TensorFiles.open(f, null)) {
                assertThat(message(() -> source.forEachChunk((b, n) -> { }))).isEqualTo(
                        f + ": tensor 'w': truncated entry: its data end after 44 of the 48 bytes the header declares");
                assertThat(message(source::readAllCOrder)).contains("truncated entry");
            }
            byte[] longNpy = npy(1, npyDict("<f4", false, "(12,)"), Arrays.copyOf(TWELVE_FLOATS, 49));
            Path g = file("b.npz", TestFiles.zip(deflate, Map.of("w.npy", longNpy)));
            try (TensorSource source = TensorFiles.open(g, "w")) {
                assertThat(message(source::readAllCOrder))
                        .isEqualTo(g + ": tensor 'w': entry holds more than the 48 data bytes its header declares");
            }
        }
        Path notZip = file("c.npz", "not a zip".getBytes());
        assertThat(message(() -> TensorFiles.list(notZip)))
                .isEqualTo(notZip + ": not a readable .npz (zip) archive: ZipException: zip END header not found");
    }

    @Test
    void raggedTextRowsAreRefusedWithTheLine() {
        Path f = file("r.csv", "1,2,3\n4,5\n".getBytes());
        assertThat(message(() -> TensorFiles.list(f)))
                .isEqualTo(f + ": line 2 holds 2 values but line 1 holds 3: rows must all have the same length");
        Path g = file("r.txt", "# w\n1 2\n\n3\n".getBytes());
        assertThat(message(() -> TensorFiles.open(g, null, new long[] {3})))
                .isEqualTo(g + ": tensor 'r': line 4 holds 1 value but line 2 holds 2: rows must all have the same "
                        + "length");
    }

    @Test
    void textFiles() {
        Path f = file("v.csv", "1,2\n3,4\n5,abc\n".getBytes());
        assertThat(message(() -> TensorFiles.list(f))).isEqualTo(f + ": line 3: 'abc' is not a number");
        Path g = file("w.txt", "1\n2\n3\n".getBytes());
        assertThat(message(() -> TensorFiles.open(g, null, new long[] {2, 2})))
                .isEqualTo(g + ": tensor 'w': file holds 3 values but shape [2, 2] needs 4");
        Path h = file("e.csv", "1,,2\n".getBytes());
        assertThat(message(() -> TensorFiles.list(h))).isEqualTo(h + ": line 1: empty value");
        Path i = file("z.txt", "# nothing\n\n".getBytes());
        assertThat(message(() -> TensorFiles.open(i, null)))
                .isEqualTo(i + ": tensor 'z': empty tensor (shape [0] has no elements)");
        Path j = file("x.npy", new byte[0]);
        assertThat(message(() -> TensorFiles.open(j, null, new long[] {1})))
                .isEqualTo(j + ": a shape can only be given for .csv and .txt files; this format declares its own");
    }

    @Test
    void missingFilesAndUnknownExtensions() {
        Path missing = dir.resolve("missing.npy");
        assertThat(message(() -> TensorFiles.list(missing))).isEqualTo(missing + ": no such file");
        Path h5 = file("w.h5", new byte[10]);
        assertThat(message(() -> TensorFiles.open(h5, null))).isEqualTo(h5
                + ": unsupported file extension (supported: .npy, .npz, .safetensors, .pt, .pth, .bin, .csv, .txt)");
        assertThat(message(() -> TensorFiles.list(dir.resolve("d.npz").toAbsolutePath().getParent())))
                .contains("unsupported file extension");
    }
}
