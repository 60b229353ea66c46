package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help and usage: {@code initcheck help [COMMAND]}, no command, the defaults and descriptions help shows. */
class HelpTest {
    @Test
    void helpListsTheCommandsAndHelpOfACommandShowsItsUsage() {
        CliRun r = CliRun.of("help");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Usage: initcheck", "check", "identify", "suite");
        CliRun check = CliRun.of("help", "check");
        assertThat(check.code()).isZero();
        assertThat(check.out()).startsWith("Usage: initcheck check").contains("--scheme");
    }

    @Test
    void noCommandIsAUsageErrorOnStderr() {
        CliRun r = CliRun.of();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Usage: initcheck").contains("check");
    }

    @Test
    void usageErrorsAreOneLineNamingTheCommandOnce() {
        CliRun r = CliRun.of("hlep");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("initcheck initcheck")
                .endsWith("(usage: 'initcheck --help')");
        assertThat(CliRun.of("check", "--bogus").err().strip()).endsWith("(usage: 'initcheck check --help')");
    }

    @Test
    void identifySaysAFileOfSeveralTensorsNeedsTensor() {
        String help = CliRun.of("identify", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--tensor=<tensor> The tensor to identify; required when a .npz/",
                "file holds more than one float tensor.").doesNotContain("default: every tensor");
        assertThat(CliRun.of("check", "--help").out().replaceAll("\\s+", " ")).contains("(default: every float tensor");
    }

    @Test
    void helpShowsTheDefaultsAndDescribesEveryOption() {
        assertThat(CliRun.of("check", "--help").out()).contains("(default: pytorch)", "(default: text)",
                "(default: 1e-6)");
        assertThat(CliRun.of("list", "--help").out()).contains("(default: pytorch)");
        assertThat(CliRun.of("bench", "--help").out().replaceAll("\\s+", " ")).contains("(default: 1000000,10000000)",
                "--seed=S Seed every random stream of the run derives from (default: 42)");
        assertThat(CliRun.of("calibrate", "--help").out().replaceAll("\\s+", " "))
                .contains("--seed=S Seed every run's stream derives from (default 20260101)");
        CommandLine cl = Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        for (CommandLine sub : cl.getSubcommands().values()) {
            for (CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                assertThat(o.description()).as(sub.getCommandName() + " " + o.longestName()).isNotEmpty();
            }
        }
    }

    /** The README's `suite` writes untracked files; `--out reports` refreshes the committed ones. */
    @Test
    void suiteWritesIntoTargetByDefault() {
        CommandLine cl = Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
        assertThat(cl.getSubcommands().get("suite").getCommandSpec().findOption("--out").defaultValue())
                .isEqualTo("target/reports");
    }
}
