package dev.initcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.suite.Suite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The four report files of a small suite run (two schemes, two shapes, every section): reproducible, valid XML
 * with consistent counts, a self-contained HTML page. Seed 7; each run spends 1e-6 false-alarm probability.
 */
class ReportFilesTest {
    static final Suite.Config SMALL = Suite.Config.defaults().withSeed(7)
            .withSchemes("he_uniform", "glorot_normal", "orthogonal", "zeros", "ones")
            .withShapes(Suite.DEFAULT_SHAPES.subList(0, 2)).withoutTraining();

    @TempDir
    Path dir;

    static Path write(Path dir, Suite.Config c, String stamp) throws Exception {
        Files.createDirectories(dir);
        ReportFiles.write(dir, Suite.run(c, stamp), 1.0);
        return dir;
    }

    @Test
    void sameSeedGivesByteIdenticalJsonApartFromTheTimestamp() throws Exception {
        Path a = write(dir.resolve("a"), SMALL.withSections(false, true), "2024-01-01T00:00:00Z");
        Path b = write(dir.resolve("b"), SMALL.withSections(false, true), "2025-06-30T12:34:56Z");
        String ja = Files.readString(a.resolve("report.json"));
        String jb = Files.readString(b.resolve("report.json"));
        assertThat(ja).isNotEqualTo(jb);
        assertThat(ja.replace("2024-01-01T00:00:00Z", "T")).isEqualTo(jb.replace("2025-06-30T12:34:56Z", "T"));
        assertThat(ja.split("generated_at", -1)).hasSize(2); // exactly one timestamp field
        Path c = write(dir.resolve("c"), SMALL.withSections(false, true).withSeed(8), "2024-01-01T00:00:00Z");
        assertThat(Files.readString(c.resolve("report.json"))).isNotEqualTo(ja);
    }

    @Test
    void junitXmlParsesAndItsCountsMatchItsTestCases() throws Exception {
        Path d = write(dir, SMALL.withSections(false, true), "2024-01-01T00:00:00Z");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(d.resolve("junit.xml").toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        NodeList cases = doc.getElementsByTagName("testcase");
        // one test case per (scheme, shape) run (5 schemes x 2 shapes) and per symmetry training run (3)
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases.getLength()).isEqualTo(10 + 3);
        assertThat(Integer.parseInt(suite.getAttribute("failures")))
                .isEqualTo(doc.getElementsByTagName("failure").getLength()).isZero();
        assertThat(Integer.parseInt(suite.getAttribute("skipped")))
                .isEqualTo(doc.getElementsByTagName("skipped").getLength());
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("initcheck.suite");
        assertThat(first.getAttribute("name")).isEqualTo("he_uniform on [256, 512] (pytorch)");
        for (int i = 0; i < cases.getLength(); i++) { // every run measured; the symmetry runs are not timed
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").equals("initcheck.suite")) {
                assertThat(Double.parseDouble(c.getAttribute("time"))).as(c.getAttribute("name")).isPositive();
            } else {
                assertThat(c.hasAttribute("time")).isFalse();
            }
        }
    }

    @Test
    void htmlIsSelfContainedWithOneInlineSvgPerChart() throws Exception {
        Path d = write(dir, SMALL, "2024-01-01T00:00:00Z");
        String html = Files.readString(d.resolve("index.html"), StandardCharsets.UTF_8);
        int figures = count(html, "<figure class=\"chart\">");
        // 3 non-constant schemes x 4 distribution charts (deviation, histogram, tails, QQ), then propagation, seed
        // and symmetry line charts
        String distributions = html.substring(html.indexOf("<h2>Distributions"), html.indexOf("<h2>Propagation"));
        assertThat(count(distributions, "<figure class=\"chart\">")).isEqualTo(3 * 4);
        assertThat(figures).isEqualTo(count(html, "<svg class=\"plot\"")).isEqualTo(count(html, "<figcaption>"))
                .isGreaterThan(3 * 4 + 2 * 4 + 2);
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//").doesNotContain("<script")
                .doesNotContain("<link").doesNotContain("<img").contains("<meta name=\"viewport\"");
        // the other commands' files are linked only when they are beside the page
        assertThat(html).doesNotContain("third-party.md").doesNotContain("bench.md");
        assertThat(html).contains("Propagation", "Seed experiments", "Symmetry under training", "Verdicts");
        assertThat(html).contains("<code>ones</code>: weights have mean 1").doesNotContain("NOT as expected");
        assertThat(Files.list(d).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("index.html", "junit.xml", "report.json", "summary.md");
    }

    @Test
    void jsonWritesNoSubnormalSentinelThreshold() throws Exception {
        Path d = write(dir, SMALL.withSections(false, false), "2024-01-01T00:00:00Z");
        String json = Files.readString(d.resolve("report.json"));
        assertThat(json).doesNotContain("E-324").contains("\"name\" : \"point_mass\",\n      \"statistic\" : 0.0,\n"
                + "      \"threshold\" : null");
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
