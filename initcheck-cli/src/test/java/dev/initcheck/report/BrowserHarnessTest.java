package dev.initcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser check itself ({@code browser-test/check-pages.mjs}) on four committed fixture pages: {@code good.html}
 * (fits 420 px, a wide table inside a scrolling box, an inline SVG chart inside a closed {@code <details>}) passes;
 * {@code bad.html} (an unwrapped 1800 px line, a broken image, an SVG that draws nothing, one with a 0 x 0 box, a
 * console error, an uncaught error, and a 3000 px table inside a scrolling box that must not be blamed) is rejected at
 * every width for each of those reasons; {@code details.html} fits as loaded but not once its {@code <details>} are
 * opened; {@code plain.html} (no chart) passes only with {@code --no-charts}. Skipped, with a NOTICE on stderr, when Chromium or playwright-core is not installed.
 */
class BrowserHarnessTest {
    static final Path PAGES = Path.of("src/test/resources/browser");

    @TempDir
    Path tmp;

    @Test
    void aGoodPageAndAChartlessPageAllowedToBeSoPass() throws Exception {
        CheckPages.assumeAvailable();
        CheckPages.Run r = CheckPages.run(tmp, PAGES.resolve("good.html").toString(), "--no-charts",
                PAGES.resolve("plain.html").toString());
        assertThat(r.code()).as(r.output()).isZero();
        assertThat(r.output()).contains("check-pages: PASS: 2 page(s) x 3 widths, 0 failure(s)");
        for (int w : CheckPages.WIDTHS) {
            assertThat(tmp.resolve("good-" + w + ".png")).isNotEmptyFile();
        }
        assertThat(tmp.resolve("summary.json")).content().contains("\"passed\": true");
    }

    @Test
    void badPagesAreRejectedForEachDefectAtEveryWidth() throws Exception {
        CheckPages.assumeAvailable();
        CheckPages.Run r = CheckPages.run(tmp, PAGES.resolve("bad.html").toString(),
                PAGES.resolve("plain.html").toString(), PAGES.resolve("details.html").toString());
        assertThat(r.code()).as(r.output()).isEqualTo(1);
        List<String> lines = r.output().lines().toList();
        for (int w : CheckPages.WIDTHS) {
            String bad = "FAIL bad @ " + w + " px: ";
            assertThat(lines).as(r.output()).anyMatch(l -> l.startsWith(bad + "horizontal overflow: scrollWidth")
                    && l.contains("furthest: <pre.unwrapped> 1"));
            assertThat(lines).as(r.output()).anyMatch(l -> l.startsWith(bad + "chart not rendered: img #1")
                    && l.contains("did not load") && l.contains("missing-chart.png"));
            assertThat(lines).as(r.output()).anyMatch(l -> l.startsWith(bad + "chart not rendered: svg #1")
                    && l.contains("draws nothing"));
            assertThat(lines).as(r.output()).anyMatch(l -> l.startsWith(bad + "chart not rendered: svg #2")
                    && l.contains("has an empty box (0x0)"));
            assertThat(lines).as(r.output()).contains(bad + "console error: deliberate console error",
                    bad + "page error: deliberate page error");
            assertThat(lines).as(r.output()).contains("FAIL plain @ " + w + " px: no chart at all (no <svg>, no <img>)");
            assertThat(lines).as(r.output()).anyMatch(l -> l.startsWith("FAIL details @ " + w + " px: horizontal "
                    + "overflow (with 2 <details> opened): scrollWidth") && l.contains("furthest: <pre.hidden-line> "));
        }
        assertThat(lines).as(r.output()).noneMatch(l -> l.startsWith("FAIL plain") && !l.contains("no chart at all"));
        assertThat(lines).as(r.output()).filteredOn(l -> l.startsWith("FAIL details")).hasSize(3);
        assertThat(lines.get(lines.size() - 1)).startsWith("check-pages: FAIL: 3 page(s) x 3 widths");
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() throws Exception {
        CheckPages.assumeAvailable();
        CheckPages.Run r = CheckPages.run(tmp, PAGES.resolve("no-such-page.html").toString());
        assertThat(r.code()).as(r.output()).isEqualTo(2);
        assertThat(r.output().lines().findFirst()).hasValueSatisfying(l -> assertThat(l)
                .startsWith("check-pages: ").endsWith("no-such-page.html: no such file"));
    }
}
