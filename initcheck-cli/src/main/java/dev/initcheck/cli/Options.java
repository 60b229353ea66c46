package dev.initcheck.cli;

import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Validation of numeric options at the command line: each message names the option, shows the value the user gave
 * and states the valid range, so a bad value never reaches the statistics (whose own messages cannot name it).
 */
final class Options {
    private Options() {
    }

    /** A probability strictly between 0 and 1 (also rejects NaN). */
    static double probability(CommandLine cl, String option, double value) {
        if (!(value > 0 && value < 1)) {
            throw new ParameterException(cl, option + " must be in (0, 1), got " + show(value));
        }
        return value;
    }

    /** A whole number at least {@code min}. */
    static long atLeast(CommandLine cl, String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(cl, String.format(Locale.ROOT, "%s must be >= %d, got %d", option, min,
                    value));
        }
        return value;
    }

    /** A double as the user would have written it: {@code 0}, {@code 0.25}, {@code 1.0E-6}, {@code NaN}. */
    static String show(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** {@code --ks auto|exact|streaming}, letter case ignored. */
    static dev.initcheck.app.TensorCheck.KsMode ksMode(CommandLine cl, String value) {
        for (dev.initcheck.app.TensorCheck.KsMode m : dev.initcheck.app.TensorCheck.KsMode.values()) {
            if (m.name().equalsIgnoreCase(value.strip())) {
                return m;
            }
        }
        throw new CommandLine.ParameterException(cl, "--ks must be auto, exact or streaming, got '" + value + "'");
    }
}
