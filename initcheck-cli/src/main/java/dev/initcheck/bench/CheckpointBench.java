package dev.initcheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.audit.TensorStatus;
import dev.initcheck.bench.SyntheticCheckpoint.StorageType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The checkpoint benchmark: {@code initcheck audit} of the {@link SyntheticCheckpoint} in f32 and bf16, each run in a
 * fresh JVM with {@value #HEAP} (start-up included), beside the floor any tool pays (reading the file once, starting
 * the JVM) and a scipy loop (kstest per tensor) over the same file. Every row is timed with the page cache hot.
 */
public final class CheckpointBench {
    static final String HEAP = "-Xmx512m";
    /** Read-floor buffer: 8 MiB. */
    static final int READ_BUFFER = 8 << 20;

    /** The scipy loop's timings and what it did (last loop). */
    public record ScipyLoop(Timing timing, int tensors, int kstests, int ones, int rejected, double minPvalue) {
    }

    /**
     * One dtype.
     *
     * @param scipy        the scipy loop, or null
     * @param scipyMissing why there is no scipy loop ({@code not found}, or the failure), when scipy is null
     */
    public record Row(StorageType dtype, Path file, long bytes, String auditCommand, Timing audit, String verdict,
                      boolean passed, Timing readFloor, String scipyCommand, ScipyLoop scipy, String scipyMissing) {
    }

    /** The whole checkpoint section. */
    public record Result(SyntheticCheckpoint.Spec spec, long seed, Path policy, String loadAverage,
                         String jvmCommand, Timing jvmStart, List<Row> rows) {
    }

    private CheckpointBench() {
    }

    static Result run(Benchmark.Config c, Optional<ScipyRunner> scipy, Consumer<String> progress) throws IOException {
        SyntheticCheckpoint.Spec spec = SyntheticCheckpoint.Spec.gpt2(c.checkpointLayers(), c.checkpointWidth());
        long seed = c.seed();
        SyntheticCheckpoint.Written w = SyntheticCheckpoint.write(spec, seed, c.workDir(),
                Runtime.getRuntime().availableProcessors(), progress);
        String load = Files.isReadable(Path.of("/proc/loadavg"))
                ? String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+"))
                        .subList(0, 3)) : "unknown";
        progress.accept("JVM start-up (" + c.repeats() + " runs)");
        Timing jvm = Timing.of("JVM start", 1, c.repeats(), () -> Processes.runOk(Processes.initcheck(HEAP,
                "--version")));
        List<String> scipyRules = spec.rules().stream().map(r -> r[0] + "=" + r[2]).toList();
        List<Row> rows = new ArrayList<>();
        for (StorageType t : StorageType.values()) {
            Path file = w.file(t);
            progress.accept(t.id() + ": read floor");
            ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);
            Timing read = Timing.of("read floor", 1, c.repeats(), () -> readAll(file, buffer));
            List<String> audit = Processes.initcheck(HEAP, "audit", file.toString(), "--policy",
                    w.policy().toString(), "--format", "json");
            Set<String> verdicts = new LinkedHashSet<>();
            boolean[] passed = {true};
            Path out = c.workDir().resolve("audit-" + t.id() + ".out");
            Path err = c.workDir().resolve("audit-" + t.id() + ".err");
            Timing auditTiming = Timing.of("audit", 1, c.repeats(), () -> {
                progress.accept(t.id() + ": audit in a new JVM");
                Processes.Outcome o = Processes.run(audit, out, err);
                String v = verdict(o, out);
                verdicts.add(v);
                passed[0] &= o.exit() == 0 && v.startsWith("PASS");
            });
            String verdict = verdicts.size() == 1 ? verdicts.iterator().next()
                    : "runs disagree: " + String.join(" / ", verdicts);
            ScipyLoop loop = null;
            String missing = "not found";
            String scipyCommand = null;
            if (scipy.isPresent()) {
                scipyCommand = String.join(" ", quoted(scipy.get().checkpointCommand(file, scipyRules,
                        c.repeats())));
                progress.accept(t.id() + ": scipy loop (" + c.repeats() + " runs after a warm-up read)");
                try {
                    loop = scipyLoop(scipy.get().checkpoint(file, scipyRules, c.repeats()));
                } catch (IOException e) {
                    missing = "failed: " + e.getMessage();
                }
            }
            rows.add(new Row(t, file, Files.size(file), display(audit), auditTiming, verdict, passed[0], read,
                    scipyCommand, loop, missing));
        }
        return new Result(spec, seed, w.policy(), load, Processes.initcheckDisplay(HEAP) + " --version", jvm, rows);
    }

    /** {@link #verdict(Processes.Outcome, String)} of the audit's JSON report in {@code out}. */
    static String verdict(Processes.Outcome o, Path out) {
        String json;
        try {
            json = o.exit() <= 1 ? Files.readString(out) : "";
        } catch (IOException e) {
            json = "";
        }
        return verdict(o, json);
    }

    /**
     * {@code PASS: 145 pass, 0 fail, ...} from the audit's JSON report ({@code verdict} and {@code counts}, as
     * docs/report-schema.md describes them), or what went wrong.
     */
    static String verdict(Processes.Outcome o, String json) {
        if (o.exit() <= 1) {
            try {
                JsonNode r = new ObjectMapper().readTree(json);
                JsonNode counts = r == null ? null : r.get("counts");
                if (counts != null && r.hasNonNull("verdict")) {
                    return r.get("verdict").asText().toUpperCase(Locale.ROOT) + ": " + Stream.of(TensorStatus.values())
                            .map(s -> counts.path(s.id()).asLong() + " " + s.id())
                            .collect(Collectors.joining(", "));
                }
            } catch (IOException e) {
                // not the audit's report: reported below
            }
        }
        return "ERROR (exit " + o.exit() + "): " + (o.lastErr().isEmpty() ? o.lastOut() : o.lastErr());
    }

    /** Reads the whole file once through a FileChannel into {@code buffer}: the cost of {@code cat FILE >/dev/null}. */
    static long readAll(Path file, ByteBuffer buffer) {
        long total = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = ch.read(buffer.clear())) >= 0) {
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    private static ScipyLoop scipyLoop(JsonNode j) {
        double[] s = new double[j.get("seconds").size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = j.get("seconds").get(i).asDouble();
        }
        return new ScipyLoop(new Timing("scipy loop", s), j.get("tensors").asInt(), j.get("kstests").asInt(),
                j.get("ones").asInt(), j.get("rejected").asInt(),
                j.get("min_pvalue").isNull() ? Double.NaN : j.get("min_pvalue").asDouble());
    }

    /** The audit command as the report prints it: {@code java -Xmx512m -jar target/initcheck.jar audit ...}. */
    private static String display(List<String> cmd) {
        int i = cmd.indexOf("audit");
        return Processes.initcheckDisplay(HEAP) + " " + String.join(" ", quoted(cmd.subList(i, cmd.size())));
    }

    private static List<String> quoted(List<String> args) {
        return args.stream().map(a -> a.matches("[A-Za-z0-9_./:=+-]+") ? a : "'" + a + "'")
                .collect(Collectors.toList());
    }
}
