package dev.initcheck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a report's four files into a directory (created if needed); nothing else there is touched. */
public final class ReportFiles {
    /** The files a report consists of. */
    public static final List<String> NAMES = List.of("index.html", "report.json", "junit.xml", "summary.md");

    /** Files other commands write that index.html links when, and only when, they are in the same directory. */
    static final List<String[]> OTHERS = List.of(
            new String[] {"bench.md", "speed against SciPy and the read floor (initcheck bench)"},
            new String[] {"calibration.md", "measured false-alarm rates of every check (initcheck calibrate)"},
            new String[] {"third-party.html", "third-party initializers held to their own documentation (page)"},
            new String[] {"third-party.md", "third-party initializers held to their own documentation"});

    private ReportFiles() {
    }

    /**
     * Whether the page of a file report draws a tensor's distribution charts: every tensor's when there are at most
     * 12, otherwise those that did not pass (the others are rows of the table).
     */
    public static boolean drawsCharts(int tensors, String status) {
        return tensors <= FilesPage.CHART_ALL_UP_TO || !status.equals("pass");
    }

    /** Writes index.html, report.json, junit.xml and summary.md; {@code elapsedSeconds} goes into junit.xml only. */
    public static void write(Path dir, Report r, double elapsedSeconds) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"), ReportJson.write(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("junit.xml"), JunitXml.write(r, elapsedSeconds), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.md"), MarkdownSummary.write(r), StandardCharsets.UTF_8);
        List<String[]> related = new ArrayList<>();
        related.add(new String[] {"report.json", "this report as data (schema: initcheck's docs/report-schema.md)"});
        related.add(new String[] {"junit.xml", "one test case per tensor, for CI dashboards"});
        related.add(new String[] {"summary.md", "the verdicts in Markdown, for CI step summaries"});
        for (String[] o : OTHERS) {
            if (Files.isRegularFile(dir.resolve(o[0]))) {
                related.add(o);
            }
        }
        Files.writeString(dir.resolve("index.html"), HtmlReport.write(r, related), StandardCharsets.UTF_8);
    }
}
