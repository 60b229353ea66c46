package dev.initcheck.thirdparty.encog;

import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.DOCUMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.IMPLEMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.NAME;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.thirdparty.ThirdPartyCase;
import dev.initcheck.thirdparty.ThirdPartyCase.Basis;
import dev.initcheck.thirdparty.encog.EncogAdapters.SeedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.encog.engine.network.activation.ActivationLinear;
import org.encog.engine.network.activation.ActivationReLU;
import org.encog.engine.network.activation.ActivationSigmoid;
import org.encog.engine.network.activation.ActivationTANH;

/**
 * The Encog 3.4 rows of the third-party matrix: each randomizer on a dense layer pair, held first to what its
 * documentation declares and, where that fails, to the law its code implements (which must pass: it shows the
 * adapter and the reading of the source are right, and that the failure is the library's).
 *
 * <p>Shapes: weights {@code [out, in] = [128, 512]} (n = 65,536) and, for fan-dependent randomizers, the swapped
 * {@code [512, 128]}, which tells fan_in from fan_out; biases of a 16-input layer with 4,096 outputs (n = 4,096).
 */
public final class EncogCases {
    static final String LIBRARY = "org.encog:encog-core";
    static final String VERSION = "3.4";
    static final Shape WIDE = Shape.of(128, 512);
    static final Shape TALL = Shape.of(512, 128);
    static final int BIAS_INPUTS = 16;
    static final Shape BIASES = Shape.of(4096);

    private static final EncogDense LINEAR_TO_TANH = EncogDense.biased(ActivationLinear::new, ActivationTANH::new);
    private static final EncogDense LINEAR_TO_SIGMOID = EncogDense.biased(ActivationLinear::new,
            ActivationSigmoid::new);
    private static final EncogDense RELU_TO_TANH = EncogDense.biased(ActivationReLU::new, ActivationTANH::new);

    private EncogCases() {
    }

    public static List<ThirdPartyCase> all() {
        List<ThirdPartyCase> out = new ArrayList<>();
        range(out);
        gaussian(out);
        constant(out);
        consistent(out);
        fanIn(out);
        nguyenWidrow(out);
        xavier(out);
        return out;
    }

    private static ThirdPartyCase row(String initializer, String tensor, String documented, Basis basis,
                                      String scheme, Shape shape, Initializer adapter) {
        return new ThirdPartyCase(LIBRARY, VERSION, initializer, tensor, documented, basis, scheme, shape,
                Layout.PYTORCH, "float64", adapter, null);
    }

    private static void range(List<ThirdPartyCase> out) {
        var layer = EncogAdapters.range(LINEAR_TO_TANH, -0.5, 0.5);
        String doc = "\"random weight and bias values that are between a specified range\"";
        out.add(row("RangeRandomizer(-0.5, 0.5)", "weights", doc, DOCUMENTATION, "uniform(min=-0.5,max=0.5)",
                WIDE, layer.weights()));
        out.add(row("RangeRandomizer(-0.5, 0.5)", "biases", doc, DOCUMENTATION, "uniform(min=-0.5,max=0.5)",
                BIASES, layer.biases(BIAS_INPUTS)));
    }

    private static void gaussian(List<ThirdPartyCase> out) {
        var layer = EncogAdapters.gaussian(LINEAR_TO_TANH, 0, 1);
        String doc = "\"random numbers that fall within a Gaussian curve\" (mean, standard deviation; Box-Muller)";
        out.add(row("GaussianRandomizer(0, 1)", "weights", doc, DOCUMENTATION, "normal(stddev=1,mean=0)",
                WIDE, layer.weights()));
        out.add(row("GaussianRandomizer(0, 1)", "biases", doc, DOCUMENTATION, "normal(stddev=1,mean=0)",
                BIASES, layer.biases(BIAS_INPUTS)));
    }

    private static void constant(List<ThirdPartyCase> out) {
        var layer = EncogAdapters.constant(LINEAR_TO_TANH, 0.1);
        out.add(row("ConstRandomizer(0.1)", "weights", "\"always set the random number to a const value\"",
                DOCUMENTATION, "constant(value=0.1)", WIDE, layer.weights()));
    }

    private static void consistent(List<ThirdPartyCase> out) {
        String doc = "\"takes a seed and will always produce consistent results\"; min/max: \"The minimum/maximum"
                + " random value\"";
        out.add(row("ConsistentRandomizer(-1, 1, seed >= 0)", "weights", doc, DOCUMENTATION,
                "uniform(min=-1,max=1)", WIDE,
                EncogAdapters.consistent(LINEAR_TO_TANH, -1, 1, SeedPolicy.NON_NEGATIVE).weights()));
        Initializer negative = EncogAdapters.consistent(LINEAR_TO_TANH, -1, 1, SeedPolicy.NEGATIVE).weights();
        out.add(row("ConsistentRandomizer(-1, 1, seed < 0)", "weights", doc, DOCUMENTATION,
                "uniform(min=-1,max=1)", WIDE, negative).withFinding(
                "LinearCongruentialRandom: `this.seed = theSeed % MAX_RAND;` and `this.seed = (this.multiplier *"
                        + " this.seed + this.increment) % this.modulus;` keep the sign of a negative seed (Java %),"
                        + " so nextDouble() = seed / MAX_RAND lies in (-1, 0] and every value in (2min-max, min] ="
                        + " (-3, -1]; BasicNetwork.reset(int seed) is `new ConsistentRandomizer(-1,1,seed)`",
                "support", "ks", "mean"));
        out.add(row("ConsistentRandomizer(-1, 1, seed < 0)", "weights",
                "code: u = seed/(2^32-1) in (-1, 0] for a negative seed", IMPLEMENTATION,
                "uniform(min=-3,max=-1)", WIDE, negative));
    }

    private static void fanIn(List<ThirdPartyCase> out) {
        var layer = EncogAdapters.fanIn(LINEAR_TO_TANH);
        String doc = "\"fan-in\" randomizer \"From: [...] Haykin, chapter 6.7\"; calculateValue(rows): \"Calculate"
                + " the fan-in value\" = U(±2.4/F), F = inputs of the neuron (bias counted)";
        String evidence = "FanInRandomizer.randomize(BasicNetwork, int): `int toCount ="
                + " network.getLayerNeuronCount(fromLayer+1);` ... `v = calculateValue(toCount);` divides by the size"
                + " of the receiving layer (fan-out), not by the inputs of a neuron";
        for (Shape s : List.of(WIDE, TALL)) {
            long in = s.dim(1);
            long outCount = s.dim(0);
            boolean inside = 2.4 / outCount <= 2.4 / (in + 1); // narrower than declared: no support violation
            ThirdPartyCase declared = row("FanInRandomizer()", "weights", doc, DOCUMENTATION,
                    uniformLimit(2.4 / (in + 1)), s, layer.weights());
            out.add(inside ? declared.withFinding(evidence, "endpoint", "second_moment", "ks")
                    : declared.withFinding(evidence, "support", "second_moment", "ks"));
            out.add(row("FanInRandomizer()", "weights", "code: calculateValue(toCount) = U(±2.4/out)",
                    IMPLEMENTATION, uniformLimit(2.4 / outCount), s, layer.weights()));
        }
    }

    private static void nguyenWidrow(List<ThirdPartyCase> out) {
        String doc = "\"Implementation of Nguyen-Widrow weight initialization\" (Nguyen & Widrow 1990: symmetric"
                + " weights, each unit's vector of norm beta = 0.7 H^(1/n); biases U(±beta))";
        String weightDoc = doc + "; a row of norm beta has entry sd beta/sqrt(n), held here as its large-n marginal"
                + " U(±beta·sqrt(3/n))";
        long in = WIDE.dim(1);
        long h = WIDE.dim(0);
        double beta = 0.7 * Math.pow(h, 1.0 / in);
        var tanh = EncogAdapters.nguyenWidrow(LINEAR_TO_TANH);
        out.add(row("NguyenWidrowRandomizer() tanh", "weights", weightDoc, DOCUMENTATION,
                uniformLimit(beta * Math.sqrt(3.0 / in)), WIDE, tanh.weights()).withFinding(
                "NguyenWidrowRandomizer.randomizeSynapse: `double w = nextDouble(0, b);` draws every weight from"
                        + " [0, b) (all non-negative, mean b/2) and never rescales rows to norm beta",
                "support", "ks", "mean", "second_moment"));
        double bTanh = 0.7 * Math.pow(h, 1.0 / in) / 1.0; // tanh(MAX) - tanh(MIN_VALUE) = 1
        out.add(row("NguyenWidrowRandomizer() tanh", "weights", "code: nextDouble(0, b), b = 0.7 H^(1/n) / 1",
                IMPLEMENTATION, String.format(Locale.ROOT, "uniform(min=0,max=%.17g)", bTanh), WIDE, tanh.weights()));

        double betaBias = 0.7 * Math.pow(BIASES.dim(0), 1.0 / BIAS_INPUTS);
        out.add(row("NguyenWidrowRandomizer() tanh", "biases", doc, DOCUMENTATION, uniformLimit(betaBias),
                BIASES, tanh.biases(BIAS_INPUTS)));
        var sigmoid = EncogAdapters.nguyenWidrow(LINEAR_TO_SIGMOID);
        out.add(row("NguyenWidrowRandomizer() sigmoid", "biases", doc + "; Encog divides by the activation's"
                        + " output range high-low, 1 for the sigmoid", DOCUMENTATION, uniformLimit(betaBias), BIASES,
                sigmoid.biases(BIAS_INPUTS)).withFinding(
                "NguyenWidrowRandomizer.randomizeSynapse: `double low = calculateRange(af,Double.MIN_VALUE);`"
                        + " evaluates the sigmoid at the smallest positive double (0.5), not at -infinity (0), so"
                        + " high-low = 0.5 and `b = 0.7d * Math.pow(toCount, (1d / fromCount)) / (high-low)` doubles",
                "support", "ks", "second_moment"));
        out.add(row("NguyenWidrowRandomizer() sigmoid", "biases", "code: nextDouble(-b, b), b = 0.7 H^(1/n) / 0.5",
                IMPLEMENTATION, uniformLimit(2 * betaBias), BIASES, sigmoid.biases(BIAS_INPUTS)));
    }

    private static void xavier(List<ThirdPartyCase> out) {
        String doc = "no Javadoc; the name declares Xavier/Glorot (Glorot & Bengio 2010, eq. 16: U(±sqrt(6/(n_in+"
                + "n_out))))";
        var linear = EncogAdapters.xavier(LINEAR_TO_TANH);
        for (Shape s : List.of(WIDE)) {
            out.add(row("XaiverRandomizer()", "weights", doc, NAME, "glorot_uniform", s, linear.weights())
                    .withFinding("XaiverRandomizer.randomize(BasicNetwork, int): `d = 2/Math.sqrt((fromCount+toCount"
                            + "));` then `rnd.nextDouble(-d,d)`: bound 2/sqrt(n_in+n_out), not sqrt(6)/sqrt(n_in+"
                            + "n_out); sd and bound x 2/sqrt(6) = 0.8165", "endpoint", "second_moment", "ks"));
            out.add(row("XaiverRandomizer()", "weights", "code: U(±2/sqrt(fromCount+toCount))", IMPLEMENTATION,
                    uniformLimit(2 / Math.sqrt(s.dim(0) + s.dim(1))), s, linear.weights()));
        }
        var relu = EncogAdapters.xavier(RELU_TO_TANH);
        out.add(row("XaiverRandomizer(), from-layer ReLU", "weights", doc, NAME, "glorot_uniform", WIDE,
                relu.weights()).withFinding("XaiverRandomizer.randomize(BasicNetwork, int): `if("
                + " network.getActivation(fromLayer) instanceof ActivationReLU) { d = 2/Math.sqrt(fromCount);`:"
                + " an undocumented fan_in rule, bound 2/sqrt(n_in) (0.8165 of He's uniform sqrt(6/n_in))",
                "endpoint", "second_moment", "ks"));
        out.add(row("XaiverRandomizer(), from-layer ReLU", "weights", "code: U(±2/sqrt(fromCount))",
                IMPLEMENTATION, uniformLimit(2 / Math.sqrt(WIDE.dim(1))), WIDE, relu.weights()));
        out.add(row("XaiverRandomizer()", "biases", "code: `network.setWeight(fromLayer, fromCount, toNeuron, 0)`",
                IMPLEMENTATION, "zeros", BIASES, linear.biases(BIAS_INPUTS)));
    }

    static String uniformLimit(double limit) {
        return String.format(Locale.ROOT, "uniform(limit=%.17g)", limit);
    }
}
