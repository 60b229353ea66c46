package dev.initcheck.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --format text|json}, checked when the command line is parsed. */
final class FormatOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private OutputFormat format;

    @Option(names = "--format", defaultValue = "text", paramLabel = "F",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    void set(String f) {
        try {
            format = OutputFormat.parse(f);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--format must be text or json, got '" + f + "'");
        }
    }

    OutputFormat value() {
        return format;
    }
}
