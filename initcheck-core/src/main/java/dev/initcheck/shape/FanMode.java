package dev.initcheck.shape;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which fan a variance-scaling initializer divides by: fan_in, fan_out, or their average (Glorot), as Keras'
 * {@code VarianceScaling(mode=...)} and PyTorch's {@code kaiming_*(mode=...)}. {@link Fans#fan(FanMode)} gives the
 * number.
 */
public enum FanMode {
    /** fan_in: inputs feeding one output unit, in·rf (forward variance preserved). */
    FAN_IN,
    /** fan_out: outputs fed by one input unit, out·rf (backward variance preserved). */
    FAN_OUT,
    /** (fan_in + fan_out) / 2 (Glorot and Bengio 2010; Keras {@code mode="fan_avg"}). */
    FAN_AVG;

    /**
     * The spelling used in the scheme grammar and on the command line.
     *
     * @return {@code fan_in}, {@code fan_out} or {@code fan_avg}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Looks a mode up by its {@link #id()}, ignoring case and surrounding whitespace.
     *
     * @param text {@code fan_in}, {@code fan_out} or {@code fan_avg}
     * @return the mode
     * @throws IllegalArgumentException for any other text; the message lists the valid choices
     */
    public static FanMode parse(String text) {
        for (FanMode m : values()) {
            if (m.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "' (valid: "
                + Arrays.stream(values()).map(FanMode::id).collect(Collectors.joining(", ")) + ")");
    }
}
