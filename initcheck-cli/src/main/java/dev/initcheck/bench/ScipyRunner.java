package dev.initcheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs scipy.stats.kstest on the same samples, and a kstest loop over a checkpoint, through a Python interpreter that
 * has scipy, when there is one. The scripts are resources written into the work directory.
 */
final class ScipyRunner {
    static final String CHECKPOINT_SCRIPT = "scipy_checkpoint.py";
    private final String python;
    private final Path script;
    private final Path checkpointScript;

    private ScipyRunner(String python, Path script, Path checkpointScript) {
        this.python = python;
        this.script = script;
        this.checkpointScript = checkpointScript;
    }

    /** The first of {@code candidates} that imports scipy, or empty. */
    static Optional<ScipyRunner> find(List<String> candidates, Path workDir) throws IOException {
        Path script = resource(workDir, "scipy_kstest.py");
        Path checkpointScript = resource(workDir, CHECKPOINT_SCRIPT);
        for (String p : candidates) {
            if (run(List.of(p, "-c", "import scipy.stats, numpy"), 60).isPresent()) {
                return Optional.of(new ScipyRunner(p, script, checkpointScript));
            }
        }
        return Optional.empty();
    }

    private static Path resource(Path workDir, String name) throws IOException {
        Path file = workDir.resolve(name);
        try (InputStream in = ScipyRunner.class.getResourceAsStream(name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    String python() {
        return python;
    }

    /** scipy's version, or null if the interpreter cannot tell. */
    String version() {
        return run(List.of(python, "-c", "import scipy; print(scipy.__version__)"), 60).orElse(null);
    }

    /** The command of the checkpoint loop: {@code python scipy_checkpoint.py MODEL REPEATS --rule P=LAW ...}. */
    List<String> checkpointCommand(Path model, List<String> rules, int repeats) {
        List<String> cmd = new ArrayList<>(List.of(python, checkpointScript.toString(), model.toString(),
                Integer.toString(repeats)));
        for (String r : rules) {
            cmd.add("--rule");
            cmd.add(r);
        }
        return cmd;
    }

    /** Timings and counts of the checkpoint loop, from the JSON the script prints. */
    JsonNode checkpoint(Path model, List<String> rules, int repeats) throws IOException {
        List<String> cmd = checkpointCommand(model, rules, repeats);
        String out = run(cmd, 6 * 3600).orElseThrow(() -> new IOException("scipy checkpoint loop failed: "
                + String.join(" ", cmd)));
        return new ObjectMapper().readTree(out);
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
