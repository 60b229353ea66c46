package dev.initcheck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a report's four files into a directory (created if needed); nothing else there is touched. */
public final class ReportFiles {
    /** The files a report consists of. */
    public static final List<String> NAMES = List.of("index.html", "report.json", "junit.xml", "summary.md");

    private ReportFiles() {
    }

    /** Writes index.html, report.json, junit.xml and summary.md; {@code elapsedSeconds} goes into junit.xml only. */
    public static void write(Path dir, Report r, double elapsedSeconds) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"), ReportJson.write(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("junit.xml"), JunitXml.write(r, elapsedSeconds), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.md"), MarkdownSummary.write(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.html"), HtmlReport.write(r), StandardCharsets.UTF_8);
    }
}
