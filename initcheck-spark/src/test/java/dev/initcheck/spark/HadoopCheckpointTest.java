package dev.initcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.bench.SyntheticCheckpoint;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint reached through a Hadoop scheme other than file: ({@code testfs://}, the local disk behind
 * {@link RecordingFileSystem}, which records every read): the audit's JSON is the local audit's with the URI for the
 * path, the driver reads only the index, the config, each shard's header (once) and the tensors it examines whole,
 * and the executors read only the streamed tensors' bytes. Deterministic: no statistical assertion of its own.
 */
class HadoopCheckpointTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/audit").toAbsolutePath();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        SharedSpark.get();
    }

    private static String uri(Path p) {
        return "testfs://" + p.toAbsolutePath();
    }

    /** Byte intervals [from, to), merged. */
    private static List<long[]> union(List<long[]> in) {
        List<long[]> sorted = new ArrayList<>(in);
        sorted.sort(Comparator.comparingLong(a -> a[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] a : sorted) {
            if (!out.isEmpty() && a[0] <= out.get(out.size() - 1)[1]) {
                out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], a[1]);
            } else {
                out.add(new long[] {a[0], a[1]});
            }
        }
        return out;
    }

    private static boolean within(long[] r, List<long[]> allowed) {
        return union(allowed).stream().anyMatch(a -> a[0] <= r[0] && r[1] <= a[1]);
    }

    private static long length(List<long[]> intervals) {
        return union(intervals).stream().mapToLong(a -> a[1] - a[0]).sum();
    }

    private static List<long[]> reads(String file, boolean executor) {
        List<long[]> out = new ArrayList<>();
        synchronized (RecordingFileSystem.READS) {
            for (RecordingFileSystem.Read r : RecordingFileSystem.READS) {
                if (r.file().equals(file) && r.executor() == executor) {
                    out.add(new long[] {r.position(), r.position() + r.length()});
                }
            }
        }
        return out;
    }

    private static long headerLength(Path shard) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(shard.toFile(), "r")) {
            byte[] b = new byte[8];
            f.readFully(b);
            return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }
    }

    @Test
    void aShardedCheckpointOnAHadoopSchemeGivesTheLocalJsonReadingOnlyHeadersOnTheDriver() throws Exception {
        Path dir = FIXTURES.resolve("gpt2-bf16-sharded");
        String policy = FIXTURES.resolve("gpt2.policy.yaml").toString();
        SparkAuditTest.Run local = SparkAuditTest.local("audit", dir.toString(), "--policy", policy, "--format",
                "json", "--ks", "streaming");
        RecordingFileSystem.READS.clear();
        SparkAuditTest.Run spark = SparkAuditTest.spark("audit", uri(dir), "--policy", policy, "--format", "json",
                "--ks", "streaming", "--range-chunks", "1");
        assertThat(spark.err()).doesNotContain("initcheck-spark:");
        assertThat(local.out()).contains(dir.toString());
        assertThat(spark.out()).contains("\"path\" : \"" + uri(dir) + "\"")
                .isEqualTo(local.out().replace(dir.toString(), uri(dir)));
        assertThat(spark.code()).isEqualTo(local.code()).isZero();

        // where each tensor lies, and how the audit examined it
        Map<String, String> how = new HashMap<>();
        for (JsonNode t : new ObjectMapper().readTree(spark.out()).get("tensors")) {
            how.put(t.get("tensor").asText(), t.path("path").asText(""));
        }
        int streamed = 0;
        for (String name : List.of("model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors")) {
            Path shard = dir.resolve(name);
            long n = headerLength(shard);
            byte[] header = new byte[(int) n];
            try (RandomAccessFile f = new RandomAccessFile(shard.toFile(), "r")) {
                f.seek(8);
                f.readFully(header);
            }
            List<long[]> driverMay = new ArrayList<>(List.of(new long[] {0, 8 + n}));
            List<long[]> executorMay = new ArrayList<>();
            List<long[]> mustStream = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : iterable(new ObjectMapper().readTree(header))) {
                if (!e.getValue().has("data_offsets")) {
                    continue;
                }
                long[] region = {8 + n + e.getValue().get("data_offsets").get(0).asLong(),
                    8 + n + e.getValue().get("data_offsets").get(1).asLong()};
                if ("streaming".equals(how.get(e.getKey()))) {
                    executorMay.add(region);
                    mustStream.add(region);
                } else {
                    driverMay.add(region); // examined whole on the driver (exact), tied or skipped
                }
            }
            streamed += mustStream.size();
            List<long[]> driver = reads(shard.toString(), false);
            List<long[]> executor = reads(shard.toString(), true);
            assertThat(driver).as("the driver read %s's header", name).isNotEmpty();
            for (long[] r : driver) {
                assertThat(within(r, driverMay)).as("driver read [%d, %d) of %s: the header or a tensor examined "
                        + "whole on the driver", r[0], r[1], name).isTrue();
            }
            for (long[] r : executor) {
                assertThat(within(r, executorMay)).as("executor read [%d, %d) of %s within a streamed tensor",
                        r[0], r[1], name).isTrue();
            }
            for (long[] t : mustStream) {
                List<long[]> both = new ArrayList<>(executor);
                assertThat(within(t, both)).as("streamed tensor bytes [%d, %d) of %s read by executors", t[0], t[1],
                        name).isTrue();
            }
            long headerBytes = driver.stream().mapToLong(r -> Math.max(0, Math.min(r[1], 8 + n) - r[0])).sum();
            assertThat(headerBytes).as("bytes of %s's header the driver fetched: each once", name).isEqualTo(8 + n);
            assertThat(driver.stream().mapToLong(r -> r[1] - r[0]).sum()).as("bytes the driver read of %s", name)
                    .isLessThanOrEqualTo(length(driverMay));
        }
        assertThat(streamed).as("tensors streamed through Spark").isGreaterThan(0);
        for (String small : List.of("model.safetensors.index.json", "config.json")) {
            assertThat(length(reads(dir.resolve(small).toString(), false))).as(small)
                    .isEqualTo(Files.size(dir.resolve(small)));
        }
    }

    @Test
    void tensorsExaminedWholeOnTheDriverAreReadThroughHadoopInHeapWindows() throws Exception {
        // vocabulary 2048, width 256: a 2 MiB f32 embedding, above the 1 MiB that the readers read without mapping
        SyntheticCheckpoint.Written w = SyntheticCheckpoint.write(new SyntheticCheckpoint.Spec(1, 256, 2048),
                20251201L, Files.createDirectories(tmp.resolve("synthetic")), 2, s -> {
                });
        Path file = w.file(SyntheticCheckpoint.StorageType.F32).toAbsolutePath();
        String[] options = {"--policy", w.policy().toString(), "--format", "json", "--ks", "exact"};
        SparkAuditTest.Run local = SparkAuditTest.local(SparkAuditTest.with(new String[] {"audit",
            file.toString()}, options));
        RecordingFileSystem.READS.clear();
        SparkAuditTest.Run spark = SparkAuditTest.spark(SparkAuditTest.with(new String[] {"audit", uri(file)},
                options));
        assertThat(spark.err()).doesNotContain("initcheck-spark:");
        assertThat(local.out()).contains("\"path\" : \"exact\"").doesNotContain("\"path\" : \"streaming\"");
        assertThat(spark.out()).isEqualTo(local.out().replace(file.toString(), uri(file)));
        assertThat(RecordingFileSystem.READS.stream().filter(r -> r.file().equals(file.toString()))
                .mapToLong(RecordingFileSystem.Read::length).max().orElse(0)).as("largest single read")
                .isGreaterThan(1L << 20);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode n) {
        return n::fields;
    }

    @Test
    void aHeaderLengthBeyondTheFileOrTheCapIsOneLineNamingTheFile() throws Exception {
        Path beyond = tmp.resolve("beyond.safetensors");
        Files.write(beyond, ByteBuffer.allocate(108).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
        Path huge = tmp.resolve("huge.safetensors"); // sparse: 300 MiB declared, a header of 150 MiB claimed
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(150L << 20).array());
            f.setLength(300L << 20);
        }
        Map<Path, String> expected = Map.of(beyond, "header length 1000 exceeds the file size 108",
                huge, "header length 157286400 exceeds the limit of 104857600 bytes");
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            RecordingFileSystem.READS.clear();
            SparkAuditTest.Run r = SparkAuditTest.spark("audit", uri(e.getKey()), "--preset", "torch");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines().toList()).singleElement().asString()
                    .isEqualTo("initcheck-spark: " + uri(e.getKey()) + ": " + e.getValue());
            assertThat(length(reads(e.getKey().toString(), false))).as("bytes read of %s", e.getKey()).isEqualTo(8);
        }
    }

    @Test
    void aTorchCheckpointOrAnUnknownSchemeIsRefusedInOneLine() {
        Set<String> seen = new HashSet<>();
        for (String dir : List.of("gpt2-bin", "gpt2-bin-sharded-bf16")) {
            RecordingFileSystem.READS.clear();
            SparkAuditTest.Run r = SparkAuditTest.spark("audit", uri(FIXTURES.resolve(dir)), "--policy",
                    FIXTURES.resolve("gpt2.policy.yaml").toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            String line = r.err().strip();
            assertThat(line).doesNotContain("\n").startsWith("initcheck-spark: " + uri(FIXTURES.resolve(dir)) + "/")
                    .contains(".bin").contains("from a local path");
            synchronized (RecordingFileSystem.READS) {
                RecordingFileSystem.READS.stream().filter(x -> x.file().endsWith(".bin")).forEach(x ->
                        seen.add(x.file()));
            }
        }
        assertThat(seen).as(".bin files read through Hadoop").isEmpty();
        SparkAuditTest.Run r = SparkAuditTest.spark("audit", "nofs://host/model", "--preset", "torch");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("initcheck-spark: nofs://host/model: No FileSystem for scheme \"nofs\"");
    }
}
