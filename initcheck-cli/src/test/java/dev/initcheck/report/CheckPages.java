package dev.initcheck.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code browser-test/check-pages.mjs} (headless Debian Chromium driven by playwright-core) on HTML pages, from
 * the repository root (surefire's working directory). A test that needs the browser calls {@link #assumeAvailable()}
 * first: when Chromium, playwright-core or Node.js is missing, the test is skipped and a NOTICE line on stderr says
 * what is missing and how to install it.
 */
final class CheckPages {
    static final Path SCRIPT = Path.of("browser-test/check-pages.mjs");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path PLAYWRIGHT = Path.of("browser-test/node_modules/playwright-core");
    /** The script's viewport widths, in px. */
    static final List<Integer> WIDTHS = List.of(1400, 800, 420);
    /** Generous: the two reports take about 15 s on a 2-core machine; only a hung browser reaches this. */
    static final long TIMEOUT_SECONDS = 300;

    /** The script's exit code (0 pass, 1 some check failed, 2 bad arguments or no browser) and its output. */
    record Run(int code, String output) {
    }

    private CheckPages() {
    }

    /** Skips the calling test, with a NOTICE on stderr, unless Chromium, playwright-core and Node.js are here. */
    static void assumeAvailable() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (Debian: apt-get install -y chromium)");
        }
        if (!Files.isDirectory(PLAYWRIGHT)) {
            missing.add(PLAYWRIGHT + " (npm ci --prefix browser-test)");
        }
        if (!nodeRuns()) {
            missing.add("node on the PATH (Node.js 20 or later)");
        }
        if (!missing.isEmpty()) {
            String notice = "NOTICE: browser test skipped, missing: " + String.join("; ", missing);
            System.err.println(notice);
            Assumptions.abort(notice);
        }
    }

    /** Runs the script with {@code --out out} and {@code args} (options and [NAME=]FILE pages). */
    static Run run(Path out, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString(), "--out", out.toString()));
        command.addAll(List.of(args));
        Files.createDirectories(out);
        Path log = Files.createTempFile("check-pages", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Run(-1, "timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command) + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
