package dev.initcheck.shape;

import java.util.Locale;

/**
 * fan_in, fan_out and the receptive field (product of the kernel dimensions) of a weight shape.
 * See {@link Layout} for the conventions.
 */
public record Fans(long fanIn, long fanOut, long receptiveField) {

    public Fans {
        if (fanIn < 1 || fanOut < 1 || receptiveField < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fans must be >= 1, got fan_in=%d fan_out=%d receptive_field=%d", fanIn, fanOut, receptiveField));
        }
    }

    /** The fans a framework computes for {@code shape} in {@code layout}. */
    public static Fans of(Shape shape, Layout layout) {
        int r = shape.rank();
        if (r == 1) {
            return new Fans(shape.dim(0), shape.dim(0), 1);
        }
        if (layout == Layout.PYTORCH) {
            long rf = shape.product(2, r);
            return new Fans(shape.dim(1) * rf, shape.dim(0) * rf, rf);
        }
        long rf = shape.product(0, r - 2);
        return new Fans(shape.dim(r - 2) * rf, shape.dim(r - 1) * rf, rf);
    }

    /** Explicit fans, e.g. from {@code --fan-in/--fan-out}; the receptive field is then unknown (1). */
    public static Fans explicit(long fanIn, long fanOut) {
        return new Fans(fanIn, fanOut, 1);
    }

    /** Replaces whichever of the two fans is given (null keeps the computed one). */
    public Fans withOverrides(Long fanInOverride, Long fanOutOverride) {
        return new Fans(fanInOverride != null ? fanInOverride : fanIn,
                fanOutOverride != null ? fanOutOverride : fanOut, receptiveField);
    }

    public double fan(FanMode mode) {
        return switch (mode) {
            case FAN_IN -> fanIn;
            case FAN_OUT -> fanOut;
            case FAN_AVG -> (fanIn + fanOut) / 2.0;
        };
    }
}
