package dev.initcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.app.TensorCheck;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.io.DType;
import dev.initcheck.io.NpyWriter;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.summary.StreamingSummary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work that needs a tensor whole runs in executor tasks: the exact KS re-check of a streamed tensor, the hashes
 * of tied tensors, and a read that fails there fails the audit in one line naming the file and the tensor; a problem
 * of the data found in a task is raised on the driver as the local audit raises it; the tasks' batches hold every
 * tensor once. Checkpoints reached as {@code testfs://} ({@link RecordingFileSystem}) show which thread read what.
 * Deterministic: no statistical assertion of its own (the verdicts compared are the local audit's).
 */
class WholeTensorTaskTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        SharedSpark.get();
    }

    /** Writes float64 tensors of one shape as a safetensors file (header padded with spaces to 8 bytes). */
    static void writeF64(Path file, Map<String, double[]> tensors, long[] shape) throws IOException {
        StringBuilder h = new StringBuilder("{");
        long at = 0;
        for (Map.Entry<String, double[]> e : tensors.entrySet()) {
            long end = at + 8L * e.getValue().length;
            h.append(h.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":{\"dtype\":\"F64\",")
                    .append("\"shape\":").append(Arrays.toString(shape).replace(" ", "")).append(",\"data_offsets\":[")
                    .append(at).append(',').append(end).append("]}");
            at = end;
        }
        h.append('}');
        while (h.length() % 8 != 0) {
            h.append(' ');
        }
        byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate((int) (8 + head.length + at)).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(head.length).put(head);
        tensors.values().forEach(v -> Arrays.stream(v).forEach(b::putDouble));
        Files.write(file, b.array());
    }

    private static Path policy(String name, String... rules) throws IOException {
        return Files.writeString(tmp.resolve(name), "layout: pytorch\nrules:\n" + String.join("\n", rules) + "\n");
    }

    /** The paths of the tensors in an audit's JSON, by tensor. */
    private static Map<String, String> paths(String json) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode t : new ObjectMapper().readTree(json).get("tensors")) {
            out.put(t.get("tensor").asText(), t.path("path").asText(""));
        }
        return out;
    }

    @Test
    void anExactReCheckRunsInAnExecutorTaskAndGivesTheLocalVerdict() throws Exception {
        // ExactRecheckTest's construction (initcheck-core): the normal's quantiles with the m values just above x0
        // moved onto x0, so that the exact D exceeds the KS gate by half a bin's probability, at placements x0
        // across one bin; where D_lo falls below the gate, the binned bounds straddle it and the values are sorted
        int n = 1 << 17;
        int placements = 10;
        double alpha = 1e-6;
        double perTensor = alpha / (placements + 1);
        long[] shape = {256, 512};
        Scheme scheme = Scheme.parse("normal(stddev=1)");
        NormalDistribution law = NormalDistribution.of(0, 1);
        double[] honest = new double[n];
        for (int i = 0; i < n; i++) {
            honest[i] = law.inverseCumulativeProbability((i + 0.5) / n);
        }
        Path h = tmp.resolve("honest.npy");
        NpyWriter.writeFloat64(h, shape, honest);
        CheckResult ks0 = TensorCheck.run(new TensorCheck.Target(h, null), scheme, TensorCheck.TensorSpec.of(
                Layout.PYTORCH), AlphaShare.of(perTensor), TensorCheck.KsMode.EXACT).check(CheckName.KS).orElseThrow();
        double gate = ks0.threshold();
        double bin = 1.0 / StreamingSummary.binsFor(n, perTensor);
        int m = (int) Math.ceil((gate + 0.5 * bin) * n);
        double width = bin / law.density(0);
        Map<String, double[]> tensors = new LinkedHashMap<>();
        tensors.put("honest", honest);
        for (int k = 0; k < placements; k++) {
            double x0 = k * width / placements;
            double[] w = honest.clone();
            int i0 = (int) Math.ceil(law.cumulativeProbability(x0) * n - 0.5);
            Arrays.fill(w, i0, i0 + m, x0);
            tensors.put("shifted." + k, w);
        }
        Path file = tmp.resolve("recheck.safetensors").toAbsolutePath();
        writeF64(file, tensors, shape);
        String[] options = {"--policy", policy("recheck.yaml", "  - match: \"*\"", "    scheme: \"normal(stddev=1)\"")
            .toString(), "--format", "json", "--alpha", String.valueOf(alpha)};

        SparkAuditTest.Run local = SparkAuditTest.local(SparkAuditTest.with(new String[] {"audit", file.toString()},
                options));
        long rechecked = paths(local.out()).values().stream().filter("streaming, then exact"::equals).count();
        assertThat(paths(local.out())).as("paths of the local audit").hasSize(placements + 1);
        assertThat(rechecked).as("tensors the local audit re-checked exactly").isPositive();

        RecordingFileSystem.READS.clear();
        long before = WholeTensorJob.EXAMINED.get();
        SparkAuditTest.Run spark = SparkAuditTest.spark(SparkAuditTest.with(new String[] {"audit",
            HadoopCheckpointTest.uri(file)}, SparkAuditTest.with(options, "--range-chunks", "1")));
        assertThat(spark.err()).doesNotContain("initcheck-spark:");
        assertThat(spark.out()).isEqualTo(local.out().replace(file.toString(), HadoopCheckpointTest.uri(file)));
        assertThat(spark.code()).isEqualTo(local.code());
        assertThat(WholeTensorJob.EXAMINED.get() - before).as("re-checks run in executor tasks").isEqualTo(rechecked);
        long head = 8 + HadoopCheckpointTest.headerLength(file);
        assertThat(HadoopCheckpointTest.reads(file.toString(), false)).as("the driver read the header only")
                .allSatisfy(r -> assertThat(r[1]).isLessThanOrEqualTo(head));
    }

    @Test
    void tiedTensorsAreHashedInExecutorTasks() throws Exception {
        double[] a = new double[4096];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 61 - 30) / 1000.0;
        }
        double[] other = a.clone();
        other[4095] = Math.nextUp(other[4095]); // one value off by one ulp
        Map<String, double[]> tensors = new LinkedHashMap<>();
        tensors.put("emb", a);
        tensors.put("head", a.clone());
        tensors.put("head2", other);
        Path file = tmp.resolve("tied.safetensors").toAbsolutePath();
        writeF64(file, tensors, new long[] {64, 64});
        Path policy = policy("tied.yaml", "  - match: \"head*\"", "    tied_to: \"emb\"", "  - match: \"*\"",
                "    scheme: \"uniform(min=-0.031,max=0.031)\"");
        String[] options = {"--policy", policy.toString(), "--format", "json"};
        SparkAuditTest.Run local = SparkAuditTest.local(SparkAuditTest.with(new String[] {"audit", file.toString()},
                options));
        assertThat(local.out()).contains("equals emb bit for bit").contains("differs from emb");

        RecordingFileSystem.READS.clear();
        long before = WholeTensorJob.EXAMINED.get();
        SparkAuditTest.Run spark = SparkAuditTest.spark(SparkAuditTest.with(new String[] {"audit",
            HadoopCheckpointTest.uri(file)}, options));
        assertThat(spark.err()).doesNotContain("initcheck-spark:");
        assertThat(spark.out()).isEqualTo(local.out().replace(file.toString(), HadoopCheckpointTest.uri(file)));
        assertThat(spark.code()).isEqualTo(local.code()).isEqualTo(1);
        // emb examined whole, then emb, head and head2 hashed: four tensors in tasks
        assertThat(WholeTensorJob.EXAMINED.get() - before).isEqualTo(4);
        long head = 8 + HadoopCheckpointTest.headerLength(file);
        assertThat(HadoopCheckpointTest.reads(file.toString(), false)).as("the driver read the header only")
                .allSatisfy(r -> assertThat(r[1]).isLessThanOrEqualTo(head));
        assertThat(HadoopCheckpointTest.length(HadoopCheckpointTest.reads(file.toString(), true)))
                .as("bytes executor tasks read: the header and all three tensors").isEqualTo(Files.size(file));
    }

    @Test
    void aReadFailingInATaskFailsTheAuditInOneLineNamingTheFileAndTheTensor() throws Exception {
        Map<String, double[]> tensors = new LinkedHashMap<>();
        tensors.put("w", new double[] {0.5, -0.25, 0.125, 0.75});
        Path file = tmp.resolve("failing.safetensors").toAbsolutePath();
        writeF64(file, tensors, new long[] {2, 2});
        Path policy = policy("failing.yaml", "  - match: \"*\"", "    scheme: \"uniform(min=-1,max=1)\"");
        Path out = tmp.resolve("failing.json");
        RecordingFileSystem.FAIL_FROM.put(file.toString(), 8 + HadoopCheckpointTest.headerLength(file));
        AtomicInteger failedTasks = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() instanceof ExceptionFailure) {
                    failedTasks.incrementAndGet();
                }
            }
        };
        SharedSpark.get().sc().addSparkListener(listener);
        try {
            SparkAuditTest.Run r = SparkAuditTest.spark("audit", HadoopCheckpointTest.uri(file), "--policy",
                    policy.toString(), "--format", "json", "--output", out.toString());
            SharedSpark.get().sc().listenerBus().waitUntilEmpty();
            assertThat(failedTasks.get()).as("tasks failed (a read failure is Spark's to retry)").isPositive();
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(out).doesNotExist();
            assertThat(r.err().lines().filter(l -> l.startsWith("initcheck-spark:")).toList()).singleElement()
                    .asString().startsWith("initcheck-spark: " + HadoopCheckpointTest.uri(file) + ": tensor 'w': ")
                    .contains("failed");
        } finally {
            RecordingFileSystem.FAIL_FROM.clear();
            SharedSpark.get().sc().removeSparkListener(listener);
        }
    }

    @Test
    void aProblemOfTheDataFoundInATaskIsRaisedOnTheDriverAsTheLocalAuditRaisesIt() throws Exception {
        Map<String, double[]> tensors = new LinkedHashMap<>();
        tensors.put("w", new double[] {0.5, -0.25, 0.125, 0.75});
        Path file = tmp.resolve("renamed.safetensors").toAbsolutePath();
        writeF64(file, tensors, new long[] {2, 2});
        // a tensor the file no longer holds by that name (the file replaced after the driver listed it)
        WholeTask task = new WholeTask(WholeTask.Kind.EXAMINE, 7, file.toString(), "v", new long[] {2, 2}, DType.F64,
                false, null, AlphaShare.of(1e-6), TensorCheck.KsMode.AUTO, 32);
        String expected = catchThrowable(() -> dev.initcheck.io.TensorFiles.open(file, "v")).getMessage();
        List<WholeResult> results = new WholeTensorJob(0, 0).run(SharedSpark.get(), List.of(task));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(7);
            assertThat(r.failure()).isEqualTo(WholeResult.Failure.FORMAT);
            assertThat(r.message()).isEqualTo(expected).startsWith(file.toString()).contains("'v'");
            assertThat(catchThrowable(r::rethrow)).isInstanceOf(TensorFormatException.class).hasMessage(expected);
        });
    }

    @Test
    void batchesHoldEveryTensorOnceLargeOnesAloneSmallOnesSpreadOverTheSlots() {
        List<WholeTask> tasks = new ArrayList<>();
        long[] bytes = {64 << 20, 8 << 20, 3 << 20, 3 << 20, 1 << 20, 4096, 4096, 4096, 512, 512, 512, 512, 64};
        for (int i = 0; i < bytes.length; i++) {
            tasks.add(new WholeTask(WholeTask.Kind.EXAMINE, i, "/m.safetensors", "t" + i, new long[] {bytes[i] / 4},
                    DType.F32, false, null, AlphaShare.of(1e-6), TensorCheck.KsMode.AUTO, bytes[i]));
        }
        for (long seed : new long[] {0, 1, 2}) {
            for (int slots : new int[] {1, 2, 4, 64}) {
                List<List<WholeTask>> batches = new WholeTensorJob(slots, seed).batches(tasks, slots);
                Set<Integer> seen = new HashSet<>();
                batches.forEach(b -> b.forEach(t -> assertThat(seen.add(t.id())).as("tensor %d once", t.id())
                        .isTrue()));
                assertThat(seen).hasSize(tasks.size());
                assertThat(batches).noneMatch(List::isEmpty);
                for (List<WholeTask> b : batches) {
                    if (b.stream().anyMatch(t -> t.bytes() >= WholeTensorJob.OWN_TASK_BYTES)) {
                        assertThat(b).as("a tensor of 8 MiB or more has a task of its own").hasSize(1);
                    }
                }
                long smallBytes = Arrays.stream(bytes).filter(b -> b < WholeTensorJob.OWN_TASK_BYTES).sum();
                int small = (int) Arrays.stream(bytes).filter(b -> b < WholeTensorJob.OWN_TASK_BYTES).count();
                assertThat(batches).as("tasks with %d slots", slots).hasSize(2 + Math.min(small, (int) Math.max(
                        slots, (smallBytes + WholeTensorJob.OWN_TASK_BYTES - 1) / WholeTensorJob.OWN_TASK_BYTES)));
                assertThat(new WholeTensorJob(slots, seed).batches(tasks, slots)).as("deterministic")
                        .isEqualTo(batches);
            }
        }
    }
}
