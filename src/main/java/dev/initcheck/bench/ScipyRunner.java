package dev.initcheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs scipy.stats.kstest on the same samples through a Python interpreter that has scipy, when there is one. */
final class ScipyRunner {
    private final String python;
    private final Path script;

    private ScipyRunner(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    /** The first of {@code candidates} that imports scipy, or empty. */
    static Optional<ScipyRunner> find(List<String> candidates, Path workDir) throws IOException {
        Path script = workDir.resolve("scipy_kstest.py");
        try (InputStream in = ScipyRunner.class.getResourceAsStream("scipy_kstest.py")) {
            Files.write(script, in.readAllBytes());
        }
        for (String p : candidates) {
            if (run(List.of(p, "-c", "import scipy.stats, numpy"), 60).isPresent()) {
                return Optional.of(new ScipyRunner(p, script));
            }
        }
        return Optional.empty();
    }

    String python() {
        return python;
    }

    /** kstest timings and its D, from the JSON the script prints. */
    JsonNode kstest(Path samples, String family, double param, int repeats) throws IOException {
        String out = run(List.of(python, script.toString(), samples.toString(), family, Double.toString(param),
                Integer.toString(repeats)), 3600).orElseThrow(() -> new IOException("scipy kstest failed"));
        return new ObjectMapper().readTree(out);
    }

    private static Optional<String> run(List<String> cmd, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
