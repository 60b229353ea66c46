package dev.initcheck.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Fresh JVMs running initcheck, as the benchmark times them: the same java, heap limit and jar as this run. */
final class Processes {
    /** What a finished process left: its exit code and the last lines of its output and error streams. */
    record Outcome(int exit, String lastOut, String lastErr) {
    }

    private Processes() {
    }

    /** {@code java HEAP -jar JAR} when this JVM runs from one jar, else {@code java HEAP -cp CP Main}. */
    static List<String> initcheck(String heap, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), heap));
        String cp = System.getProperty("java.class.path");
        if (cp.endsWith(".jar") && !cp.contains(File.pathSeparator)) {
            cmd.addAll(List.of("-jar", cp));
        } else {
            cmd.addAll(List.of("-cp", cp, "dev.initcheck.cli.Main"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** How a report writes {@code java HEAP -jar JAR}: the jar this JVM runs from, else target/initcheck.jar. */
    static String initcheckDisplay(String heap) {
        String cp = System.getProperty("java.class.path");
        String jar = cp.endsWith(".jar") && !cp.contains(File.pathSeparator) ? cp : "target/initcheck.jar";
        return "java " + heap + " -jar " + jar;
    }

    /** Runs {@code cmd} to completion, its output discarded; fails unless it exits 0. */
    static void runOk(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int exit = waitFor(p, cmd);
            if (exit != 0) {
                throw new IllegalStateException("exit " + exit + ": " + String.join(" ", cmd));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + cmd.get(0), e);
        }
    }

    /** Runs {@code cmd} to completion with its streams sent to {@code out} and {@code err}, whatever its exit. */
    static Outcome run(List<String> cmd, Path out, Path err) {
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int exit = waitFor(p, cmd);
            return new Outcome(exit, lastLine(out), lastLine(err));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + cmd.get(0), e);
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int waitFor(Process p, List<String> cmd) {
        try {
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out after 30 minutes: " + String.join(" ", cmd));
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "";
    }
}
