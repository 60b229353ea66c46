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
 * {@link RecordingFileSystem}, which records every read with its thread): the audit's JSON is the local audit's with
 * the URI for the path; the driver reads only the index, the config and each shard's header (once), never a tensor's
 * values; executor tasks read every examined tensor, streamed in ranges or read whole, and nothing but headers and
 * those tensors. Deterministic: no statistical assertion of its own.
 */
class HadoopCheckpointTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/audit").toAbsolutePath();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        SharedSpark.get();
    }

    static String uri(Path p) {
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

    static long length(List<long[]> intervals) {
        return union(intervals).stream().mapToLong(a -> a[1] - a[0]).sum();
    }

    static List<long[]> reads(String file, boolean executor) {
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

    static long headerLength(Path shard) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(shard.toFile(), "r")) {
            byte[] b = new byte[8];
            f.readFully(b);
            return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }
    }

    @Test
    void aShardedCheckpointOnAHadoopSchemeGivesTheLocalJsonReadingOnlyHeadersOnTheDriver() throws Exception {
        for (String ks : List.of("streaming", "auto")) { // streaming: i.i.d. tensors in ranges; auto: small ones whole
            shardedCheckpoint(ks);
        }
    }

    private void shardedCheckpoint(String ks) throws Exception {
        Path dir = FIXTURES.resolve("gpt2-bf16-sharded");
        String policy = FIXTURES.resolve("gpt2.policy.yaml").toString();
        SparkAuditTest.Run local = SparkAuditTest.local("audit", dir.toString(), "--policy", policy, "--format",
                "json", "--ks", ks);
        RecordingFileSystem.READS.clear();
        SparkAuditTest.Run spark = SparkAuditTest.spark("audit", uri(dir), "--policy", policy, "--format", "json",
                "--ks", ks, "--range-chunks", "1");
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
        int whole = 0;
        for (String name : List.of("model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors")) {
            Path shard = dir.resolve(name);
            long n = headerLength(shard);
            byte[] header = new byte[(int) n];
            try (RandomAccessFile f = new RandomAccessFile(shard.toFile(), "r")) {
                f.seek(8);
                f.readFully(header);
            }
            long[] head = {0, 8 + n};
            List<long[]> executorMay = new ArrayList<>(List.of(head)); // each task opening the file reads its header
            List<long[]> examined = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : iterable(new ObjectMapper().readTree(header))) {
                if (!e.getValue().has("data_offsets")) {
                    continue;
                }
                long[] region = {8 + n + e.getValue().get("data_offsets").get(0).asLong(),
                    8 + n + e.getValue().get("data_offsets").get(1).asLong()};
                String path = how.get(e.getKey());
                if (!path.isEmpty()) { // examined: streamed in ranges, or read whole in a task
                    executorMay.add(region);
                    examined.add(region);
                    streamed += path.equals("streaming") ? 1 : 0;
                    whole += path.equals("exact") ? 1 : 0;
                }
            }
            List<long[]> driver = reads(shard.toString(), false);
            List<long[]> executor = reads(shard.toString(), true);
            assertThat(driver).as("the driver read %s's header", name).isNotEmpty();
            for (long[] r : driver) {
                assertThat(within(r, List.of(head))).as("driver read [%d, %d) of %s: within the header", r[0], r[1],
                        name).isTrue();
            }
            assertThat(driver.stream().mapToLong(r -> r[1] - r[0]).sum()).as("bytes of %s's header the driver "
                    + "fetched: each once", name).isEqualTo(8 + n);
            for (long[] r : executor) {
                assertThat(within(r, executorMay)).as("executor read [%d, %d) of %s: a header or an examined tensor",
                        r[0], r[1], name).isTrue();
            }
            for (long[] t : examined) {
                assertThat(within(t, executor)).as("examined tensor bytes [%d, %d) of %s read by executor tasks",
                        t[0], t[1], name).isTrue();
            }
        }
        assertThat(streamed).as("tensors streamed through Spark (--ks %s)", ks).isGreaterThan(0);
        if (ks.equals("auto")) {
            assertThat(whole).as("tensors read whole in executor tasks").isGreaterThan(0);
        }
        for (String small : List.of("model.safetensors.index.json", "config.json")) {
            assertThat(length(reads(dir.resolve(small).toString(), false))).as(small)
                    .isEqualTo(Files.size(dir.resolve(small)));
        }
    }

    @Test
    void tensorsExaminedWholeAreReadByExecutorTasksThroughHadoopInHeapWindows() throws Exception {
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
        long head = 8 + headerLength(file);
        assertThat(reads(file.toString(), false)).as("the driver read the header only").allSatisfy(r ->
                assertThat(r[1]).isLessThanOrEqualTo(head));
        assertThat(reads(file.toString(), true).stream().mapToLong(r -> r[1] - r[0]).max().orElse(0))
                .as("largest single read by an executor task").isGreaterThan(1L << 20);
        assertThat(length(reads(file.toString(), true))).as("bytes executor tasks read")
                .isEqualTo(Files.size(file));
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
