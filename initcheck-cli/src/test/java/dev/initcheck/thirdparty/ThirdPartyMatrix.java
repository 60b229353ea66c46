package dev.initcheck.thirdparty;

import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.Conformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Precision;
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
 * Runs the third-party cases through {@link Conformance} and writes {@code reports/third-party.md}, one section per
 * {@link Group}: the default group (Encog, Neuroph, SMILE: pure Java, Apache-2.0 test dependencies) on every run,
 * each optional group when its Maven profile put its cases on the test classpath. Each section is kept in
 * {@code reports/third-party/ID.md}; every run rewrites its own sections and re-assembles the document from all the
 * sections there, so one command per profile regenerates everything:
 *
 * <pre>
 * mvn -q -pl initcheck-cli -am test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.initcheck.thirdparty.ThirdPartyMatrix
 * mvn -q -Pdl4j -pl initcheck-cli -am test-compile exec:java ... (same arguments)
 * mvn -q -Ptensorflow -pl initcheck-cli -am test-compile exec:java ... (same arguments)
 * mvn -q -Pdjl -pl initcheck-cli -am test-compile exec:java ... (same arguments)
 * mvn -q -Pgpl -pl initcheck-cli -am test-compile exec:java ... (same arguments)
 * </pre>
 * (from the repository root; one profile per run: DL4J 1.0.0-M2.1 and TensorFlow Java 1.1.0 need different JavaCPP
 * versions). Optional arguments: output path (default {@code reports/third-party.md}) and seed (default
 * {@link #SEED}).
 *
 * <p>Every tensor gets the false-alarm share {@link #ALPHA_PER_TENSOR}, split by {@link Conformance} among its
 * stochastic checks; a run of k rows spends k·1e-8. Row i draws from {@code SeededRandom.of(seed).derive(label)},
 * so a row's values do not depend on which other rows run. No {@code System.exit}: the method returns, so
 * {@code exec:java} keeps Maven alive.
 */
public final class ThirdPartyMatrix {
    /** The seed the committed report and the tests use. */
    public static final long SEED = 20240229L;
    /** False-alarm probability per tensor. */
    public static final double ALPHA_PER_TENSOR = 1e-8;
    static final String COMMAND = "mvn -q -pl initcheck-cli -am test-compile exec:java -Dexec.classpathScope=test"
            + " -Dexec.mainClass=dev.initcheck.thirdparty.ThirdPartyMatrix";

    /**
     * A section of the report: its id (file name), title, Maven profile ({@code null}: always on the classpath) and
     * the class whose static {@code all()} lists its cases.
     */
    record Group(String id, String title, String profile, String casesClass) {
        String command() {
            return profile == null ? COMMAND : COMMAND.replace("mvn -q ", "mvn -q -P" + profile + " ");
        }
    }

    static final Group DEFAULT = new Group("default", "Pure-Java libraries (every build: Encog, Neuroph, SMILE)",
            null, ThirdPartyMatrix.class.getName());
    static final List<Group> OPTIONAL = List.of(
            new Group("dl4j", "Deeplearning4j (`-Pdl4j`)", "dl4j", "dev.initcheck.thirdparty.dl4j.Dl4jCases"),
            new Group("tensorflow", "TensorFlow Java (`-Ptensorflow`)", "tensorflow",
                    "dev.initcheck.thirdparty.tensorflow.TfCases"),
            new Group("djl", "DJL (`-Pdjl`)", "djl", "dev.initcheck.thirdparty.djl.DjlCases"),
            new Group("gpl", "GPL-licensed libraries, opt-in (`-Pgpl`: Deep Netts, JSAT)", "gpl",
                    "dev.initcheck.thirdparty.gpl.GplCases"));

    private ThirdPartyMatrix() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "reports/third-party.md").toAbsolutePath();
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
        Path dir = out.resolveSibling("third-party");
        Files.createDirectories(dir);
        List<Group> groups = new ArrayList<>(List.of(DEFAULT));
        groups.addAll(OPTIONAL);
        List<String> sections = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (Group g : groups) {
            commands.add(g.command());
            List<ThirdPartyCase> cases = g == DEFAULT ? defaultCases() : optionalCases(g);
            Path section = dir.resolve(g.id() + ".md");
            if (!cases.isEmpty()) {
                Files.writeString(section, run(g, cases, seed), StandardCharsets.UTF_8);
            }
            sections.add(Files.exists(section) ? Files.readString(section, StandardCharsets.UTF_8)
                    : "## " + g.title() + "\n\nNot generated yet: run `" + g.command() + "`.\n\n");
        }
        String document = MatrixReport.document(sections, commands);
        Files.writeString(out, document, StandardCharsets.UTF_8);
        Path html = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.md$", "") + ".html");
        Files.writeString(html, MatrixHtml.page(document), StandardCharsets.UTF_8);
        System.out.printf("wrote %s and %s from %d sections in %s%n", out, html.getFileName(), groups.size(), dir);
    }

    private static String run(Group g, List<ThirdPartyCase> cases, long seed) {
        List<MatrixRow> rows = new ArrayList<>();
        for (ThirdPartyCase c : cases) {
            rows.add(evaluate(c, seed));
        }
        long unexpected = rows.stream().filter(r -> !r.asExpected()).count();
        System.out.printf("%s: %d rows, %d passed, %d as expected%n", g.id(), rows.size(),
                rows.stream().filter(r -> r.verdict().passed()).count(), rows.size() - unexpected);
        return MatrixReport.section(g.title(), rows, new MatrixReport.Provenance(g.command(), seed,
                SeededRandom.DEFAULT_SOURCE.name(), ZonedDateTime.now().withNano(0).toString(), jdk(),
                libraries(cases)));
    }

    /** Draws the case's tensor from {@code SeededRandom.of(seed).derive(label)} and checks it. */
    public static MatrixRow evaluate(ThirdPartyCase c, long seed) {
        SeededRandom source = SeededRandom.of(seed).derive(c.label());
        double[] values = c.adapter().initialize(c.shape(), source.create());
        var expectation = c.expectation();
        Verdict v = Conformance.check(values, expectation, Precision.parse(c.precision()),
                AlphaShare.of(ALPHA_PER_TENSOR), source);
        return new MatrixRow(c, source, v, MeasuredLaw.of(values, expectation.distribution()));
    }

    /** The rows every build runs: Encog, Neuroph, SMILE. */
    public static List<ThirdPartyCase> defaultCases() {
        List<ThirdPartyCase> cases = new ArrayList<>(EncogCases.all());
        cases.addAll(NeurophCases.all());
        cases.addAll(SmileCases.all());
        return cases;
    }

    /** The cases of {@code g} when its profile put them on the classpath; empty otherwise. */
    @SuppressWarnings("unchecked")
    static List<ThirdPartyCase> optionalCases(Group g) {
        try {
            Class<?> k = Class.forName(g.casesClass());
            return (List<ThirdPartyCase>) k.getMethod("all").invoke(null);
        } catch (ClassNotFoundException e) {
            return List.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the " + g.title() + " cases: " + e.getCause(), e);
        }
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
