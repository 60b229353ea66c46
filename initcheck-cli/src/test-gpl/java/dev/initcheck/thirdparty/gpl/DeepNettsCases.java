package dev.initcheck.thirdparty.gpl;

import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.DOCUMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.IMPLEMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.NAME;

import deepnetts.net.ConvolutionalNetwork;
import deepnetts.net.FeedForwardNetwork;
import deepnetts.net.layers.ConvolutionalLayer;
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
 *
 * <p>{@code ConvolutionalLayer.init()} fills each output channel's filter {@code new Tensor(filterHeight,
 * filterWidth, filterDepth)} (stored {@code [depth, rows, cols]}) with {@code RandomWeights.uniform(filter,
 * inputCount)}, {@code inputCount = (filterWidth * filterHeight + 1) * filterDepth} (ConvolutionalLayer.java:161,
 * 165); the channels' filters concatenated are {@code [out, in, kh, kw]}, PyTorch layout. The rows use a
 * 3x3 layer 128 -> 128 channels on a 4x4 input: 147,456 weights.
 */
public final class DeepNettsCases {
    static final String LIBRARY = "com.deepnetts:deepnetts-core";
    static final String VERSION = "1.13.2";
    static final Shape DENSE = Shape.of(512, 128);
    static final Shape VECTOR = Shape.of(4096);
    /** {@code [out, in, kh, kw]}: 3x3 kernels, 128 input channels, 128 output channels. */
    static final Shape CONV = Shape.of(128, 128, 3, 3);

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
                        }),
                convRow("uniform: RandomWeights.uniform Javadoc: \"Uniform U[-a,a] where a=1/sqrt(in)\","
                        + " numInputs: \"number of inputs, a size of the previous layer\" (RandomWeights.java:65,"
                        + " 68); a unit of a 3x3 filter over 128 channels has 3*3*128 = 1152 inputs", DOCUMENTATION,
                        "torch.linear_default")
                        .withFinding("ConvolutionalLayer.java:161 `int inputCount = (filterWidth * filterHeight + 1)"
                                + " * filterDepth;` then line 165 `RandomWeights.uniform(filters[ch].getValues(),"
                                + " inputCount);`: one bias counted per input channel, (9 + 1) * 128 = 1280 instead"
                                + " of 1152; bound and sd x sqrt(9/10) = 0.9487 for any 3x3 layer", "second_moment",
                                "ks"),
                convRow("code: uniform(w, (fw*fh + 1)*depth) = U(±1/sqrt(1280))", IMPLEMENTATION,
                        String.format(Locale.ROOT, "uniform(limit=%.17g)", 1 / Math.sqrt((3 * 3 + 1) * 128))));
    }

    private static ThirdPartyCase convRow(String documented, Basis basis, String scheme) {
        return new ThirdPartyCase(LIBRARY, VERSION, "ConvolutionalLayer(3x3, 128, RELU) after 128 channels",
                "filters", documented, basis, scheme, CONV, Layout.PYTORCH, "float32", conv(), null);
    }

    /**
     * The filters of the convolutional layer of {@code input 4x4xC_in -> conv kxk, C_out (ReLU) -> output 10}, for
     * a shape {@code [C_out, C_in, k, k]}: channel {@code ch}'s filter values ({@code [in, kh, kw]}) in order.
     */
    static Initializer conv() {
        return (shape, rng) -> {
            if (shape.rank() != 4 || shape.dim(2) != shape.dim(3)) {
                throw new IllegalArgumentException("a Deep Netts filter bank has shape [out, in, k, k], got " + shape);
            }
            int out = Math.toIntExact(shape.dim(0));
            int k = Math.toIntExact(shape.dim(2));
            ConvolutionalNetwork net = ConvolutionalNetwork.builder().randomSeed(rng.nextLong())
                    .addInputLayer(4, 4, Math.toIntExact(shape.dim(1)))
                    .addConvolutionalLayer(k, out, ActivationType.RELU)
                    .addOutputLayer(10, ActivationType.SOFTMAX).lossFunction(LossType.CROSS_ENTROPY).build();
            var filters = ((ConvolutionalLayer) net.getLayers().get(1)).getFilters();
            double[] w = new double[Math.toIntExact(shape.size())];
            int at = 0;
            for (var f : filters) {
                for (float v : f.getValues()) {
                    w[at++] = v;
                }
            }
            if (at != w.length || filters.length != out) {
                throw new IllegalStateException("Deep Netts filters hold " + at + " values for " + shape);
            }
            return w;
        };
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
