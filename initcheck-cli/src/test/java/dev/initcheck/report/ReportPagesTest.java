package dev.initcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.check.Conformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The report of a model (audit) and of files (check): one row per tensor grouped by module with failing modules
 * and tensors first, every detail block headed by its file and tensor, sections only when they have content, links
 * only to files that exist, the Markdown list, JUnit with measured times and readable classnames. Values are drawn
 * with seed 11; the failing tensor is N(0, 0.02) scaled by 1.5 (its second-moment check rejects with probability
 * 1 − 1e-300 at n = 4096, far above its 1e-6/5 false-alarm share).
 */
class ReportPagesTest {
    private static final String FILE = "model.safetensors";

    @TempDir
    Path dir;

    private static TensorResult tensor(String name, String scheme, long[] shape, double scale, String status,
                                       String declared, String fitted, double seconds) {
        Expectation e = Scheme.parse(scheme).resolve(Shape.of(shape), Layout.PYTORCH);
        double[] v = ReferenceInitializer.sample(e, SeededRandom.of(11).derive(name).create());
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        Verdict verdict = Conformance.check(v, e, Precision.FLOAT32, 1e-6 / 5);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return new TensorResult(FILE, name, verdict, ChartData.sorted(sorted), seconds,
                new TensorResult.Audited(status, "F32", declared, fitted));
    }

    static Report audit() {
        List<TensorResult> t = new ArrayList<>();
        t.add(tensor("enc.layer0.weight", "normal(stddev=0.02)", new long[] {64, 64}, 1, "pass",
                "normal(stddev=0.02) [policy rule 2 (*)]", null, 0.012));
        t.add(tensor("enc.layer0.bias", "uniform(limit=0.125)", new long[] {64}, 1, "undeclared", null,
                "uniform ±0.1250 ± 0.0001 = 1/√64", 0.003));
        t.add(tensor("enc.layer1.weight", "normal(stddev=0.02)", new long[] {64, 64}, 1.5, "fail",
                "normal(stddev=0.02) [policy rule 2 (*)]", "normal, sd 0.0300 ± 0.0003", 0.021));
        t.add(tensor("zz.weight", "normal(stddev=0.02)", new long[] {64, 64}, 1, "pass",
                "normal(stddev=0.02) [policy rule 2 (*)]", null, 0.011));
        List<Report.Skipped> other = List.of(new Report.Skipped(FILE, "enc.layer1.mask", "BOOL",
                "not a float16/bfloat16/float32/float64 tensor"), new Report.Skipped(FILE, "lm_head.weight", "F32",
                "tied: differs from zz.weight, which it is declared tied to", "fail"));
        return new Report(new Report.RunInfo("audit", null, null, 1e-6, null, "2024-01-01T00:00:00Z"), t, null, null,
                null, other);
    }

    @Test
    void tensorsAreGroupedByModuleFailingFirstAndEveryBlockNamesItsTensor() throws Exception {
        ReportFiles.write(dir, audit(), 0.5);
        String html = Files.readString(dir.resolve("index.html"));
        // modules by their worst status, then name: enc.layer1 and lm_head (failures), enc.layer0 (undeclared), zz
        List<String> rows = all(html, "<td class=\"name\"><code>(?:<a [^>]*>)?([^<]+)<");
        assertThat(rows).containsExactly("enc.layer1.weight", "enc.layer1.mask", "lm_head.weight",
                "enc.layer0.bias", "enc.layer0.weight", "zz.weight");
        List<String> modules = all(html, "<tr class=\"module\"><td colspan=\"\\d\"><code>([^<]+)<");
        assertThat(modules).containsExactly("enc.layer1", "lm_head", "enc.layer0", "zz");
        List<String> blocks = all(html, "(<section class=\"detail[^\"]*\" id=\"[^\"]+\"><h3>.*?</h3>)");
        assertThat(blocks).hasSize(4); // fewer than 13 tensors: every tensor with a verdict gets its block
        for (String name : List.of("enc.layer1.weight", "enc.layer0.bias", "enc.layer0.weight", "zz.weight")) {
            assertThat(blocks).anyMatch(b -> b.contains("<code>" + name + "</code> in <code>" + FILE + "</code>"));
        }
        assertThat(blocks.get(0)).contains("enc.layer1.weight").contains("pill fail");
        assertThat(html).contains("<th>fitted law</th>", "normal, sd 0.0300 ± 0.0003",
                "<span class=\"pill undeclared\">undeclared</span>", "<span class=\"pill skipped\">skipped</span>");
        assertThat(html).contains("<meta name=\"viewport\"", ".msg{white-space:pre-wrap;overflow-wrap:anywhere",
                ".scroll{overflow-x:auto").doesNotContain("<img", "<script", "Propagation", "suite");
        int figures = all(html, "(<figure class=\"chart\">)").size();
        assertThat(figures).isEqualTo(4 * 4).isEqualTo(all(html, "(<svg class=\"plot\")").size())
                .isEqualTo(all(html, "(<figcaption>)").size());
    }

    @Test
    void sectionsWithoutContentAreLeftOutAndLinksPointToFilesThatExist() throws Exception {
        List<TensorResult> t = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            t.add(tensor("m.l" + i + ".weight", "normal(stddev=0.02)", new long[] {16, 16}, 1, "pass", "declared",
                    null, 0.001));
        }
        Report r = new Report(new Report.RunInfo("audit", null, null, 1e-6, null, "t"), t, null, null, null);
        ReportFiles.write(dir.resolve("a"), r, 0.1);
        String html = Files.readString(dir.resolve("a/index.html"));
        assertThat(html).doesNotContain("<h2>Tensors that did not pass", "<section", "<figure", "fitted law",
                "Passing tensors");
        assertLinksExist(dir.resolve("a"), html);
        assertThat(html).doesNotContain("bench.md", "third-party.md");
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/bench.md"), "x");
        ReportFiles.write(dir.resolve("b"), r, 0.1);
        String withBench = Files.readString(dir.resolve("b/index.html"));
        assertThat(withBench).contains("href=\"bench.md\"").doesNotContain("third-party.md");
        assertLinksExist(dir.resolve("b"), withBench);
    }

    @Test
    void markdownIsAListForFilesAndJunitHasTimesAndReadableNames() throws Exception {
        ReportFiles.write(dir, audit(), 0.5);
        String md = Files.readString(dir.resolve("summary.md"));
        assertThat(md).contains("| tensor | shape | status | failed checks |\n|---|---|---|---|\n"
                + "| `enc.layer1.weight` | [64, 64] | **fail** | ");
        assertThat(md).contains("| `lm_head.weight` | F32 | **fail** | tied: differs").doesNotContain("| scheme |");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml")
                .toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(6);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertThat(c.getAttribute("classname")).isEqualTo("initcheck.audit");
            names.add(c.getAttribute("name"));
            if (!c.getAttribute("name").contains("mask") && !c.getAttribute("name").startsWith("lm_head")) {
                assertThat(Double.parseDouble(c.getAttribute("time"))).as(c.getAttribute("name")).isPositive();
            } else {
                assertThat(c.hasAttribute("time")).as("nothing measured: no time").isFalse();
            }
        }
        assertThat(names).contains("enc.layer1.weight", "zz.weight", "enc.layer1.mask", "lm_head.weight");
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("junit.xml"))).containsPattern("<failure message=\"failed: [a-z_, ]*"
                + "second_moment");
    }

    private static void assertLinksExist(Path d, String html) {
        for (String href : all(html, "href=\"([^\"]+)\"")) {
            if (!href.startsWith("#")) {
                assertThat(d.resolve(href)).as("link " + href).isRegularFile();
            }
        }
    }

    private static List<String> all(String s, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(s);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
