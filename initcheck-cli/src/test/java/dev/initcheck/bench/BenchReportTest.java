package dev.initcheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.bench.SyntheticCheckpoint.StorageType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final String AUDIT = "java -Xmx512m -jar target/initcheck.jar audit "
            + "target/bench/gpt2-24x1024-f32.safetensors --policy target/bench/gpt2-24x1024-policy.yaml";
    private static final String SCIPY = "/usr/bin/python3 target/bench/scipy_checkpoint.py "
            + "target/bench/gpt2-24x1024-f32.safetensors 3 --rule '*.bias=uniform:0.03125' --rule ln_f.weight=ones "
            + "--rule '*=normal:0.02'";

    @Test
    void theCheckpointSectionHasTheModelTheCommandsAndOneTablePerDtype() {
        String md = BenchReport.markdown(result(), "java -jar target/initcheck.jar bench --repeats 3");
        assertThat(md).contains("## Checkpoint", "**145 tensors, 334,929,920 values**", "`wte.weight` [32000, 1024]",
                "`h.i.mlp.c_proj.weight` [1024, 4096]", "Weights N(0, 0.02) and biases U(±0.03125)",
                "XO_RO_SHI_RO_128_PP seed 42", "f32 1,339,733,632, bf16 669,873,840",
                "`*.bias` → `uniform(limit=0.03125)`, `ln_f.weight` → `ones`, `*` → `normal(stddev=0.02)`",
                "load average before the runs: 0.10 0.20 0.30", "median (min, max) of 3 timed runs",
                "- **JVM start**: `java -Xmx512m -jar target/initcheck.jar --version`.");
        String f32 = md.substring(md.indexOf("### f32"), md.indexOf("### bf16"));
        assertThat(f32).contains("```\n" + AUDIT + "\n" + SCIPY + "\n```",
                "| initcheck audit (-Xmx512m, JVM start included) | 20.000 | 19.000 | 22.000 |",
                "| read floor | 0.500 | 0.400 | 0.600 |", "| JVM start | 0.300 | 0.250 | 0.350 |",
                "| scipy loop | 60.000 | 58.000 | 61.000 |", "| **scipy / initcheck** | 3.0× | | |",
                "| **initcheck / (read floor + JVM start)** | 25.0× | | |",
                "| audit verdict | PASS: 145 pass, 0 fail, 0 inconclusive, 0 undeclared, 0 skipped | | |",
                "scipy loop: 145 tensors, 145 kstests, 0 `ones` checks; p < 1e-6/145 on 0 tensors (smallest p 0.0123)")
                .doesNotContain("WARNING", "NOT PASS");
        String bf16 = md.substring(md.indexOf("### bf16"));
        assertThat(bf16).contains("| scipy loop | not found | | |", "| **scipy / initcheck** | – | | |",
                "| **initcheck / (read floor + JVM start)** | 20.0× | | |",
                "| audit verdict | **NOT PASS: FAIL: 144 pass, 1 fail, 0 inconclusive, 0 undeclared, 0 skipped** | | |",
                "**WARNING: the audit of this honest checkpoint did not pass");
    }

    @Test
    void withoutTheCheckpointTheSectionIsLeftOut() {
        Benchmark.Result r = result();
        String md = BenchReport.markdown(new Benchmark.Result(r.config(), r.rows(), null, null, null, null), "bench");
        assertThat(md).doesNotContain("## Checkpoint").contains("| scipy | not found |");
    }

    @Test
    void theVerdictIsReadFromTheAuditsJsonReportOrSaysWhatWentWrong() {
        String pass = "{\"path\": \"m.safetensors\", \"verdict\": \"pass\", \"alpha\": 1e-6, \"counts\": {\"pass\": 145,"
                + " \"fail\": 0, \"inconclusive\": 0, \"undeclared\": 0, \"skipped\": 0}, \"tensors\": []}";
        assertThat(CheckpointBench.verdict(new Processes.Outcome(0, "}", ""), pass))
                .isEqualTo("PASS: 145 pass, 0 fail, 0 inconclusive, 0 undeclared, 0 skipped");
        String fail = "{\"verdict\": \"fail\", \"counts\": {\"pass\": 1, \"fail\": 1, \"inconclusive\": 2,"
                + " \"undeclared\": 3, \"skipped\": 4}}";
        assertThat(CheckpointBench.verdict(new Processes.Outcome(1, "}", ""), fail))
                .isEqualTo("FAIL: 1 pass, 1 fail, 2 inconclusive, 3 undeclared, 4 skipped");
        assertThat(CheckpointBench.verdict(new Processes.Outcome(2, "", "initcheck: cannot read m: no such file"), ""))
                .isEqualTo("ERROR (exit 2): initcheck: cannot read m: no such file");
        assertThat(CheckpointBench.verdict(new Processes.Outcome(0, "audit m: PASS", ""), "audit m: PASS"))
                .isEqualTo("ERROR (exit 0): audit m: PASS");
    }

    private static Benchmark.Result result() {
        Benchmark.Config c = new Benchmark.Config(List.of(1_000_000L), List.of("uniform"), 3, 42,
                List.of("/usr/bin/python3"), 0, Path.of("target/bench"), 24, 1024);
        SyntheticCheckpoint.Spec spec = SyntheticCheckpoint.Spec.gpt2(24, 1024);
        Timing jvm = new Timing("JVM start", new double[] {0.3, 0.25, 0.35});
        CheckpointBench.Row f32 = new CheckpointBench.Row(StorageType.F32,
                Path.of("target/bench/gpt2-24x1024-f32.safetensors"), spec.fileBytes(StorageType.F32, 42), AUDIT,
                new Timing("audit", new double[] {22, 19, 20}),
                "PASS: 145 pass, 0 fail, 0 inconclusive, 0 undeclared, 0 skipped", true,
                new Timing("read", new double[] {0.4, 0.5, 0.6}), SCIPY,
                new CheckpointBench.ScipyLoop(new Timing("scipy", new double[] {58, 61, 60}), 145, 145, 0, 0, 0.0123),
                null);
        CheckpointBench.Row bf16 = new CheckpointBench.Row(StorageType.BF16,
                Path.of("target/bench/gpt2-24x1024-bf16.safetensors"), spec.fileBytes(StorageType.BF16, 42),
                AUDIT.replace("f32", "bf16"), new Timing("audit", new double[] {10, 10, 10}),
                "FAIL: 144 pass, 1 fail, 0 inconclusive, 0 undeclared, 0 skipped", false,
                new Timing("read", new double[] {0.2, 0.2, 0.2}), null, null, "not found");
        CheckpointBench.Result cp = new CheckpointBench.Result(spec, 42, Path.of("target/bench/gpt2-24x1024-policy.yaml"),
                "0.10 0.20 0.30", "java -Xmx512m -jar target/initcheck.jar --version", jvm, List.of(f32, bf16));
        return new Benchmark.Result(c, List.of(), null, "1.10.1", "/usr/bin/python3", cp);
    }
}
