package dev.initcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** third-party.html shows every row of third-party.md, with the same cells and the verdicts coloured. */
class MatrixHtmlTest {
    @Test
    void cellsKeepEscapedBars() {
        assertThat(MatrixHtml.cells("| a | b \\| c | `x` |")).containsExactly("a", "b | c", "`x`");
    }

    @Test
    void inlineMarkupIsRenderedAfterEscaping() {
        assertThat(MatrixHtml.inline("**rejected** (ks) `U(-1, 1) <x>` see [report](upstream/a-1.md)"))
                .isEqualTo("<b>rejected</b> (ks) <code>U(-1, 1) &lt;x&gt;</code> see "
                        + "<a href=\"upstream/a-1.md\">report</a>");
    }

    /** The committed matrix: one HTML data row per Markdown data row, a red cell per rejected row. */
    @Test
    void theCommittedMatrixRendersEveryRow() throws Exception {
        String md = Files.readString(Path.of("reports/third-party.md"), StandardCharsets.UTF_8);
        String html = MatrixHtml.page(md);
        long mdRows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| #") && !l.startsWith("|---"))
                .count();
        long mdTables = md.lines().filter(l -> l.startsWith("|---")).count();
        long htmlRows = Pattern.compile("<tr>").matcher(html).results().count();
        assertThat(htmlRows).isEqualTo(mdRows + mdTables);
        long rejected = md.lines().filter(l -> l.startsWith("| ") && l.contains("| **rejected**")).count();
        assertThat(Pattern.compile("<td class=\"bad\">").matcher(html).results().count()).isEqualTo(rejected);
        assertThat(rejected).isPositive();
        assertThat(html).contains("<meta name=\"viewport\"").doesNotContain("\n| ", "**");
    }
}
