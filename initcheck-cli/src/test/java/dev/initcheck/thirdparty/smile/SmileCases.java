package dev.initcheck.thirdparty.smile;

import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.IMPLEMENTATION;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.thirdparty.ThirdPartyCase;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import smile.classification.NeuralNetwork;
import smile.classification.NeuralNetwork.ActivationFunction;
import smile.classification.NeuralNetwork.ErrorFunction;

/**
 * A conforming control: SMILE 1.5.3's multilayer perceptron ({@code com.github.haifengl:smile-core:1.5.3}, the last
 * Apache-2.0 release; 2.x is LGPL-3.0, 3.x and later GPL-3.0). Its Javadoc states no initialisation law; the
 * constructor {@code NeuralNetwork(ErrorFunction, ActivationFunction, int... numUnits)} (NeuralNetwork.java:476-486)
 * fills {@code net[l].weight = new double[numUnits[l]][numUnits[l - 1] + 1]} — rows = units of layer l, the last
 * column the bias — with {@code Math.random(-r, r)}, {@code r = 1.0 / Math.sqrt(net[l - 1].units)}: weights and
 * biases U(±1/sqrt(fan_in)), as PyTorch's {@code nn.Linear}. The rows are held to that code reading.
 *
 * <p>Randomness: {@code smile.math.Math.random(lo, hi)} draws from a thread-local {@code smile.math.Random}
 * (Marsaglia's universal generator); the adapter seeds it with {@code smile.math.Math.setSeed(rng.nextLong())} on
 * the calling thread just before the constructor. SMILE's generator, not ours, makes the values.
 */
public final class SmileCases {
    static final String LIBRARY = "com.github.haifengl:smile-core";
    static final String VERSION = "1.5.3";
    static final Shape WEIGHTS = Shape.of(128, 512);
    static final int BIAS_INPUTS = 16;
    static final Shape BIASES = Shape.of(4096);

    private SmileCases() {
    }

    public static List<ThirdPartyCase> all() {
        String code = "no Javadoc on the law; code: NeuralNetwork.java:480 `double r = 1.0 / Math.sqrt(net[l -"
                + " 1].units);` and :483 `net[l].weight[i][j] = Math.random(-r, r);` (bias column included)";
        return List.of(
                row("NeuralNetwork(LEAST_MEAN_SQUARES, LINEAR, 512, 128)", "weights", code,
                        uniformLimit(1 / Math.sqrt(WEIGHTS.dim(1))), WEIGHTS, weights()),
                row("NeuralNetwork(LEAST_MEAN_SQUARES, LINEAR, 16, 4096)", "biases", code,
                        uniformLimit(1 / Math.sqrt(BIAS_INPUTS)), BIASES, biases()));
    }

    /** Layer 1 weights {@code [out, in]} without the bias column. */
    public static Initializer weights() {
        return (shape, rng) -> {
            if (shape.rank() != 2) {
                throw new IllegalArgumentException("a SMILE weight has shape [out, in], got " + shape);
            }
            int out = Math.toIntExact(shape.dim(0));
            int in = Math.toIntExact(shape.dim(1));
            double[][] w = network(in, out, rng).getWeight(1);
            double[] c = new double[out * in];
            for (int i = 0; i < out; i++) {
                System.arraycopy(w[i], 0, c, i * in, in);
            }
            return c;
        };
    }

    /** Layer 1 biases {@code [out]}: the last column of {@code getWeight(1)}. */
    public static Initializer biases() {
        return (shape, rng) -> {
            if (shape.rank() != 1) {
                throw new IllegalArgumentException("a bias vector has shape [out], got " + shape);
            }
            int out = Math.toIntExact(shape.dim(0));
            double[][] w = network(BIAS_INPUTS, out, rng).getWeight(1);
            double[] b = new double[out];
            for (int i = 0; i < out; i++) {
                b[i] = w[i][BIAS_INPUTS];
            }
            return b;
        };
    }

    static NeuralNetwork network(int in, int out, UniformRandomProvider rng) {
        smile.math.Math.setSeed(rng.nextLong());
        return new NeuralNetwork(ErrorFunction.LEAST_MEAN_SQUARES, ActivationFunction.LINEAR, in, out);
    }

    private static ThirdPartyCase row(String init, String tensor, String documented, String scheme, Shape shape,
                                      Initializer adapter) {
        return new ThirdPartyCase(LIBRARY, VERSION, init, tensor, documented, IMPLEMENTATION, scheme, shape,
                Layout.PYTORCH, "float64", adapter, null);
    }

    static String uniformLimit(double limit) {
        return String.format(Locale.ROOT, "uniform(limit=%.17g)", limit);
    }
}
