package dev.initcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * The pieces a launch depends on, without starting one (docs/scale-out.md, "spark-submit", has the run): the JDK 17
 * module openings of the build (the {@code spark.add-opens} property, for the tests' JVM and the documented
 * {@code java ... SparkSubmit} command line, and the all-jar's {@code Add-Opens} manifest entry, for
 * {@code java -jar}) cover every opening of Spark's own launcher ({@link JavaModuleOptions}, which
 * {@code spark-submit} adds to the JVMs it starts); and the command takes its master from {@code spark-submit}
 * ({@code spark.master}) unless {@code --master} is given, falling back to local[2].
 */
class LauncherTest {
    private static String pomValue(String pom, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(pom);
        assertThat(m.find()).as("<%s> in the module's pom", element).isTrue();
        return m.group(1);
    }

    @Test
    void theBuildsModuleOpeningsCoverSparksLauncher() throws Exception {
        String pom = Files.readString(Path.of("initcheck-spark/pom.xml")); // the tests run in the repository root
        List<String> property = Arrays.asList(pomValue(pom, "spark.add-opens").split("\\s+"));
        List<String> manifest = Arrays.asList(pomValue(pom, "Add-Opens").split("\\s+"));
        List<String> spark = Arrays.stream(JavaModuleOptions.defaultModuleOptionArray())
                .filter(o -> o.startsWith("--add-opens=")).toList();
        assertThat(spark).as("Spark's launcher opens packages").isNotEmpty();
        for (String o : spark) {
            assertThat(property).as("spark.add-opens").contains(o);
            String opened = o.substring("--add-opens=".length(), o.length() - "=ALL-UNNAMED".length());
            assertThat(manifest).as("the all-jar's Add-Opens").contains(opened);
        }
        for (String o : Arrays.asList(JavaModuleOptions.defaultModuleOptionArray())) {
            if (o.startsWith("-D")) { // the launcher's system properties (reflection, Netty)
                assertThat(property).as("spark.add-opens").contains(o);
            }
        }
    }

    @Test
    void theMasterComesFromSparkSubmitUnlessGivenElseLocal2() {
        String before = System.getProperty("spark.master");
        try {
            System.clearProperty("spark.master");
            assertThat(SparkAuditCommand.conf(null, "m").get("spark.master")).isEqualTo("local[2]");
            assertThat(SparkAuditCommand.conf("local[3]", "m").get("spark.master")).isEqualTo("local[3]");
            System.setProperty("spark.master", "spark://head:7077"); // as spark-submit --master sets it
            SparkConf submitted = SparkAuditCommand.conf(null, "hdfs://nn/m");
            assertThat(submitted.get("spark.master")).isEqualTo("spark://head:7077");
            assertThat(submitted.get("spark.app.name")).isEqualTo("initcheck audit hdfs://nn/m");
            assertThat(submitted.get("spark.ui.enabled")).isEqualTo("false");
            assertThat(SparkAuditCommand.conf("local[1]", "m").get("spark.master")).isEqualTo("local[1]");
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
        }
    }
}
