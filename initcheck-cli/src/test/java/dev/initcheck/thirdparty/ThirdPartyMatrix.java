package dev.initcheck.thirdparty;

import dev.initcheck.check.Conformance;
import dev.initcheck.check.Precision;
import dev.initcheck.check.Verdict;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.thirdparty.encog.EncogCases;
import dev.initcheck.thirdparty.neuroph.NeurophCases;
import dev.initcheck.thirdparty.smile.SmileCases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every third-party case through {@link Conformance} and writes {@code reports/third-party.md}: Encog, Neuroph
 * and SMILE always (pure Java, Apache-2.0 test dependencies); each library of {@link #OPTIONAL} when its profile put
 * its cases on the test classpath (e.g. Deeplearning4j with {@code -Pdl4j}).
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
    static final String COMMAND = "mvn -q -pl initcheck-cli -am test-compile exec:java -Dexec.classpathScope=test"
            + " -Dexec.mainClass=dev.initcheck.thirdparty.ThirdPartyMatrix";

    /** Rows that only a Maven profile brings: the profile, the class whose {@code all()} lists them, the library. */
    record Optional(String profile, String casesClass, String library) {
    }

    static final List<Optional> OPTIONAL = List.of(
            new Optional("dl4j", "dev.initcheck.thirdparty.dl4j.Dl4jCases", "Deeplearning4j"),
            new Optional("tensorflow", "dev.initcheck.thirdparty.tensorflow.TfCases", "TensorFlow Java"));

    private ThirdPartyMatrix() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "reports/third-party.md");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
        List<ThirdPartyCase> cases = defaultCases();
        List<String> profiles = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (Optional o : OPTIONAL) {
            List<ThirdPartyCase> more = optionalCases(o);
            if (more.isEmpty()) {
                notRun.add(o.library() + " rows not run (add `-P" + o.profile() + "`)");
            } else {
                profiles.add(o.profile());
                cases.addAll(more);
            }
        }
        List<MatrixRow> rows = new ArrayList<>();
        for (ThirdPartyCase c : cases) {
            rows.add(evaluate(c, seed));
        }
        String command = profiles.isEmpty() ? COMMAND
                : COMMAND.replace("mvn -q ", "mvn -q -P" + String.join(",", profiles) + " ");
        String md = MatrixReport.markdown(rows, new MatrixReport.Provenance(command, seed,
                SeededRandom.DEFAULT_SOURCE.name(), ZonedDateTime.now().withNano(0).toString(), jdk(),
                libraries(cases), notRun));
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

    /** The rows every build runs: Encog, Neuroph, SMILE. */
    public static List<ThirdPartyCase> defaultCases() {
        List<ThirdPartyCase> cases = new ArrayList<>(EncogCases.all());
        cases.addAll(NeurophCases.all());
        cases.addAll(SmileCases.all());
        return cases;
    }

    /** The cases of {@code o} when its profile put them on the classpath; empty otherwise. */
    @SuppressWarnings("unchecked")
    static List<ThirdPartyCase> optionalCases(Optional o) {
        try {
            Class<?> k = Class.forName(o.casesClass());
            return (List<ThirdPartyCase>) k.getMethod("all").invoke(null);
        } catch (ClassNotFoundException e) {
            return List.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the " + o.library() + " cases: " + e.getCause(), e);
        }
    }

    /** The DL4J cases when the dl4j profile put them on the classpath; empty otherwise. */
    static List<ThirdPartyCase> dl4jCases() {
        return optionalCases(OPTIONAL.get(0));
    }

    private static List<String> libraries(List<ThirdPartyCase> cases) {
        Set<String> out = new LinkedHashSet<>();
        for (ThirdPartyCase c : cases) {
            out.add(c.library() + ":" + c.version());
        }
        return List.copyOf(out);
    }

    private static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
    }
}
