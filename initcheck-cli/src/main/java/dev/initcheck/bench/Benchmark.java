package dev.initcheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.Conformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.io.NpyWriter;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.StreamingEngine;
import dev.initcheck.summary.StreamingSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hipparchus.distribution.RealDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.UniformRealDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;

/**
 * Times, on the same samples in one run: initcheck's full set of checks on the streaming path and on the exact
 * (sorted) path, Hipparchus' KolmogorovSmirnovTest, and scipy.stats.kstest when a Python with scipy is found;
 * optionally {@code initcheck check} end to end on a float32 .npy file in a JVM limited to 256 MiB of heap, and
 * {@code initcheck audit} of a GPT-2-shaped checkpoint in f32 and bf16 ({@link CheckpointBench}).
 */
public final class Benchmark {
    /**
     * What to run.
     *
     * @param checkpointLayers layers of the checkpoint benchmark's model, 0 to skip it
     * @param checkpointWidth  its width d
     */
    public record Config(List<Long> sizes, List<String> families, int repeats, long seed, List<String> pythons,
                         long endToEndElements, Path workDir, int checkpointLayers, int checkpointWidth) {
    }

    /** One (n, family) row: the timings and the statistics each tool reported. */
    public record Row(long n, String family, String scheme, Timing streaming, Timing exact, Timing hipparchus,
                      Timing scipy, double dExact, double dStreaming, double dScipy, boolean passed,
                      String scipyVersion) {
    }

    /** The whole run; endToEnd and checkpoint are null when skipped. */
    public record Result(Config config, List<Row> rows, Timing endToEnd, String scipyVersion, String python,
                         CheckpointBench.Result checkpoint) {
    }

    private Benchmark() {
    }

    public static Result run(Config c, Consumer<String> progress) throws IOException {
        Files.createDirectories(c.workDir());
        Optional<ScipyRunner> scipy = ScipyRunner.find(c.pythons(), c.workDir());
        progress.accept(scipy.map(s -> "scipy found: " + s.python()).orElse("scipy not found: its column stays empty"));
        List<Row> rows = new ArrayList<>();
        for (long n : c.sizes()) {
            for (String family : c.families()) {
                progress.accept("n = " + n + ", " + family);
                rows.add(row(c, n, family, scipy));
            }
        }
        String scipyVersion = rows.stream().map(Row::scipyVersion).filter(v -> v != null).findFirst().orElse(null);
        Timing e2e = c.endToEndElements() > 0 ? EndToEnd.run(c, progress) : null;
        CheckpointBench.Result checkpoint = c.checkpointLayers() > 0 ? CheckpointBench.run(c, scipy, progress) : null;
        if (scipyVersion == null && checkpoint != null && scipy.isPresent()) {
            scipyVersion = scipy.get().version();
        }
        return new Result(c, rows, e2e, scipyVersion, scipy.map(ScipyRunner::python).orElse(null), checkpoint);
    }

    /** uniform: he_uniform on a [n/1000, 1000] weight; normal: torch.kaiming_normal on the same shape. */
    static Expectation expectation(long n, String family) {
        String scheme = switch (family) {
            case "uniform" -> "he_uniform";
            case "normal" -> "torch.kaiming_normal";
            default -> throw new IllegalArgumentException("unknown family '" + family + "' (valid: uniform, normal)");
        };
        if (n % 1000 != 0) {
            throw new IllegalArgumentException("sizes must be multiples of 1000, got " + n);
        }
        return Scheme.parse(scheme).resolve(Shape.of(n / 1000, 1000), Layout.PYTORCH);
    }

    private static Row row(Config c, long n, String family, Optional<ScipyRunner> scipy) throws IOException {
        Expectation e = expectation(n, family);
        double[] x = ReferenceInitializer.sample(e, SeededRandom.of(c.seed()).derive(family + n).create());
        Distribution law = e.distribution();
        int threads = StreamingEngine.defaultThreads();
        Verdict[] last = new Verdict[2];
        Timing streaming = Timing.of("initcheck streaming", 2, c.repeats(), () -> {
            StreamingSummary s = StreamingEngine.summarize(x, BinEdges.of(law, StreamingSummary.DEFAULT_BINS), threads);
            last[0] = Conformance.check(s.moments(), s, e, Precision.FLOAT64, AlphaShare.of(1e-6));
        });
        Timing exact = Timing.of("initcheck exact", 1, c.repeats(), () ->
                last[1] = Conformance.check(x, e, Precision.FLOAT64, 1e-6));
        RealDistribution h = family.equals("uniform")
                ? new UniformRealDistribution(law.lowerBound(), law.upperBound())
                : new NormalDistribution(0, law.standardDeviation());
        Timing hipparchus = Timing.of("Hipparchus KS", 1, Math.min(3, c.repeats()), () ->
                new KolmogorovSmirnovTest().kolmogorovSmirnovTest(h, x, false));
        Timing sc = null;
        double dScipy = Double.NaN;
        String version = null;
        if (scipy.isPresent()) {
            Path f = c.workDir().resolve("samples-" + family + "-" + n + ".npy");
            NpyWriter.writeFloat64(f, new long[] {x.length}, x);
            double param = family.equals("uniform") ? law.upperBound() : law.standardDeviation();
            JsonNode j = scipy.get().kstest(f, family, param, c.repeats());
            double[] s = new double[j.get("seconds").size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = j.get("seconds").get(i).asDouble();
            }
            sc = new Timing("scipy kstest", s);
            dScipy = j.get("statistic").asDouble();
            version = j.get("scipy").asText();
            Files.deleteIfExists(f);
        }
        double dExact = ks(last[1]);
        double dStreaming = ks(last[0]);
        return new Row(n, family, e.scheme().toString(), streaming, exact, hipparchus, sc, dExact, dStreaming, dScipy,
                last[0].passed() && last[1].passed(), version);
    }

    private static double ks(Verdict v) {
        return v.check(dev.initcheck.check.CheckName.KS).map(r -> r.statistic()).orElse(Double.NaN);
    }
}
