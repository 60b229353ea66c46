package dev.initcheck.propagation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The activation functions the propagation theory and measurements cover, with their derivatives.
 *
 * <ul>
 *   <li>{@link #LEAKY_RELU}: slope {@value #LEAKY_SLOPE} for negative inputs (PyTorch's default).</li>
 *   <li>{@link #SELU}: {@code λ·y} for y &gt; 0, {@code λ·α·(e^y − 1)} otherwise, with the constants of
 *       Klambauer et al., "Self-Normalizing Neural Networks" (2017), as in {@code torch.nn.SELU}.</li>
 *   <li>Derivatives at the kink y = 0 follow PyTorch's autograd: relu'(0) = 0, leaky_relu'(0) = slope,
 *       selu'(0) = λ·α. The kink has probability zero under a continuous pre-activation law.</li>
 * </ul>
 *
 * <p><b>Saturation.</b> Only the bounded activations saturate: a unit counts as saturated when its output is
 * within {@value #SATURATION_MARGIN} of a bound of its range, {@code |tanh(y)| > 0.99} or
 * {@code |σ(y) − 0.5| > 0.49}; equivalently
 * {@code |y| > atanh(0.99) = ln(199)/2 ≈ 2.6467} for tanh and {@code |y| > ln(99) ≈ 4.5951} for the sigmoid.
 * The saturated fraction of every other activation is 0 by definition.
 */
public enum Activation {
    LINEAR, TANH, SIGMOID, RELU, LEAKY_RELU, SELU;

    /** Negative-side slope of {@link #LEAKY_RELU} (PyTorch {@code negative_slope} default). */
    static final double LEAKY_SLOPE = 0.01;
    /** SELU α (Klambauer et al. 2017; {@code torch.nn.SELU}). */
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    /** SELU λ, the scale (Klambauer et al. 2017; {@code torch.nn.SELU}). */
    static final double SELU_LAMBDA = 1.0507009873554804934193349852946;
    /** A bounded activation is saturated when its output is within this distance of a bound. */
    static final double SATURATION_MARGIN = 0.01;

    /** Lower-case name used on the command line and in reports: {@code tanh}, {@code leaky_relu}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive lookup of {@link #id()}; the error lists the valid choices. */
    public static Activation parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Activation a : values()) {
            if (a.id().equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + text + "' (valid: " + choices() + ")");
    }

    /** Comma-separated {@link #id()}s. */
    static String choices() {
        return Arrays.stream(values()).map(Activation::id).collect(Collectors.joining(", "));
    }

    /** f(y). */
    double apply(double y) {
        return switch (this) {
            case LINEAR -> y;
            case TANH -> Math.tanh(y);
            case SIGMOID -> 1 / (1 + Math.exp(-y));
            case RELU -> y > 0 ? y : 0;
            case LEAKY_RELU -> y > 0 ? y : LEAKY_SLOPE * y;
            case SELU -> y > 0 ? SELU_LAMBDA * y : SELU_LAMBDA * SELU_ALPHA * Math.expm1(y);
        };
    }

    /** f'(y), with PyTorch's value at the kink. */
    double derivative(double y) {
        return switch (this) {
            case LINEAR -> 1;
            case TANH -> {
                double t = Math.tanh(y);
                yield 1 - t * t;
            }
            case SIGMOID -> {
                double s = 1 / (1 + Math.exp(-y));
                yield s * (1 - s);
            }
            case RELU -> y > 0 ? 1 : 0;
            case LEAKY_RELU -> y > 0 ? 1 : LEAKY_SLOPE;
            case SELU -> y > 0 ? SELU_LAMBDA : SELU_LAMBDA * SELU_ALPHA * Math.exp(y);
        };
    }

    /** Whether the activation is bounded and so can saturate (tanh, sigmoid). */
    boolean saturates() {
        return this == TANH || this == SIGMOID;
    }

    /**
     * The |y| beyond which a unit is saturated: atanh(0.99) for tanh, logit(0.99) = ln(99) for the sigmoid,
     * positive infinity for the activations that do not saturate.
     */
    double saturationThreshold() {
        return switch (this) {
            case TANH -> 0.5 * Math.log((2 - SATURATION_MARGIN) / SATURATION_MARGIN);
            case SIGMOID -> Math.log((1 - SATURATION_MARGIN) / SATURATION_MARGIN);
            default -> Double.POSITIVE_INFINITY;
        };
    }

    /** {@code |tanh(y)| > 0.99}, {@code |σ(y) − 0.5| > 0.49}; false for the other activations. */
    boolean isSaturated(double y) {
        return switch (this) {
            case TANH -> Math.abs(Math.tanh(y)) > 1 - SATURATION_MARGIN;
            case SIGMOID -> Math.abs(1 / (1 + Math.exp(-y)) - 0.5) > 0.5 - SATURATION_MARGIN;
            default -> false;
        };
    }

    /** Linear on each side of 0 (linear, relu, leaky_relu): E[f(√q·z)²] is exactly proportional to q. */
    boolean piecewiseLinear() {
        return this == LINEAR || this == RELU || this == LEAKY_RELU;
    }

    /** Analytic on the whole real line (no kink): plain Gauss–Hermite converges geometrically. */
    boolean analytic() {
        return this == LINEAR || this == TANH || this == SIGMOID;
    }
}
