package dev.initcheck.bench;

import dev.initcheck.random.SeededRandom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** bench.md: machine, JDK, n, each median and ratio, the checkpoint section, and the command that reproduces them. */
public final class BenchReport {
    private BenchReport() {
    }

    public static String markdown(Benchmark.Result r, String command) {
        StringBuilder b = new StringBuilder("# initcheck benchmark\n\n");
        b.append("Reproduce: `mvn -q -DskipTests package && ").append(command).append("`\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| date | ").append(Instant.now().toString(), 0, 10).append(" |\n");
        b.append("| machine | ").append(machine()).append(" |\n");
        b.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append(" |\n");
        b.append("| JDK | ").append(jdk()).append(" |\n");
        b.append("| scipy | ").append(r.scipyVersion() != null ? r.scipyVersion() + " (" + r.python() + ")" : "not found")
                .append(" |\n");
        b.append("| repeats | ").append(r.config().repeats()).append(" timed runs per tool after warm-up (Hipparchus: ")
                .append(Math.min(3, r.config().repeats())).append("); medians in seconds |\n\n");
        b.append("What is timed on the same in-memory float64 samples:\n");
        b.append("- **initcheck streaming**: bin edges for the law (2^16 bins) + one parallel pass (moments and binned KS)"
                + " + every check of the family (finite, support, endpoint, ks, second_moment, mean, tail, lag1); D is the"
                + " lower bound D_lo (D_lo <= D <= D_lo + 1/65536).\n");
        b.append("- **initcheck exact**: sorted copy, exact D, and every check including duplicate rows/columns.\n");
        b.append("- **Hipparchus**: `KolmogorovSmirnovTest.kolmogorovSmirnovTest(distribution, data, false)` (KS only).\n");
        b.append("- **scipy**: `scipy.stats.kstest(x, law.cdf)` (KS only), timed inside Python on the same values read "
                + "from a .npy file.\n\n");
        b.append("| n | law | initcheck streaming | initcheck exact | Hipparchus KS | scipy kstest | scipy / streaming | "
                + "scipy / exact | D exact | D_lo streaming | D scipy |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Benchmark.Row row : r.rows()) {
            double scipy = row.scipy() != null ? row.scipy().median() : Double.NaN;
            b.append(String.format(Locale.ROOT, "| %,d | %s `%s` | %.4f | %.4f | %.3f | %s | %s | %s | %.6g | %.6g | %s |%n",
                    row.n(), row.family(), row.scheme(), row.streaming().median(), row.exact().median(),
                    row.hipparchus().median(), fmt(scipy, "%.3f"), fmt(scipy / row.streaming().median(), "%.1f×"),
                    fmt(scipy / row.exact().median(), "%.1f×"), row.dExact(), row.dStreaming(),
                    fmt(row.dScipy(), "%.6g")));
        }
        if (r.endToEnd() != null) {
            long n = r.config().endToEndElements();
            b.append(String.format(Locale.ROOT, "%n**End to end**: `%s` on %,d float32 values (%.0f MB .npy), "
                            + "a fresh JVM per run, start-up included: median %.2f s (min %.2f, max %.2f, %d runs).%n",
                    EndToEnd.commandLine(n), n, n * 4 / 1e6, r.endToEnd().median(), r.endToEnd().min(),
                    r.endToEnd().max(), r.endToEnd().seconds().length));
        }
        if (r.checkpoint() != null) {
            checkpoint(b, r, r.checkpoint());
        }
        return b.toString();
    }

    /** The Checkpoint section: the model, the commands, and one table per dtype. */
    static void checkpoint(StringBuilder b, Benchmark.Result r, CheckpointBench.Result c) {
        SyntheticCheckpoint.Spec s = c.spec();
        long d = s.width();
        b.append("\n## Checkpoint\n\n");
        b.append(String.format(Locale.ROOT, "`initcheck audit` of a freshly initialized GPT-2-shaped checkpoint "
                        + "written by `initcheck bench` (%s seed %d): **%d tensors, %,d values**: `wte.weight` [%d, %d],"
                        + " then for each of %d layers i `h.i.attn.c_attn.weight` [%d, %d], `h.i.attn.c_attn.bias` [%d],"
                        + " `h.i.attn.c_proj.weight` [%d, %d], `h.i.mlp.c_fc.weight` [%d, %d], `h.i.mlp.c_fc.bias` [%d],"
                        + " `h.i.mlp.c_proj.weight` [%d, %d]. Weights N(0, %s) and biases U(±%s), drawn in float32 by "
                        + "the reference samplers; the bf16 file holds the same draws rounded to nearest even. ",
                SeededRandom.DEFAULT_SOURCE.name(), c.seed(), s.tensorCount(), s.values(), s.vocab(), d, s.layers(),
                3 * d, d, 3 * d, d, d, 4 * d, d, 4 * d, d, 4 * d, SyntheticCheckpoint.num(SyntheticCheckpoint.STDDEV),
                SyntheticCheckpoint.num(s.biasLimit())));
        b.append("Bytes per file: ").append(c.rows().stream().map(row -> String.format(Locale.ROOT, "%s %,d",
                row.dtype().id(), row.bytes())).collect(Collectors.joining(", "))).append(". Policy `")
                .append(c.policy()).append("`: ").append(s.rules().stream().map(x -> "`" + x[0] + "` → `" + x[1] + "`")
                        .collect(Collectors.joining(", "))).append(" (first match wins; this model has no `ln_f`). "
                        + "Written, or reused when the files have the expected size and a `.seed` sidecar of the same "
                        + "seed and shape, by `initcheck bench` into its `--work` directory.\n\n");
        b.append("Machine: ").append(machine()).append("; JDK ").append(jdk()).append("; scipy ")
                .append(r.scipyVersion() != null ? r.scipyVersion() + " (" + r.python() + ")" : "not found")
                .append("; load average before the runs: ").append(c.loadAverage()).append(".\n\n");
        int repeats = c.jvmStart().seconds().length;
        b.append("Each row: the median (min, max) of ").append(repeats).append(" timed runs after one untimed run, "
                + "page cache hot; seconds.\n");
        b.append("- **initcheck audit**: `").append(CheckpointBench.HEAP).append("`, a fresh JVM per run, timed from "
                + "process start to exit (command under each dtype).\n");
        b.append("- **read floor**: the whole file read once through a `FileChannel` into an 8 MiB direct buffer, in "
                + "the bench's JVM (what `cat FILE > /dev/null` costs).\n");
        b.append("- **JVM start**: `").append(c.jvmCommand()).append("`.\n");
        b.append("- **scipy loop**: open the file, parse its header, memory-map it, and `scipy.stats.kstest(x, law.cdf)`"
                + " per tensor against its policy law (bf16: uint16 << 16 viewed as float32; `ones`: `np.all(x == 1)`),"
                + " timed inside Python after a warm-up read of the file (command under each dtype; the script is "
                + "written into the work directory).\n");
        b.append("- Ratios are of medians.\n");
        for (CheckpointBench.Row row : c.rows()) {
            b.append(String.format(Locale.ROOT, "%n### %s: `%s` (%,d bytes)%n%n", row.dtype().id(), row.file(),
                    row.bytes()));
            b.append("```\n").append(row.auditCommand()).append('\n');
            if (row.scipyCommand() != null) {
                b.append(row.scipyCommand()).append('\n');
            }
            b.append("```\n\n| | median | min | max |\n|---|---|---|---|\n");
            timing(b, "initcheck audit (" + CheckpointBench.HEAP + ", JVM start included)", row.audit());
            timing(b, "read floor", row.readFloor());
            timing(b, "JVM start", c.jvmStart());
            if (row.scipy() != null) {
                timing(b, "scipy loop", row.scipy().timing());
            } else {
                b.append("| scipy loop | ").append(row.scipyMissing()).append(" | | |\n");
            }
            double audit = row.audit().median();
            double scipy = row.scipy() != null ? row.scipy().timing().median() : Double.NaN;
            b.append("| **scipy / initcheck** | ").append(fmt(scipy / audit, "%.1f×")).append(" | | |\n");
            b.append("| **initcheck / (read floor + JVM start)** | ")
                    .append(fmt(audit / (row.readFloor().median() + c.jvmStart().median()), "%.1f×")).append(" | | |\n");
            b.append("| audit verdict | ").append(row.passed() ? row.verdict()
                    : "**NOT PASS: " + row.verdict() + "**").append(" | | |\n");
            if (!row.passed()) {
                b.append("\n**WARNING: the audit of this honest checkpoint did not pass; its timings are of a "
                        + "non-passing run.**\n");
            }
            if (row.scipy() != null) {
                CheckpointBench.ScipyLoop l = row.scipy();
                b.append(String.format(Locale.ROOT, "%nscipy loop: %d tensors, %d kstests, %d `ones` checks; p < "
                                + "1e-6/%d on %d tensors (smallest p %s).%n", l.tensors(), l.kstests(), l.ones(),
                        l.kstests() + l.ones(), l.rejected(), fmt(l.minPvalue(), "%.3g")));
            }
        }
    }

    private static void timing(StringBuilder b, String what, Timing t) {
        b.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", what, t.median(), t.min(), t.max()));
    }

    private static String machine() {
        return cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory();
    }

    private static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    private static String fmt(double v, String f) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, f, v) : "–";
    }

    private static String cpu() {
        return read("/proc/cpuinfo").flatMap(s -> s.lines().filter(l -> l.startsWith("model name")).findFirst())
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
    }

    private static String memory() {
        return read("/proc/meminfo").flatMap(s -> s.lines().filter(l -> l.startsWith("MemTotal")).findFirst())
                .map(l -> String.format(Locale.ROOT, "%.0f GiB",
                        Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("memory unknown");
    }

    private static Optional<String> read(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
