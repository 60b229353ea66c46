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
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases.getLength()).isGreaterThan(20);
        assertThat(Integer.parseInt(suite.getAttribute("failures")))
                .isEqualTo(doc.getElementsByTagName("failure").getLength()).isZero();
        assertThat(Integer.parseInt(suite.getAttribute("skipped")))
                .isEqualTo(doc.getElementsByTagName("skipped").getLength());
        assertThat(((Element) cases.item(0)).getAttribute("classname")).isEqualTo("initcheck.he_uniform.256x512_pytorch");
    }

    @Test
    void htmlIsSelfContainedWithOneDataUriPerChart() throws Exception {
        Path d = write(dir, SMALL, "2024-01-01T00:00:00Z");
        String html = Files.readString(d.resolve("index.html"), StandardCharsets.UTF_8);
        int imgs = count(html, "<img ");
        int dataUris = count(html, "<img src=\"data:image/png;base64,");
        // 3 non-constant schemes x 3 distribution charts, 4 zero-mean schemes x 3 propagation charts, 2 seed charts,
        // 2 symmetry charts (one per hidden layer)
        assertThat(count(html, "<figure>")).isEqualTo(3 * 3 + 4 * 3 + 2 + 2);
        assertThat(dataUris).isEqualTo(imgs).isEqualTo(count(html, "<figure>"));
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//").doesNotContain("<script")
                .doesNotContain("<link").contains("href=\"third-party.md\"").contains("href=\"bench.md\"");
        assertThat(html).contains("Propagation", "Seed experiments", "Symmetry under training", "Verdicts");
        assertThat(html).contains("<code>ones</code>: weights have mean 1").doesNotContain("NOT as expected");
        assertThat(Files.list(d).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("index.html", "junit.xml", "report.json", "summary.md");
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
