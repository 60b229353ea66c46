package dev.initcheck.shape;

import java.util.Locale;

/**
 * fan_in, fan_out and the receptive field (product of the kernel dimensions) of a weight shape.
 * See {@link Layout} for the conventions.
 *
 * @param fanIn fan_in = in·rf, at least 1
 * @param fanOut fan_out = out·rf, at least 1
 * @param receptiveField rf = prod(kernel), 1 for a dense layer or when the fans were given explicitly
 */
public record Fans(long fanIn, long fanOut, long receptiveField) {

    /**
     * Fans as given.
     *
     * @param fanIn fan_in, at least 1
     * @param fanOut fan_out, at least 1
     * @param receptiveField rf, at least 1
     * @throws IllegalArgumentException when any of the three is below 1
     */
    public Fans {
        if (fanIn < 1 || fanOut < 1 || receptiveField < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fans must be >= 1, got fan_in=%d fan_out=%d receptive_field=%d", fanIn, fanOut, receptiveField));
        }
    }

    /**
     * The fans a framework computes for a shape: with rf = prod(kernel), PyTorch {@code [out, in, *k]} gives
     * fan_in = shape[1]·rf, fan_out = shape[0]·rf; Keras {@code [*k, in, out]} gives fan_in = shape[-2]·rf,
     * fan_out = shape[-1]·rf; a rank-1 shape [n] gives fan_in = fan_out = n, rf = 1, in both layouts.
     *
     * @param shape the weight shape (rank 1 to 5)
     * @param layout where the input and output channels sit
     * @return fan_in, fan_out and rf
     */
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

    /**
     * Explicit fans, e.g. from {@code --fan-in/--fan-out} for a transposed convolution; the receptive field is then
     * unknown (1).
     *
     * @param fanIn fan_in, at least 1
     * @param fanOut fan_out, at least 1
     * @return the fans with rf = 1
     * @throws IllegalArgumentException when a fan is below 1
     */
    public static Fans explicit(long fanIn, long fanOut) {
        return new Fans(fanIn, fanOut, 1);
    }

    /**
     * Replaces whichever of the two fans is given; the receptive field is kept.
     *
     * @param fanInOverride the new fan_in (at least 1), or null to keep this one
     * @param fanOutOverride the new fan_out (at least 1), or null to keep this one
     * @return the fans with the overrides applied
     * @throws IllegalArgumentException when an override is below 1
     */
    public Fans withOverrides(Long fanInOverride, Long fanOutOverride) {
        return new Fans(fanInOverride != null ? fanInOverride : fanIn,
                fanOutOverride != null ? fanOutOverride : fanOut, receptiveField);
    }

    /**
     * The fan a variance-scaling scheme divides by.
     *
     * @param mode which fan
     * @return fan_in, fan_out, or (fan_in + fan_out) / 2 for {@link FanMode#FAN_AVG} (hence a double)
     */
    public double fan(FanMode mode) {
        return switch (mode) {
            case FAN_IN -> fanIn;
            case FAN_OUT -> fanOut;
            case FAN_AVG -> (fanIn + fanOut) / 2.0;
        };
    }
}
