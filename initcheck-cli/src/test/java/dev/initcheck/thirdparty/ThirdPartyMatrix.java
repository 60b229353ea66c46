package dev.initcheck.thirdparty;

import dev.initcheck.check.Conformance;
import dev.initcheck.check.Precision;
import dev.initcheck.check.Verdict;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.thirdparty.encog.EncogCases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every third-party case (Encog always; Deeplearning4j when its classes are on the test classpath, i.e. with
 * {@code -Pdl4j}) through {@link Conformance} and writes {@code reports/third-party.md}.
 *
 * <pre>
 * mvn -q -pl initcheck-cli -am test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.initcheck.thirdparty.ThirdPartyMatrix
 * mvn -q -Pdl4j -pl initcheck-cli -am test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.initcheck.thirdparty.ThirdPartyMatrix
 * </pre>
 * (from the repository root). Optional arguments: output path (default {@code reports/third-party.md}) and seed (default {@link #SEED}).
 *
 * <p>Every tensor gets the false-alarm share {@link #ALPHA_PER_TENSOR}, split by {@link Conformance} among its
 * stochastic checks; a run of k rows spends k·1e-8 (below 1e-6 for up to 100 rows). Row i draws from
 * {@code SeededRandom.of(seed).derive(label)}, so a row's values do not depend on which other rows run.
 * No {@code System.exit}: the method returns, so {@code exec:java} keeps Maven alive.
 */
public final class ThirdPartyMatrix {
    /** The seed the committed report and the tests use. */
    public static final long SEED = 20240229L;
    /** False-alarm probability per tensor. */
    public static final double ALPHA_PER_TENSOR = 1e-8;
    static final String DL4J_CASES = "dev.initcheck.thirdparty.dl4j.Dl4jCases";
    static final String COMMAND = "mvn -q -pl initcheck-cli -am test-compile exec:java -Dexec.classpathScope=test"
            + " -Dexec.mainClass=dev.initcheck.thirdparty.ThirdPartyMatrix";

    private ThirdPartyMatrix() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "reports/third-party.md");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
        List<ThirdPartyCase> cases = new ArrayList<>(EncogCases.all());
        List<ThirdPartyCase> dl4j = dl4jCases();
        cases.addAll(dl4j);
        List<MatrixRow> rows = new ArrayList<>();
        for (ThirdPartyCase c : cases) {
            rows.add(evaluate(c, seed));
        }
        String command = dl4j.isEmpty() ? COMMAND : COMMAND.replace("mvn -q ", "mvn -q -Pdl4j ");
        String md = MatrixReport.markdown(rows, new MatrixReport.Provenance(command, seed,
                SeededRandom.DEFAULT_SOURCE.name(), ZonedDateTime.now().withNano(0).toString(), jdk(), !dl4j.isEmpty()));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, md, StandardCharsets.UTF_8);
        long unexpected = rows.stream().filter(r -> !r.asExpected()).count();
        System.out.printf("wrote %s: %d rows, %d passed, %d as expected%n", out, rows.size(),
                rows.stream().filter(r -> r.verdict().passed()).count(), rows.size() - unexpected);
    }

    /** Draws the case's tensor from {@code SeededRandom.of(seed).derive(label)} and checks it. */
    public static MatrixRow evaluate(ThirdPartyCase c, long seed) {
        SeededRandom source = SeededRandom.of(seed).derive(c.label());
        double[] values = c.adapter().initialize(c.shape(), source.create());
        var expectation = c.expectation();
        Verdict v = Conformance.check(values, expectation, Precision.parse(c.precision()), ALPHA_PER_TENSOR, source);
        return new MatrixRow(c, source, v, MeasuredLaw.of(values, expectation.distribution()));
    }

    /** The DL4J cases when the dl4j profile put them on the classpath; empty otherwise. */
    @SuppressWarnings("unchecked")
    static List<ThirdPartyCase> dl4jCases() {
        try {
            Class<?> k = Class.forName(DL4J_CASES);
            return (List<ThirdPartyCase>) k.getMethod("all").invoke(null);
        } catch (ClassNotFoundException e) {
            return List.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the DL4J cases: " + e.getCause(), e);
        }
    }

    private static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
    }
}
