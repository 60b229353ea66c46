package dev.initcheck.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads every fixture written by NumPy (scripts/reference/io_fixtures.py) and compares with MANIFEST.txt. */
class TensorFilesRoundTripTest {

    /** One MANIFEST line: key=value pairs. */
    record Expected(Map<String, String> fields) {
        String get(String key) {
            return fields.get(key);
        }

        double value(String key) {
            String v = get(key);
            return switch (v) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(v);
            };
        }

        long[] shape() {
            String inner = get("shape").substring(1, get("shape").length() - 1);
            return inner.isEmpty() ? new long[0] : Arrays.stream(inner.split(",")).mapToLong(Long::parseLong).toArray();
        }

        @Override
        public String toString() {
            return get("fixture") + ":" + get("tensor");
        }
    }

    static Stream<Expected> manifest() throws IOException {
        return Files.readAllLines(TestFiles.fixtures().resolve("MANIFEST.txt")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> {
                    Map<String, String> fields = new HashMap<>();
                    for (String pair : line.split(" ")) {
                        int eq = pair.indexOf('=');
                        fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                    return new Expected(fields);
                });
    }

    @Test
    void manifestHasProvenanceAndCoversEveryFixture() throws IOException {
        List<String> lines = Files.readAllLines(TestFiles.fixtures().resolve("MANIFEST.txt"));
        assertThat(lines.get(0)).contains("/usr/bin/python3 scripts/reference/io_fixtures.py", "numpy 1.");
        try (Stream<Path> files = Files.list(TestFiles.fixtures())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("MANIFEST.txt")).toList();
            List<String> covered = manifest().map(e -> e.get("fixture")).distinct().toList();
            assertThat(covered).containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void listDescribesTheTensor(Expected e) throws TensorFormatException {
        Path file = TestFiles.fixtures().resolve(e.get("fixture"));
        TensorInfo expected = new TensorInfo(e.get("tensor"), e.shape(), DType.valueOf(e.get("dtype")),
                Boolean.parseBoolean(e.get("fortran")));
        assertThat(TensorFiles.list(file)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void readAllCOrderMatchesNumpy(Expected e) throws TensorFormatException {
        try (TensorSource source = TensorFiles.open(TestFiles.fixtures().resolve(e.get("fixture")), e.get("tensor"))) {
            double[] all = source.readAllCOrder();
            assertThat(all.length).isEqualTo(Long.parseLong(e.get("count")));
            assertThat(source.info().size()).isEqualTo(all.length);
            assertSame(all[0], e.value("first"));
            assertSame(all[all.length - 1], e.value("last"));
            assertSame(all[all.length > 1 ? 1 : 0], e.value("c1"));
            assertSame(Arrays.stream(all).sum(), e.value("sum"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifest")
    void forEachChunkStreamsStorageOrder(Expected e) throws TensorFormatException {
        try (TensorSource source = TensorFiles.open(TestFiles.fixtures().resolve(e.get("fixture")), e.get("tensor"))) {
            double[] stats = new double[4]; // count, sum, s1, chunks
            source.forEachChunk((buf, len) -> {
                for (int i = 0; i < len; i++) {
                    if (stats[0] == 1) {
                        stats[2] = buf[i];
                    }
                    stats[0]++;
                    stats[1] += buf[i];
                }
                stats[3]++;
            });
            long count = Long.parseLong(e.get("count"));
            assertThat((long) stats[0]).isEqualTo(count);
            assertSame(stats[1], e.value("sum"));
            assertSame(count > 1 ? stats[2] : e.value("first"), e.value("s1"));
        }
    }

    @Test
    void singleTensorFilesOpenWithoutAName() throws TensorFormatException {
        for (String name : List.of("f32_le.npy", "single.npz", "single.safetensors", "matrix.csv", "scalar.npy")) {
            try (TensorSource source = TensorFiles.open(TestFiles.fixtures().resolve(name), null)) {
                assertThat(source.info().size()).isPositive();
            }
        }
    }

    @Test
    void unsupportedSafetensorsDtypeIsListedOutAndRefusedByName() throws TensorFormatException {
        Path model = TestFiles.fixtures().resolve("model.safetensors");
        assertThat(TensorFiles.list(model)).extracting(TensorInfo::name)
                .containsExactly("w_f16", "w_bf16", "w_f32", "w_f64", "scalar");
        assertThatThrownBy(() -> TensorFiles.open(model, "step"))
                .hasMessage(model + ": tensor 'step': unsupported dtype 'I64' (supported: F16, BF16, F32, F64)");
    }

    @Test
    void nonFloatAndEmptyTensorsOfContainersAreListedAsSkipped(@TempDir Path dir) throws TensorFormatException {
        TensorListing model = TensorFiles.listing(TestFiles.fixtures().resolve("model.safetensors"));
        assertThat(model.tensors()).extracting(TensorInfo::name).contains("w_f32").doesNotContain("step");
        assertThat(model.skipped()).containsExactly(new SkippedTensor("step", "I64", SkippedTensor.NOT_FLOAT));
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("bn.num_batches_tracked.npy", TestFiles.npy(1, TestFiles.npyDict("<i8", false, "()"), new byte[8]));
        entries.put("fc.weight.npy", TestFiles.npy(1, TestFiles.npyDict("<f4", false, "(2, 2)"),
                TestFiles.floats(1, 2, 3, 4)));
        entries.put("empty.npy", TestFiles.npy(1, TestFiles.npyDict("<f8", false, "(0,)"), new byte[0]));
        entries.put("mask.npy", TestFiles.npy(1, TestFiles.npyDict("|b1", false, "(2,)"), new byte[2]));
        Path npz = TestFiles.write(dir.resolve("bn.npz"), TestFiles.zip(true, entries));
        TensorListing l = TensorFiles.listing(npz);
        assertThat(l.tensors()).extracting(TensorInfo::name).containsExactly("fc.weight");
        assertThat(l.skipped()).containsExactly(
                new SkippedTensor("bn.num_batches_tracked", "int64", SkippedTensor.NOT_FLOAT),
                new SkippedTensor("empty", "float64", SkippedTensor.EMPTY),
                new SkippedTensor("mask", "bool", SkippedTensor.NOT_FLOAT));
        assertThat(TensorFiles.list(npz)).isEqualTo(l.tensors());
        assertThatThrownBy(() -> TensorFiles.open(npz, "bn.num_batches_tracked"))
                .hasMessageContaining("unsupported dtype '<i8'");
    }

    @Test
    void csvShapeIsAppliedInCOrder() throws TensorFormatException {
        Path matrix = TestFiles.fixtures().resolve("matrix.csv");
        try (TensorSource source = TensorFiles.open(matrix, null, new long[] {2, 6})) {
            assertThat(source.info().shape()).containsExactly(2, 6);
            assertThat(source.readAllCOrder()).startsWith(-1.0, -0.75, -0.5);
        }
    }

    @Test
    void textShapesWithoutAGivenShape(@TempDir Path dir) throws TensorFormatException {
        Map<String, long[]> cases = Map.of("1,2,3\n", new long[] {1, 3}, "1\n2\n3\n", new long[] {3},
                "1 2\n3 4\n5 6\n", new long[] {3, 2});
        for (Map.Entry<String, long[]> c : cases.entrySet()) {
            Path file = TestFiles.write(dir.resolve("t.csv"), c.getKey().getBytes(StandardCharsets.US_ASCII));
            assertThat(TensorFiles.list(file).get(0).shape()).as(c.getKey()).containsExactly(c.getValue());
        }
    }

    @Test
    void mappedWindowsGiveTheSameValuesAsAPlainRead() throws TensorFormatException, IOException {
        Path file = TestFiles.fixtures().resolve("f64_be_fortran_3d.npy");
        double[] expected;
        try (TensorSource source = TensorFiles.open(file, null)) {
            expected = source.readAllCOrder();
        }
        TensorInfo info = TensorFiles.list(file).get(0);
        long offset = Files.size(file) - info.byteSize();
        for (long window : new long[] {8, 16, 24, 64, 184}) {
            try (TensorSource source = FileTensorSource.open(Where.of(file), file, info, offset,
                    ByteOrder.BIG_ENDIAN, window, 0)) {
                assertThat(source.readAllCOrder()).containsExactly(expected);
            }
        }
    }

    @Test
    void readAllCOrderHonoursTheCallersLimitAndClosedSourcesRefuse() throws TensorFormatException {
        Path file = TestFiles.fixtures().resolve("f32_le.npy");
        TensorSource source = TensorFiles.open(file, null);
        assertThatThrownBy(() -> source.readAllCOrder(11))
                .isInstanceOf(TensorFormatException.class)
                .hasMessage(file + ": tensor 'f32_le': 12 elements are more than the 11 that can be loaded at once; "
                        + "stream them with forEachChunk");
        assertThat(source.readAllCOrder(12)).hasSize(12);
        source.close();
        assertThatThrownBy(() -> source.forEachChunk((b, n) -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void consumerExceptionsPassThroughUnwrapped() throws TensorFormatException {
        for (String name : List.of("f32_le.npy", "single.npz", "single.safetensors", "matrix.csv")) {
            try (TensorSource source = TensorFiles.open(TestFiles.fixtures().resolve(name), null)) {
                assertThatThrownBy(() -> source.forEachChunk((b, n) -> {
                    throw new ArithmeticException("from the consumer");
                })).isExactlyInstanceOf(ArithmeticException.class);
            }
        }
    }

    private static void assertSame(double actual, double expected) {
        assertThat(Double.doubleToLongBits(actual))
                .as("%s (expected %s)", actual, expected)
                .isEqualTo(Double.doubleToLongBits(expected));
    }
}
