package dev.initcheck.bench;

import dev.initcheck.io.NpyWriter;
import dev.initcheck.random.SeededRandom;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * {@code initcheck check} on a float32 .npy of U(±sqrt(6/1000)) values (he_uniform for [n/1000, 1000]), each run in a
 * fresh JVM with {@code -Xmx256m}, timed from process start to exit (JVM start-up included).
 */
final class EndToEnd {
    static final String HEAP = "-Xmx256m";

    private EndToEnd() {
    }

    static Timing run(Benchmark.Config c, Consumer<String> progress) throws IOException {
        long n = c.endToEndElements();
        Path file = c.workDir().resolve("e2e-" + n + ".npy");
        progress.accept("writing " + n + " float32 values to " + file);
        write(file, n, SeededRandom.of(c.seed()).derive("e2e").create());
        List<String> cmd = Processes.initcheck(HEAP, "check", file.toString(), "--scheme", "he_uniform");
        try {
            return Timing.of("check end to end (" + HEAP + ")", 1, Math.max(3, c.repeats()), () -> {
                progress.accept("check " + file.getFileName() + " in a new JVM");
                Processes.runOk(cmd);
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The command line of the end-to-end run, as the report prints it. */
    static String commandLine(long n) {
        return "java " + HEAP + " -jar target/initcheck.jar check e2e-" + n + ".npy --scheme he_uniform";
    }

    private static void write(Path file, long n, UniformRandomProvider rng) throws IOException {
        long rows = n / 1000;
        double bound = Math.sqrt(6.0 / 1000);
        byte[] header = NpyWriter.header("<f4", new long[] {rows, 1000});
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header);
            ByteBuffer b = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < n; i++) {
                if (!b.hasRemaining()) {
                    out.write(b.array());
                    b.clear();
                }
                b.putFloat((float) (bound * (2 * rng.nextDouble() - 1)));
            }
            out.write(b.array(), 0, b.position());
        }
    }
}
