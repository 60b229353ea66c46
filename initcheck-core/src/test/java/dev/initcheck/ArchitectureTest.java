package dev.initcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of initcheck-core as docs/architecture.md states them: each package imports only the packages
 * beneath it (no cycles, no arrow upward; {@code sample} and {@code summary} beneath the checks), and nothing outside
 * the JDK and the libraries the module declares. Read from the sources, so a new import that breaks a rule fails here.
 */
class ArchitectureTest {
    /** Tests run in the repository root (the parent pom sets surefire's working directory). */
    private static final Path SOURCES = Path.of("initcheck-core/src/main/java/dev/initcheck");

    /** Package -> the initcheck packages it may import. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("distribution", Set.of()),
            Map.entry("shape", Set.of()),
            Map.entry("random", Set.of()),
            Map.entry("io", Set.of()),
            Map.entry("scheme", Set.of("distribution", "random", "shape")),
            Map.entry("sample", Set.of("distribution")),
            Map.entry("summary", Set.of("distribution", "io", "sample")),
            Map.entry("check", Set.of("distribution", "random", "sample", "scheme", "shape")),
            Map.entry("propagation", Set.of("distribution", "random", "scheme", "shape")),
            Map.entry("app", Set.of("check", "distribution", "io", "random", "sample", "scheme", "shape", "summary")));

    /** Libraries initcheck-core may use besides the JDK. */
    private static final Set<String> LIBRARIES = Set.of("org.hipparchus", "org.apache.commons.statistics",
            "org.apache.commons.rng", "org.apache.commons.numbers", "org.ejml");

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.initcheck\\.(\\w+)\\.[A-Z]");

    @Test
    void everyPackageImportsOnlyWhatItsRuleAllows() {
        Map<String, Set<String>> used = new TreeMap<>();
        Set<String> libraries = new TreeSet<>();
        for (Path file : javaFiles()) {
            String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
            String text = read(file);
            Set<String> mine = used.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String from = m.group(1);
                if (from.startsWith("dev.initcheck.")) {
                    mine.add(from.substring("dev.initcheck.".length()).split("\\.")[0]);
                } else if (!from.startsWith("java.")) {
                    libraries.add(from);
                }
            }
            Matcher q = QUALIFIED.matcher(text.replaceAll("(?m)^(package|import) .*$", ""));
            while (q.find()) { // fully qualified names in code or Javadoc links count too
                mine.add(q.group(1));
            }
            mine.remove(pkg);
        }
        assertThat(used.keySet()).as("packages with a rule").isSubsetOf(ALLOWED.keySet());
        used.forEach((pkg, imports) -> assertThat(imports).as("initcheck packages imported by %s", pkg)
                .isSubsetOf(ALLOWED.get(pkg)));
        assertThat(libraries).as("libraries imported by initcheck-core")
                .allMatch(l -> LIBRARIES.stream().anyMatch(l::startsWith), "is a declared library");
    }

    private static java.util.List<Path> javaFiles() {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
