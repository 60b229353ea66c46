package dev.initcheck.scheme;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * PyTorch's {@code torch.nn.init.calculate_gain} table: linear, conv and sigmoid 1; tanh 5/3; relu sqrt(2);
 * leaky_relu sqrt(2/(1+slope^2)) (slope 0.01 when none is given); selu 3/4.
 */
enum Nonlinearity {
    LINEAR, CONV1D, CONV2D, CONV3D, CONV_TRANSPOSE1D, CONV_TRANSPOSE2D, CONV_TRANSPOSE3D,
    SIGMOID, TANH, RELU, LEAKY_RELU, SELU;

    /** Slope PyTorch uses for leaky_relu when no parameter is passed to calculate_gain. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Nonlinearity parse(String text) {
        for (Nonlinearity n : values()) {
            if (n.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return n;
            }
        }
        throw new SchemeException("unknown nonlinearity '" + text + "' (valid: " + choices() + ")");
    }

    static String choices() {
        return Arrays.stream(values()).map(Nonlinearity::id).collect(Collectors.joining(", "));
    }

    /** The recommended gain; {@code slope} is used by leaky_relu only. */
    public double gain(double slope) {
        return switch (this) {
            case TANH -> 5.0 / 3;
            case RELU -> Math.sqrt(2.0);
            case LEAKY_RELU -> Math.sqrt(2.0 / (1 + slope * slope));
            case SELU -> 0.75;
            default -> 1.0;
        };
    }
}
