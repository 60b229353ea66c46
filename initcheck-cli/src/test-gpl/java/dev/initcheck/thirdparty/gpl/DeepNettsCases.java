package dev.initcheck.thirdparty.gpl;

import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.DOCUMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.IMPLEMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.NAME;

import deepnetts.net.FeedForwardNetwork;
import deepnetts.net.layers.activation.ActivationType;
import deepnetts.net.loss.LossType;
import deepnetts.net.weights.RandomWeights;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.thirdparty.ThirdPartyCase;
import dev.initcheck.thirdparty.ThirdPartyCase.Basis;
import java.util.List;
import java.util.Locale;

/**
 * The Deep Netts 1.13.2 rows ({@code com.deepnetts:deepnetts-core:1.13.2}, GPL: only with {@code -Pgpl}): what
 * {@code FullyConnectedLayer.init()} calls for a dense layer {@code 512 -> 128} built by
 * {@code FeedForwardNetwork.builder()}, and {@code RandomWeights.randomize}. The weight tensor is
 * {@code new Tensor(prevLayer.width, width)}: {@code [in, out] = [512, 128]}, Keras layout, float32.
 *
 * <p>Randomness: {@code RandomWeights} draws from the singleton {@code RandomGenerator.getDefault()}, a
 * {@code java.util.Random} that {@code RandomWeights.initSeed(seed)} replaces; the seed is drawn from the provider.
 * Not run here: {@code ConvolutionalLayer}, which calls {@code RandomWeights.uniform(filter, (filterWidth *
 * filterHeight + 1) * filterDepth)} (ConvolutionalLayer.java:165, inputCount from line 160).
 */
public final class DeepNettsCases {
    static final String LIBRARY = "com.deepnetts:deepnetts-core";
    static final String VERSION = "1.13.2";
    static final Shape DENSE = Shape.of(512, 128);
    static final Shape VECTOR = Shape.of(4096);

    private DeepNettsCases() {
    }

    public static List<ThirdPartyCase> all() {
        Initializer relu = dense(ActivationType.RELU);
        return List.of(
                row("FullyConnectedLayer(128, RELU) after 512", "weights", "RandomWeights.he: no Javadoc; the name:"
                        + " He et al. 2015, N(0, sqrt(2/fan_in)), fan_in = 512", NAME,
                        "variance_scaling(scale=2,mode=fan_in,distribution=untruncated_normal)", DENSE, relu)
                        .withFinding("FullyConnectedLayer.java:114 `RandomWeights.he(weights.getValues(),"
                                + " outputs.size());` with `outputs = new Tensor(width)` (line 99): the layer's own"
                                + " width (fan_out) instead of the previous layer's (line 136, after a convolution,"
                                + " passes totalInputs); sd x sqrt(512/128) = 2 here", "second_moment", "ks"),
                row("FullyConnectedLayer(128, RELU) after 512", "weights", "code: he(w, width) = N(0,"
                        + " sqrt(2/fan_out))", IMPLEMENTATION, String.format(Locale.ROOT, "normal(stddev=%.17g)",
                        Math.sqrt(2.0 / 128)), DENSE, relu),
                row("FullyConnectedLayer(128, TANH) after 512", "weights", "RandomWeights.xavier Javadoc:"
                        + " \"Normalized uniform initialization U[-a,a] with a = sqrt(6/(in + out))\"", DOCUMENTATION,
                        "glorot_uniform", DENSE, dense(ActivationType.TANH)),
                row("RandomWeights.randomize(float[])", "values", "Javadoc: \"Fills the specified array with"
                        + " random numbers in range [-0.5, 0.5]\"", DOCUMENTATION, "uniform(min=-0.5,max=0.5)", VECTOR,
                        (shape, rng) -> {
                            RandomWeights.initSeed(rng.nextLong());
                            float[] f = new float[Math.toIntExact(shape.size())];
                            RandomWeights.randomize(f);
                            return widen(f);
                        }));
    }

    /** The weights of the first hidden layer of {@code 512 -> 128 (activation) -> 10}. */
    static Initializer dense(ActivationType activation) {
        return (shape, rng) -> {
            if (shape.rank() != 2) {
                throw new IllegalArgumentException("a Deep Netts dense weight has shape [in, out], got " + shape);
            }
            FeedForwardNetwork net = FeedForwardNetwork.builder().randomSeed(rng.nextLong())
                    .addInputLayer(Math.toIntExact(shape.dim(0)))
                    .addFullyConnectedLayer(Math.toIntExact(shape.dim(1)), activation)
                    .addOutputLayer(10, ActivationType.SIGMOID).lossFunction(LossType.MEAN_SQUARED_ERROR).build();
            float[] w = net.getLayers().get(1).getWeights().getValues();
            if (w.length != shape.size()) {
                throw new IllegalStateException("Deep Netts weight has " + w.length + " values for " + shape);
            }
            return widen(w);
        };
    }

    private static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static ThirdPartyCase row(String init, String tensor, String documented, Basis basis, String scheme,
                                      Shape shape, Initializer adapter) {
        return new ThirdPartyCase(LIBRARY, VERSION, init, tensor, documented, basis, scheme, shape, Layout.KERAS,
                "float32", adapter, null);
    }
}
