package dev.initcheck.spark;

import dev.initcheck.cli.Main;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code initcheck-spark}: the distributed audit. On a cluster,
 * {@code spark-submit --class dev.initcheck.spark.SparkMain initcheck-spark.jar audit PATH --policy P}; on one
 * machine, {@code java -jar initcheck-spark/target/initcheck-spark-all.jar audit PATH} (Spark inside, local[2],
 * the JDK 17 module openings Spark needs declared in the jar's manifest). Exit codes as {@code initcheck}: 0
 * conforms, 1 does not conform, 2 bad input (one line on stderr, naming the file).
 */
@Command(name = "initcheck-spark", mixinStandardHelpOptions = true, version = "initcheck-spark 0.1.0",
        description = "The audit of initcheck, with the tensors' summaries computed by a Spark job.",
        subcommands = {SparkAuditCommand.class, CommandLine.HelpCommand.class})
public final class SparkMain implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_BAD_INPUT;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return Main.execute(Main.configure(new SparkMain(), "initcheck-spark", out, err, SparkMain::rootCause), args);
    }

    /**
     * The failure to report: a task's failure reaches the driver wrapped in Spark's exceptions, whose messages
     * carry the executor's stack trace; the innermost exception that names the problem is the one to show.
     */
    static Throwable rootCause(Throwable t) {
        String name = t.getClass().getName();
        if (name.startsWith("org.apache.spark.") && t.getMessage() != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:java\\.io\\.\\w*Exception: )+([^\\n]+)")
                    .matcher(t.getMessage());
            if (m.find()) {
                return new java.io.IOException(m.group(1));
            }
        }
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c
                && (c instanceof java.io.UncheckedIOException || c.getClass().getName().startsWith("org.apache.spark"))) {
            c = c.getCause();
        }
        return c;
    }
}
