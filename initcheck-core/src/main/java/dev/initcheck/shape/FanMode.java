package dev.initcheck.shape;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which fan a variance-scaling initializer divides by: fan_in, fan_out, or their average (Glorot). */
public enum FanMode {
    FAN_IN,
    FAN_OUT,
    FAN_AVG;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

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
