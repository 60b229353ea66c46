package dev.initcheck.cli;

import dev.initcheck.app.HeapGuard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.io.NpyWriter;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Huge tensors never end in an OutOfMemoryError: in a JVM with a 64 MB heap ({@value #HEAP}), a tensor whose values
 * fit in the heap once but not twice is refused up front by {@code identify} and {@code check --ks exact} (exit 2,
 * one line with the memory needed), and checked on the streaming path by {@code check} in auto mode, also below
 * the size at which auto mode streams anyway. Honest he_uniform float32 data, fixed seeds: each pass spends 1e-6.
 */
class HeapGuardTest {
    static final String HEAP = "-Xmx64m";
    /** 40 MB as doubles: one copy fits in 64 MB, two do not. */
    static final int BIG = 5_000_000;
    /** 2^22 values: auto mode would take the exact path by size, which needs 64 MiB, the whole heap. */
    static final int AT_LIMIT = 1 << 22;

    @TempDir
    static Path dir;

    static Path big;
    static Path atLimit;

    @BeforeAll
    static void tensors() throws Exception {
        big = write("big.npy", 1000, BIG / 1000);
        atLimit = write("limit.npy", 4096, AT_LIMIT / 4096);
    }

    static Path write(String name, long rows, long cols) throws Exception {
        Shape s = Shape.of(rows, cols);
        double[] w = ReferenceInitializer.of("he_uniform", Layout.PYTORCH).initialize(s, SeededRandom.of(3).create());
        Path f = dir.resolve(name);
        NpyWriter.writeFloat32(f, s.dims(), w);
        return f;
    }

    /** Runs {@code initcheck args} in a JVM with a 64 MB heap; returns exit code, stdout, stderr. */
    static CliRun child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path"), "dev.initcheck.cli.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + cmd).isTrue();
        return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static void refusedInOneLine(CliRun r, String... expected) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ").doesNotContain("OutOfMemory")
                .startsWith("initcheck: " + big + ": tensor 'big': ").contains(expected);
    }

    @Test
    void identifyIsRefusedUpFrontNamingTheMemoryItNeeds() throws Exception {
        refusedInOneLine(child("identify", big.toString()), "identify needs 120 MB of heap for 5000000 values "
                + "(the values, a sorted copy and the checks of each scheme); the JVM has ", " available: give it a "
                + "larger heap (java -Xmx1g)");
    }

    @Test
    void exactKsIsRefusedUpFrontAndPointsToStreaming() throws Exception {
        refusedInOneLine(child("check", big.toString(), "--scheme", "he_uniform", "--ks", "exact"),
                "--ks exact needs 80 MB of heap for 5000000 values (the values and a sorted copy); the JVM has ",
                "use --ks streaming or a larger heap");
    }

    @Test
    void autoModeStreamsWhatTheHeapCannotHold() throws Exception {
        for (Path f : new Path[] {big, atLimit}) {
            CliRun r = child("check", f.toString(), "--scheme", "he_uniform");
            assertThat(r.code()).as(f + ": " + r.out() + r.err()).isZero();
            assertThat(r.out()).contains(": PASS").contains("streaming"); // the KS message states the binned bounds
        }
    }

    /** audit streams every tensor: one larger than the whole heap as doubles passes in a 64 MB JVM. */
    @Test
    void anAuditOfATensorLargerThanTheHeapRuns() throws Exception {
        Path huge = write("huge-audit.npy", 10_000, 1000); // 80 MB as doubles: more than the whole heap
        Path policy = Files.writeString(dir.resolve("p.yaml"), "rules:\n  - match: \"*\"\n    scheme: he_uniform\n");
        CliRun r = child("audit", huge.toString(), "--policy", policy.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("PASS         huge-audit [10000, 1000] F32  he_uniform");
        Files.delete(huge);
    }

    /** The cross-tensor check streams the first values of each tensor instead of reading a huge one whole. */
    @Test
    void aManifestOfTensorsLargerThanTheHeapIsChecked() throws Exception {
        Path huge = write("huge.npy", 10_000, 1000); // 80 MB as doubles: more than the whole heap
        ReferenceTensors.write(dir.resolve("small.npy"), "he_uniform", Layout.PYTORCH, 4, 64, 32);
        Path m = Files.writeString(dir.resolve("m.json"), "[{\"file\": \"huge.npy\", \"scheme\": \"he_uniform\", "
                + "\"layout\": \"pytorch\"}, {\"file\": \"small.npy\", \"scheme\": \"he_uniform\", "
                + "\"layout\": \"pytorch\"}]");
        CliRun r = child("check", "--manifest", m.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("1 tensor pair checked for cross-correlation, 0 correlated");
        Files.delete(huge);
    }

    /** The peak bytes counted: every copy the exact checks make. */
    @Test
    void everyCopyIsCounted() {
        long n = 4096L * 1024;
        assertThat(HeapGuard.checkBytes(expect("he_uniform", 4096, 1024), n)).isEqualTo(16 * n);
        assertThat(HeapGuard.checkBytes(expect("zeros", 4096, 1024), n)).isEqualTo(8 * n);
        assertThat(HeapGuard.checkBytes(expect("orthogonal", 1024, 4096), n)).isEqualTo(8 * n);
        assertThat(HeapGuard.checkBytes(expect("orthogonal", 4096, 1024), n)).isEqualTo(16 * n);
        // [n/2, 2] rows: the duplicate-rows hash map outweighs the sorted copy
        assertThat(HeapGuard.checkBytes(expect("he_uniform", n / 2, 2), n))
                .isEqualTo(8 * n + HeapGuard.BYTES_PER_HASHED_LINE * (n / 2));
        assertThat(HeapGuard.identifyBytes(expect("zeros", 4096, 1024), n)).isEqualTo(24 * n);
    }

    static dev.initcheck.scheme.Expectation expect(String scheme, long... shape) {
        return Scheme.parse(scheme).resolve(Shape.of(shape), Layout.PYTORCH);
    }
}
