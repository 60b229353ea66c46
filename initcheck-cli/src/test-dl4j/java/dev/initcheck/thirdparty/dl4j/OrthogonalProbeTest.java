package dev.initcheck.thirdparty.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code WeightInit.DISTRIBUTION} with {@code OrthogonalDistribution(1.0)} on deeplearning4j-nn / nd4j-native
 * 1.0.0-M2.1, each run in a child JVM ({@link OrthogonalProbe}) with a time limit of {@link #LIMIT_SECONDS} s,
 * ten times what the small control needs here (about 3 s, JVM start and native loading included).
 *
 * <p>Observed here: {@code [16, 8]} returns a matrix with max |WᵀW - I| = 1.2e-6 (float32); {@code [512, 128]}
 * with seed 1 (and {@code [64, 64]}, {@code [128, 512]} seed 1, {@code [32, 16]} seed 2) dies with SIGSEGV in
 * {@code libnd4jcpu.so sd::NDArray::getOffset} under {@code Nd4j.exec(new Svd(...))}, called from
 * {@code OrthogonalDistribution.sample(long[])}, and the dying JVM then does not exit; {@code [512, 128]} with seed
 * 7 hangs without a crash report. Either way the layer is never initialised.
 */
class OrthogonalProbeTest {
    static final int LIMIT_SECONDS = 30;

    /** How a child run ended. */
    record Outcome(boolean completed, int exitCode, boolean crashed, String output) {
    }

    @Test
    void aSmallLayerIsOrthogonal(@TempDir Path dir) throws Exception {
        Outcome o = run(dir, 16, 8, 1);
        assertThat(o.completed()).as(o.output()).isTrue();
        assertThat(o.exitCode()).as(o.output()).isZero();
        String line = o.output().lines().filter(l -> l.startsWith("orthogonality-error")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(line.split(" ")[1])).isLessThan(1e-5); // float32 Gram matrix of 16 rows
    }

    @Test
    void a512By128LayerNeverReturns(@TempDir Path dir) throws Exception {
        Outcome o = run(dir, 512, 128, 1);
        assertThat(o.completed()).as("child JVM returned (exit %d, crashed %s):%n%s", o.exitCode(), o.crashed(),
                o.output()).isFalse();
    }

    /** {@code java -XX:ErrorFile=DIR/hs_err_%p.log -XX:-CreateCoredumpOnCrash -cp CP OrthogonalProbe nIn nOut seed}. */
    static Outcome run(Path dir, int nIn, int nOut, long seed) throws IOException, InterruptedException {
        Path log = dir.resolve("out.txt");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"), "-XX:-CreateCoredumpOnCrash",
                "-cp", System.getProperty("java.class.path"), OrthogonalProbe.class.getName(),
                Integer.toString(nIn), Integer.toString(nOut), Long.toString(seed));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        boolean crashed;
        try (Stream<Path> files = Files.list(dir)) {
            crashed = files.anyMatch(f -> f.getFileName().toString().startsWith("hs_err_"));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        return new Outcome(done, done ? p.exitValue() : -1, crashed, out);
    }
}
