package dev.initcheck.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.md's "Use in your tests" examples are the code of {@link ReadmeAssertjExampleTest} and
 * {@link ReadmeContractExampleTest} between their {@code // README:name:begin/end} markers (here and in the consumer
 * project {@code consumer-test/}, which runs them against the installed artifacts), and the failure message
 * README shows is the one the failing example produces: the documentation cannot drift from the code.
 */
class ReadmeExamplesTest {
    static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void readmeShowsTheExampleCodeVerbatim() throws IOException {
        String readme = read(ROOT.resolve("README.md"));
        // this module's copies, and the consumer project's (consumer-test/, run by .ci/run against the installed jars)
        for (String dir : new String[] {"initcheck-testing/src/test/java/dev/initcheck/readme",
                "consumer-test/src/test/java/consumer"}) {
            for (String[] ex : new String[][] {{"assertj", "ReadmeAssertjExampleTest.java"},
                    {"assertj-failing", "ReadmeAssertjExampleTest.java"}, {"contract", "ReadmeContractExampleTest.java"}}) {
                Path file = ROOT.resolve(dir).resolve(ex[1]);
                String code = between(read(file), "// README:" + ex[0] + ":begin\n", "// README:" + ex[0] + ":end");
                assertThat(readmeBlock(readme, ex[0])).as("README block '%s' vs %s", ex[0], file).isEqualTo(dedent(code));
            }
        }
    }

    @Test
    void readmeShowsTheRealFailureMessage() throws IOException {
        Throwable t = catchThrowable(ReadmeAssertjExampleTest::misdeclared);
        assertThat(t).isInstanceOf(AssertionError.class);
        assertThat(readmeBlock(read(ROOT.resolve("README.md")), "assertj-message")).isEqualTo(t.getMessage().strip() + "\n");
    }

    /** Every class README's import block names exists, and the consumer project's examples import each of them. */
    @Test
    void readmeImportsResolve() throws Exception {
        String readme = read(ROOT.resolve("README.md"));
        String consumer = read(ROOT.resolve("consumer-test/src/test/java/consumer/ReadmeAssertjExampleTest.java"))
                + read(ROOT.resolve("consumer-test/src/test/java/consumer/ReadmeContractExampleTest.java"));
        List<String> imports = readmeBlock(readme, "imports").lines().map(l -> l.replaceAll("\\s*//.*", ""))
                .filter(l -> !l.isBlank()).toList();
        assertThat(imports).hasSize(6).allSatisfy(l -> {
            assertThat(l).matches("import [\\w.]+;");
            Class.forName(l.substring(7, l.length() - 1));
            assertThat(consumer).contains(l);
        });
    }

    /** The fenced block that follows {@code <!-- example: name -->} in README. */
    static String readmeBlock(String readme, String name) {
        Matcher m = Pattern.compile("<!-- example: " + Pattern.quote(name) + " -->\n```[a-z]*\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(m.find()).as("README has a block marked <!-- example: %s -->", name).isTrue();
        return m.group(1);
    }

    static String between(String text, String begin, String end) {
        int b = text.indexOf(begin);
        int e = text.indexOf(end, b);
        assertThat(b).as(begin).isNotNegative();
        assertThat(e).as(end).isPositive();
        return text.substring(b + begin.length(), text.lastIndexOf('\n', e) + 1);
    }

    /** Removes the indentation common to all non-blank lines. */
    static String dedent(String code) {
        List<String> lines = code.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return b.toString();
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
