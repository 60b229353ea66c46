package dev.initcheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code initcheck} command. Exit codes: 0 conforms, 1 does not conform, 2 bad input or usage.
 * Errors are one line on stderr, never a stack trace. Without a command it prints the usage to stderr and exits 2;
 * {@code initcheck help [COMMAND]} prints the usage of a command.
 */
@Command(name = "initcheck", mixinStandardHelpOptions = true, version = "initcheck 0.1.0",
        description = "Certifies neural-network weight initializers against their mathematics.",
        subcommands = {ListCommand.class, CheckCommand.class, PropagateCommand.class, TrainCommand.class, BenchCommand.class,
                CalibrateCommand.class, SuiteCommand.class, IdentifyCommand.class, AuditCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_NONCONFORMANT = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command given: a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_BAD_INPUT;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; returns the exit code (testable without exiting). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return execute(commandLine(out, err), args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(new Main(), "initcheck", out, err, t -> t);
    }

    /**
     * A command line with the house's exit codes and error lines: a usage error or a failure is one line
     * {@code program: message} on {@code err} and exit 2 (exit 1 stays "does not conform"). {@code explain} picks the
     * throwable whose message names the problem (e.g. the cause a cluster wrapped).
     */
    public static CommandLine configure(Object command, String program, PrintWriter out, PrintWriter err,
                                        UnaryOperator<Throwable> explain) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(t -> EXIT_BAD_INPUT);
        cl.setParameterExceptionHandler((ex, a) -> {
            String message = ex.getMessage() == null ? "" : ex.getMessage().lines().findFirst().orElse("");
            ex.getCommandLine().getErr().println(program + ": " + message + " (usage: '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            c.getErr().println(program + ": " + Errors.oneLine(explain.apply(ex)));
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    /** Executes {@code cl} on {@code args}, flushes both streams, returns the exit code. */
    public static int execute(CommandLine cl, String... args) {
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }
}
