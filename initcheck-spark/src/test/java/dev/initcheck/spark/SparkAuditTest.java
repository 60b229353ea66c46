package dev.initcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.bench.SyntheticCheckpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed audit against the local one on local[2]: the same JSON, character for character (every
 * statistic to the last digit, every verdict), on the audit fixtures (in the three KS modes, declared and
 * undeclared, the tensors read whole dealt to 1 to 64 tasks) and on a synthetic checkpoint whose tensors are split
 * into many ranges dealt to 1, 7 and 64 partitions in shuffled orders. Deterministic: no statistical assertion of its
 * own (the verdicts compared are the local audit's, tested in initcheck-cli). The context is {@link SharedSpark}'s.
 */
class SparkAuditTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/audit");
    private static JavaSparkContext sc;

    @TempDir
    static Path tmp;
    private static SyntheticCheckpoint.Written synthetic;

    @BeforeAll
    static void start() throws Exception {
        sc = SharedSpark.get();
        // 2 layers of width 256, vocabulary 1024: 14 tensors of up to 2^18 values, 2 to 4 ranges of 2^16 each
        synthetic = SyntheticCheckpoint.write(new SyntheticCheckpoint.Spec(2, 256, 1024), 20251130L, tmp, 2, s -> {
        });
    }

    record Run(int code, String out, String err) {
    }

    static Run local(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = dev.initcheck.cli.Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static void sameAsLocal(String[] audit, String... sparkOptions) {
        Run expected = local(audit);
        long before = DistributedSummaries.SUMMARISED.get();
        long wholeBefore = WholeTensorJob.EXAMINED.get();
        Run actual = spark(with(audit, sparkOptions));
        assertThat(expected.err()).as("local audit error").doesNotContain("initcheck:");
        assertThat(actual.err()).as("spark audit error").doesNotContain("initcheck-spark:");
        assertThat(actual.out()).as("JSON of %s with %s", String.join(" ", audit), String.join(" ", sparkOptions))
                .isEqualTo(expected.out());
        assertThat(actual.code()).isEqualTo(expected.code());
        if (actual.out().contains("\"path\" : \"streaming") && !audit[1].contains("-bin")) {
            assertThat(DistributedSummaries.SUMMARISED.get()).as("streamed tensors were summarised by Spark")
                    .isGreaterThan(before);
        }
        if (actual.out().contains("\"path\" : \"exact\"")) {
            assertThat(WholeTensorJob.EXAMINED.get()).as("tensors read whole were examined in Spark tasks")
                    .isGreaterThan(wholeBefore);
        }
    }

    /** Tasks for the tensors read whole, and the order they are dealt in: one per run of the fixtures, in turn. */
    private static final String[][] DEALS = {{"--partitions", "1"}, {"--partitions", "64", "--shuffle-seed", "3"},
        {}, {"--partitions", "5", "--shuffle-seed", "11"}};

    @Test
    void fixturesGiveTheLocalAuditsJson() {
        String policy = FIXTURES.resolve("gpt2.policy.yaml").toString();
        int run = 0;
        // streaming: every i.i.d. tensor goes through ranges; exact: every tensor is read whole in a task
        for (String ks : List.of("auto", "streaming", "exact")) {
            List<String> gpt2 = switch (ks) {
                case "auto" -> List.of("gpt2-f32", "gpt2-bf16-sharded", "gpt2-buggy", "gpt2-bin");
                case "streaming" -> List.of("gpt2-f32", "gpt2-bf16-sharded", "gpt2-buggy");
                default -> List.of("gpt2-f32", "gpt2-bin");
            };
            for (String dir : gpt2) {
                sameAsLocal(new String[] {"audit", FIXTURES.resolve(dir).toString(), "--policy", policy,
                    "--format", "json", "--ks", ks}, with(DEALS[run++ % DEALS.length], "--range-chunks", "1"));
            }
            List<String> torch = ks.equals("exact") ? List.of("torch-modules-buggy.safetensors")
                    : List.of("torch-modules-f32.safetensors", "torch-modules-bf16.safetensors",
                        "torch-modules-buggy.safetensors");
            for (String f : torch) {
                sameAsLocal(new String[] {"audit", FIXTURES.resolve(f).toString(), "--preset", "torch",
                    "--format", "json", "--ks", ks}, with(DEALS[run++ % DEALS.length], "--range-chunks", "1"));
            }
        }
        // undeclared: every tensor identified in a task
        for (String path : List.of("torch-modules-buggy.safetensors", "gpt2-buggy")) {
            sameAsLocal(new String[] {"audit", FIXTURES.resolve(path).toString(), "--format", "json"},
                    with(DEALS[run++ % DEALS.length], "--range-chunks", "1"));
        }
    }

    @Test
    void partitioningAndOrderDoNotChangeTheResult() {
        for (SyntheticCheckpoint.StorageType t : SyntheticCheckpoint.StorageType.values()) {
            String[] audit = {"audit", synthetic.file(t).toString(), "--policy", synthetic.policy().toString(),
                "--format", "json"};
            String local = local(audit).out();
            assertThat(local).contains("\"path\" : \"streaming\"");
            int[][] cases = {{1, 0}, {7, 1}, {64, 2}, {7, 3}};
            for (int[] c : cases) {
                sameAsLocal(audit, "--range-chunks", "1", "--partitions", String.valueOf(c[0]), "--shuffle-seed",
                        String.valueOf(c[1]));
            }
            sameAsLocal(audit, "--range-chunks", "3", "--partitions", "5", "--shuffle-seed", "9");
        }
    }

    @Test
    void aShardThatCannotBeReadFailsTheJobNamingTheFile() throws Exception {
        Path model = Files.createDirectories(tmp.resolve("broken"));
        Path file = model.resolve("model.safetensors");
        Files.copy(synthetic.file(SyntheticCheckpoint.StorageType.BF16), file);
        TensorJob bad = new TensorJob(0, "w", file.toUri().toString(), Files.size(file) - 1024,
                dev.initcheck.io.DType.BF16, false, 1 << 17, new dev.initcheck.distribution.Normal(0, 0.02),
                dev.initcheck.distribution.Precision.BFLOAT16, 1024, 0, 0);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                new DistributedSummaries(2, 1 << 16, 0).run(sc, List.of(bad)));
        assertThat(SparkMain.rootCause(thrown).getMessage()).startsWith(file.toUri().toString())
                .contains("tensor 'w'").contains("cannot read bytes").doesNotContain("\n");

        Path out = tmp.resolve("result.json");
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), (int) Files.size(file) - 4096));
        Run r = spark("audit", model.toString(), "--policy", synthetic.policy().toString(), "--format", "json",
                "--output", out.toString(), "--range-chunks", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.startsWith("initcheck-spark:")).toList()).singleElement()
                .asString().contains(file.toString());
        assertThat(out).doesNotExist();
        assertThat(r.out()).isEmpty();
    }
}
