package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a user's build resolves when it depends on initcheck-core and initcheck-testing (with the BOM): no CLI, JSON,
 * chart or property-engine jars, and commons-numbers at the version initcheck's parent pom pins (the version
 * initcheck is tested with). Reads the list the dependency plugin wrote ({@code target/dependencies.txt}).
 */
class DependencyListTest {
    /** groupId:artifactId:type:version:scope, one per resolved artifact. */
    static List<String> resolved() throws IOException {
        Pattern artifact = Pattern.compile("^\\s+([\\w.\\-]+:[\\w.\\-]+:[\\w\\-]+(?::[\\w.\\-]+)?:[\\w.\\-]+:\\w+)");
        return Files.readAllLines(Path.of(System.getProperty("dependencies.list"))).stream()
                .map(artifact::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
    }

    @Test
    void noCliJsonChartOrPropertyEngineJars() throws IOException {
        List<String> deps = resolved();
        assertThat(deps).as("resolved: %s", deps).anyMatch(d -> d.startsWith("dev.initcheck:initcheck-core:jar:"))
                .anyMatch(d -> d.startsWith("dev.initcheck:initcheck-testing:jar:"));
        assertThat(deps).as("resolved: %s", deps).noneMatch(d -> d.startsWith("info.picocli:"))
                .noneMatch(d -> d.startsWith("com.fasterxml.jackson"))
                .noneMatch(d -> d.startsWith("org.knowm.xchart:"))
                .noneMatch(d -> d.startsWith("org.quicktheories:"))
                .noneMatch(d -> d.startsWith("org.yaml:"))
                .noneMatch(d -> d.startsWith("dev.initcheck:initcheck-cli:"));
    }

    @Test
    void commonsNumbersAtTheVersionInitcheckPins() throws IOException {
        String parent = Files.readString(Path.of(System.getProperty("initcheck.parent.pom")));
        Matcher pin = Pattern.compile("<artifactId>commons-numbers-core</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(parent);
        assertThat(pin.find()).as("the parent pom pins commons-numbers-core").isTrue();
        List<String> numbers = resolved().stream().filter(d -> d.startsWith("org.apache.commons:commons-numbers-"))
                .toList();
        assertThat(numbers).isNotEmpty().allSatisfy(d -> assertThat(d.split(":")[3]).as(d).isEqualTo(pin.group(1)));
    }
}
