package dev.initcheck.thirdparty.neuroph;

import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.DOCUMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.IMPLEMENTATION;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.thirdparty.ThirdPartyCase;
import dev.initcheck.thirdparty.ThirdPartyCase.Basis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuroph.util.random.GaussianRandomizer;
import org.neuroph.util.random.NguyenWidrowRandomizer;
import org.neuroph.util.random.RangeRandomizer;

/**
 * The Neuroph 2.92 rows ({@code org.beykery:neuroph:2.92}, Apache-2.0, a fork of Neuroph 2.92 published on Maven
 * Central) of the third-party matrix: the randomizers of {@code org.neuroph.util.random} on the first hidden layer
 * of a {@code MultiLayerPerceptron} (see {@link NeurophDense}).
 *
 * <p>Shapes: weights {@code [hidden, in] = [128, 512]} (n = 65,536), biases of a 16-input layer with 4,096 hidden
 * units (n = 4,096).
 *
 * <p>Nguyen–Widrow: the class Javadoc names the technique ("NguyenWidrow randmization technique [...] Based on
 * NguyenWidrowRandomizer from Encog"), so the law is the paper's (Nguyen and Widrow, IJCNN 1990): each hidden
 * unit's weight vector of norm beta = 0.7 H^(1/n) (H hidden units, n inputs), biases U(-beta, beta); a vector of
 * norm beta has entry sd beta/sqrt(n), held here (as for Encog) as its large-n marginal U(±beta·sqrt(3/n)).
 */
public final class NeurophCases {
    static final String LIBRARY = "org.beykery:neuroph";
    static final String VERSION = "2.92";
    static final Shape WEIGHTS = Shape.of(128, 512);
    static final int BIAS_INPUTS = 16;
    static final Shape BIASES = Shape.of(4096);
    static final String NW_EVIDENCE = "NguyenWidrowRandomizer.java:47 `double beta = 0.7 *"
            + " Math.pow(hiddenNeuronsCount, 1.0 / inputNeuronsCount);` then, for every layer, line 56"
            + " `norm += weight * weight;` over all input connections of all neurons of the layer and line 65"
            + " `weight = beta * weight / norm;`: the whole layer (bias weights included, output layer too) is"
            + " scaled to Frobenius norm beta, so each unit's vector has norm about beta/sqrt(units), not beta;"
            + " hiddenNeuronsCount (line 44) also counts each hidden layer's BiasNeuron";

    private NeurophCases() {
    }

    public static List<ThirdPartyCase> all() {
        List<ThirdPartyCase> out = new ArrayList<>();
        String range = "RangeRandomizer Javadoc: \"randomize weights in specified [min, max] range\"; constructor:"
                + " \"newValue = min + random * (max - min)\"";
        out.add(row("RangeRandomizer(-0.5, 0.5)", "weights", range, DOCUMENTATION, "uniform(min=-0.5,max=0.5)",
                WEIGHTS, NeurophDense.weights(() -> new RangeRandomizer(-0.5, 0.5))));
        out.add(row("RangeRandomizer(-0.5, 0.5)", "biases", range, DOCUMENTATION, "uniform(min=-0.5,max=0.5)",
                BIASES, NeurophDense.biases(() -> new RangeRandomizer(-0.5, 0.5), BIAS_INPUTS)));
        String gauss = "GaussianRandomizer Javadoc: \"Gaussian randomization technique using Box Muller method\";"
                + " `GaussianRandomizer(double mean, double standardDeviation)`";
        out.add(row("GaussianRandomizer(0, 1)", "weights", gauss, DOCUMENTATION, "normal(stddev=1,mean=0)",
                WEIGHTS, NeurophDense.weights(() -> new GaussianRandomizer(0, 1))));
        out.add(row("GaussianRandomizer(0, 1)", "biases", gauss, DOCUMENTATION, "normal(stddev=1,mean=0)",
                BIASES, NeurophDense.biases(() -> new GaussianRandomizer(0, 1), BIAS_INPUTS)));
        out.add(row("NeuralNetwork.randomizeWeights(Random)", "weights", "Javadoc: \"Randomizes connection weights"
                + " for the whole network using specified random generator\" (no law); code:"
                + " WeightsRandomizer.java:104 `setValue(nextRandomWeight())` = `randomGenerator.nextDouble()`, the"
                + " 1/sqrt(inputs) coefficient of line 100 unused (line 103 commented out)", IMPLEMENTATION,
                "uniform(min=0,max=1)", WEIGHTS, NeurophDense.weightsByRandom()));
        nguyenWidrow(out);
        return out;
    }

    private static void nguyenWidrow(List<ThirdPartyCase> out) {
        String doc = "NguyenWidrowRandomizer Javadoc: \"NguyenWidrow randmization technique [...] Based on"
                + " NguyenWidrowRandomizer from Encog\" (Nguyen & Widrow 1990: each hidden unit's weight vector of"
                + " norm beta = 0.7 H^(1/n); biases U(±beta))";
        double betaW = docBeta(WEIGHTS.dim(0), WEIGHTS.dim(1));
        out.add(row("NguyenWidrowRandomizer(-1, 1)", "weights", doc + "; entry marginal U(±beta·sqrt(3/n))",
                DOCUMENTATION, uniformLimit(betaW * Math.sqrt(3.0 / WEIGHTS.dim(1))), WEIGHTS,
                NeurophDense.weights(() -> new NguyenWidrowRandomizer(-1, 1)))
                .withFinding(NW_EVIDENCE, "endpoint", "second_moment", "ks"));
        double betaB = docBeta(BIASES.dim(0), BIAS_INPUTS);
        out.add(row("NguyenWidrowRandomizer(-1, 1)", "biases", doc, DOCUMENTATION, uniformLimit(betaB), BIASES,
                NeurophDense.biases(() -> new NguyenWidrowRandomizer(-1, 1), BIAS_INPUTS))
                .withFinding(NW_EVIDENCE, "endpoint", "second_moment", "ks"));
    }

    /** Nguyen and Widrow's beta = 0.7 H^(1/n) for H hidden units and n inputs. */
    static double docBeta(long hidden, long inputs) {
        return 0.7 * Math.pow(hidden, 1.0 / inputs);
    }

    /** Neuroph's beta: H counts the hidden layer's {@code BiasNeuron} as well (NguyenWidrowRandomizer.java:44). */
    static double codeBeta(long hidden, long inputs) {
        return 0.7 * Math.pow(hidden + 1, 1.0 / inputs);
    }

    private static ThirdPartyCase row(String initializer, String tensor, String documented, Basis basis,
                                      String scheme, Shape shape, Initializer adapter) {
        return new ThirdPartyCase(LIBRARY, VERSION, initializer, tensor, documented, basis, scheme, shape,
                Layout.PYTORCH, "float64", adapter, null);
    }

    static String uniformLimit(double limit) {
        return String.format(Locale.ROOT, "uniform(limit=%.17g)", limit);
    }
}
