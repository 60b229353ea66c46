package dev.initcheck.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures exit code, stdout and stderr (tests of every command). */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
