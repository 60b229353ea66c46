package dev.initcheck.thirdparty.gpl;

import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.DOCUMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.IMPLEMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.NAME;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.thirdparty.ProviderRandom;
import dev.initcheck.thirdparty.ThirdPartyCase;
import dev.initcheck.thirdparty.ThirdPartyCase.Basis;
import java.util.List;
import java.util.Locale;
import jsat.classifiers.neuralnetwork.BackPropagationNet.WeightInitialization;
import jsat.classifiers.neuralnetwork.initializers.BiastInitializer;
import jsat.classifiers.neuralnetwork.initializers.ConstantInit;
import jsat.classifiers.neuralnetwork.initializers.GaussianNormalInit;
import jsat.classifiers.neuralnetwork.initializers.TanhInitializer;
import jsat.classifiers.neuralnetwork.initializers.WeightInitializer;
import jsat.linear.DenseMatrix;
import jsat.linear.DenseVector;

/**
 * The JSAT 0.0.9 rows ({@code com.edwardraff:JSAT:0.0.9}, GPL-3.0: only with {@code -Pgpl}; sources: tag 0.0.9 of
 * github.com/EdwardRaff/JSAT, file paths below relative to {@code JSAT/src/jsat/classifiers/neuralnetwork/}).
 *
 * <p>{@code SGDNetworkTrainer} builds each layer's weights as {@code new DenseMatrix(layerSizes[l],
 * layerSizes[l-1])} ({@code [out, in]}, PyTorch layout; SGDNetworkTrainer.java:399) and calls
 * {@code weightInit.init(W, rand)} and {@code biasInit.init(b, layerSizes[l-1], rand)} (lines 400, 403); the
 * adapters call those public methods on a {@code [128, 512]} matrix (a {@code 512 -> 128} layer) or a bias vector
 * with fan-in 512. {@code BackPropagationNet} fills {@code W = new DenseMatrix(npl[i], in)} element by element with
 * {@code weightInitialization.getWeight(W.cols(), W.rows(), eta, rand)} in row-major order
 * (BackPropagationNet.java:781, 911-916); its {@code setUp} is private and draws from
 * {@code RandomUtil.getRandom()}, so that adapter makes the same public {@code getWeight} calls in the same order.
 *
 * <p>Randomness: every initializer takes a {@code java.util.Random}; it is a {@link ProviderRandom} over the
 * injected provider, so every draw comes from the recorded stream.
 */
public final class JsatCases {
    static final String LIBRARY = "com.edwardraff:JSAT";
    static final String VERSION = "0.0.9";
    /** {@code [out, in]} of a {@code 512 -> 128} layer. */
    static final Shape DENSE = Shape.of(128, 512);
    static final Shape BIASES = Shape.of(4096);
    static final int BIAS_FAN_IN = 512;

    private JsatCases() {
    }

    public static List<ThirdPartyCase> all() {
        return List.of(
                row("TanhInitializer", "weights", "initializers/TanhInitializer.java:8-15: \"samples the weights"
                        + " from an adjusted uniform distribution\"; \"See: Glorot, X., & Bengio, Y. (2010)\": the"
                        + " normalized initialization U(±sqrt(6/(fan_in+fan_out)))", DOCUMENTATION,
                        "glorot_uniform", DENSE, weights(new TanhInitializer())),
                row("TanhInitializer", "biases", "code (TanhInitializer.java:37): bias bound sqrt(6)/sqrt(len +"
                        + " fanIn), len 4096, fanIn 512", IMPLEMENTATION,
                        uniformLimit(Math.sqrt(6.0) / Math.sqrt(4096 + BIAS_FAN_IN)), BIASES,
                        biases(new TanhInitializer())),
                row("GaussianNormalInit(0.05)", "weights", "initializers/GaussianNormalInit.java:8-9, 20: \"sampling"
                        + " from the zero mean Gaussian\"; stndDev \"the standard deviation of the distribution to"
                        + " sample from\"", DOCUMENTATION, "normal(stddev=0.05)", DENSE,
                        weights(new GaussianNormalInit(0.05))),
                row("ConstantInit(0.1)", "biases", "initializers/ConstantInit.java:8, 19: \"initializes all bias"
                        + " values to a single constant value\"; c \"the constant to set all biases to\"",
                        DOCUMENTATION, "constant(value=0.1)", BIASES, biases(new ConstantInit(0.1))),
                row("BackPropagationNet TANH_NORMALIZED_INITIALIZATION", "weights", "name: Glorot & Bengio's"
                        + " \"normalized initialization\"; getWeight Javadoc (BackPropagationNet.java:302-303):"
                        + " inputSize \"also referred to as the fan_in\", layerSize \"the fan_out\"", NAME,
                        "glorot_uniform", DENSE, backProp(WeightInitialization.TANH_NORMALIZED_INITIALIZATION)),
                row("BackPropagationNet GUASSIAN", "weights", "code (BackPropagationNet.java:287):"
                        + " Normal.invcdf(u, 0, inputSize^-0.5) = N(0, 1/sqrt(512)); the constant has no Javadoc",
                        IMPLEMENTATION, String.format(Locale.ROOT, "normal(stddev=%.17g)", 1 / Math.sqrt(512)),
                        DENSE, backProp(WeightInitialization.GUASSIAN)),
                row("BackPropagationNet UNIFORM", "weights", "code (BackPropagationNet.java:279):"
                        + " rand.nextDouble()*1.4-0.7; the constant has no Javadoc", IMPLEMENTATION,
                        "uniform(min=-0.7,max=0.7)", DENSE, backProp(WeightInitialization.UNIFORM)));
    }

    /** {@code init.init(new DenseMatrix(out, in), rand)} for a shape {@code [out, in]}, in row-major order. */
    static Initializer weights(WeightInitializer init) {
        return (shape, rng) -> {
            DenseMatrix w = matrix(shape);
            init.init(w, new ProviderRandom(rng));
            return rowMajor(w);
        };
    }

    /** {@code init.init(new DenseVector(n), 512, rand)}. */
    static Initializer biases(BiastInitializer init) {
        return (shape, rng) -> {
            DenseVector b = new DenseVector(Math.toIntExact(shape.size()));
            init.init(b, BIAS_FAN_IN, new ProviderRandom(rng));
            return b.arrayCopy();
        };
    }

    /** {@code W.set(i, j, m.getWeight(W.cols(), W.rows(), eta, rand))} over {@code i}, then {@code j}. */
    static Initializer backProp(WeightInitialization m) {
        return (shape, rng) -> {
            DenseMatrix w = matrix(shape);
            ProviderRandom rand = new ProviderRandom(rng);
            for (int i = 0; i < w.rows(); i++) {
                for (int j = 0; j < w.cols(); j++) {
                    w.set(i, j, m.getWeight(w.cols(), w.rows(), 0.1, rand));
                }
            }
            return rowMajor(w);
        };
    }

    private static DenseMatrix matrix(Shape shape) {
        if (shape.rank() != 2) {
            throw new IllegalArgumentException("a JSAT weight matrix has shape [out, in], got " + shape);
        }
        return new DenseMatrix(Math.toIntExact(shape.dim(0)), Math.toIntExact(shape.dim(1)));
    }

    private static double[] rowMajor(DenseMatrix w) {
        double[] out = new double[w.rows() * w.cols()];
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.cols(); j++) {
                out[i * w.cols() + j] = w.get(i, j);
            }
        }
        return out;
    }

    static String uniformLimit(double limit) {
        return String.format(Locale.ROOT, "uniform(limit=%.17g)", limit);
    }

    private static ThirdPartyCase row(String init, String tensor, String documented, Basis basis, String scheme,
                                      Shape shape, Initializer adapter) {
        return new ThirdPartyCase(LIBRARY, VERSION, init, tensor, documented, basis, scheme, shape, Layout.PYTORCH,
                "float64", adapter, null);
    }
}
