package dev.initcheck.thirdparty.dl4j;

import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.DOCUMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.IMPLEMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.NAME;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.thirdparty.ThirdPartyCase;
import dev.initcheck.thirdparty.ThirdPartyCase.Basis;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.distribution.TruncatedNormalDistribution;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitVarScalingNormalFanIn;
import org.deeplearning4j.nn.weights.WeightInitVarScalingUniformFanIn;

/**
 * More Deeplearning4j 1.0.0-M2.1 rows: the fans of an {@code LSTM} layer, the {@code scale} argument of the
 * variance-scaling initializer objects, and ND4J's truncated normal against its own documented variance.
 *
 * <p>LSTM: {@code nIn = 256, nOut = 64}; input weights {@code [256, 256]} (n = 65,536), recurrent weights
 * {@code [64, 256]} (n = 16,384). {@code IWeightInit.init}'s Javadoc: "@param fanIn Number of input parameters";
 * {@code LSTMParamInitializer.init} passes {@code fanIn = nL}, the layer's own nOut, for the input weights too.
 */
final class Dl4jExtraCases {
    static final int LSTM_IN = 256;
    static final int LSTM_OUT = 64;
    static final Shape LSTM_INPUT = Shape.of(LSTM_IN, 4 * LSTM_OUT);
    static final Shape LSTM_RECURRENT = Shape.of(LSTM_OUT, 4 * LSTM_OUT);
    static final Shape WIDE = Dl4jCases.WIDE;

    private Dl4jExtraCases() {
    }

    static List<ThirdPartyCase> all() {
        List<ThirdPartyCase> out = new ArrayList<>();
        lstm(out);
        scale(out);
        truncatedNormal(out);
        return out;
    }

    private static ThirdPartyCase row(String init, String tensor, String documented, Basis basis, String scheme,
                                      Shape shape, Initializer adapter) {
        return new ThirdPartyCase(Dl4jCases.LIBRARY, Dl4jCases.VERSION, init, tensor, documented, basis, scheme,
                shape, Layout.KERAS, "float32", adapter, null);
    }

    private static void lstm(List<ThirdPartyCase> out) {
        String doc = "M2.1 Javadoc (WeightInitNormal): \"standard deviation 1/sqrt(fanIn)\"; IWeightInit.init:"
                + " \"@param fanIn Number of input parameters\"";
        Initializer input = Dl4jLstm.weights(WeightInit.NORMAL, LSTM_IN, LSTM_OUT, false);
        out.add(row("LSTM(nIn=256, nOut=64) WeightInit.NORMAL", "input weights", doc + ": fanIn = nIn = 256",
                DOCUMENTATION, Dl4jCases.normal(1 / Math.sqrt(LSTM_IN)), LSTM_INPUT, input).withFinding(
                "LSTMParamInitializer.java:129-130 `val fanIn = nL;` `val fanOut = nLast + nL;` with `nL ="
                        + " layerConf.getNOut()`, passed to the input weights' init (line 141): fan_in is the layer's"
                        + " own size, not its number of inputs; sd x sqrt(nIn/nOut) = 2 here",
                "second_moment", "ks"));
        out.add(row("LSTM(nIn=256, nOut=64) WeightInit.NORMAL", "input weights", "code: fanIn = nL = nOut = 64",
                IMPLEMENTATION, Dl4jCases.normal(1 / Math.sqrt(LSTM_OUT)), LSTM_INPUT, input));
        out.add(row("LSTM(nIn=256, nOut=64) WeightInit.NORMAL", "recurrent weights", doc + ": the recurrent"
                + " weights' inputs are the nOut = 64 outputs of the previous step", DOCUMENTATION,
                Dl4jCases.normal(1 / Math.sqrt(LSTM_OUT)), LSTM_RECURRENT,
                Dl4jLstm.weights(WeightInit.NORMAL, LSTM_IN, LSTM_OUT, true)));
    }

    private static void scale(List<ThirdPartyCase> out) {
        Initializer uniform = Dl4jDense.weights(new WeightInitVarScalingUniformFanIn(2.0));
        out.add(row("new WeightInitVarScalingUniformFanIn(2.0)", "weights", "no Javadoc; the name: variance"
                + " scaling, scale multiplies the variance (Keras VarianceScaling(2, fan_in, uniform) ="
                + " U(±sqrt(6/fanIn)); DL4J's own WeightInitVarScalingNormalFanIn: `std = Math.sqrt(scale /"
                + " fanIn)`)", NAME, "variance_scaling(scale=2,mode=fan_in,distribution=uniform)", WIDE, uniform)
                .withFinding("WeightInitVarScalingUniformFanIn.java:41 `double scalingFanIn = 3.0 /"
                        + " Math.sqrt(fanIn);` and :43 `scalingFanIn *= scale;`: the scale multiplies the bound"
                        + " (the sd), not the variance, on top of the bound 3/sqrt(fanIn) = sqrt(3) x the variance"
                        + " scaling bound; sd x 2/sqrt(2) x sqrt(3) = 2.449 here",
                        "support", "second_moment", "ks"));
        out.add(row("new WeightInitVarScalingUniformFanIn(2.0)", "weights", "code: U(±scale·3/sqrt(fanIn))",
                IMPLEMENTATION, Dl4jCases.uniformLimit(2 * 3.0 / Math.sqrt(WIDE.dim(0))), WIDE, uniform));
        out.add(row("new WeightInitVarScalingNormalFanIn(2.0)", "weights", "no Javadoc; the name: variance"
                + " scaling (Keras VarianceScaling(2, fan_in, truncated_normal): sd sqrt(2/fanIn) after truncation"
                + " at 2 parent sd)", NAME, "variance_scaling(scale=2,mode=fan_in,distribution=truncated_normal)",
                WIDE, Dl4jDense.weights(new WeightInitVarScalingNormalFanIn(2.0))).withFinding(
                "WeightInitVarScalingNormalFanIn.java:45 `std = Math.sqrt(scale / fanIn);` (scale in the variance,"
                        + " as declared) then line 48 `Nd4j.exec(new TruncatedNormalDistribution(paramView, 0.0,"
                        + " std));`: cut at ±2 std without the 0.8796 correction, and the native op leaves exact"
                        + " zeros (Dl4jBehaviourTest)", "second_moment", "ks"));
    }

    private static void truncatedNormal(List<ThirdPartyCase> out) {
        out.add(row("WeightInit.DISTRIBUTION TruncatedNormalDistribution(0, 0.05)", "weights", "M2.1 Javadoc"
                + " (DL4J conf): \"Create a truncated normal distribution with the given mean and std [...] @param std"
                + " the standard deviation\"; ND4J's TruncatedNormalDistribution.getNumericalVariance: \"For"
                + " standard deviation parameter s, the variance is s^2\"", DOCUMENTATION,
                "normal(stddev=0.05,mean=0)", WIDE, Dl4jDense.weights(new TruncatedNormalDistribution(0, 0.05)))
                .withFinding("nd4j-api TruncatedNormalDistribution.java:326-332 `sample(INDArray ret)` runs the"
                        + " native op `new ...ops.random.impl.TruncatedNormalDistribution(ret, mean,"
                        + " standardDeviation)`, which cuts at mean ± 2 sd without rescaling (and leaves exact"
                        + " zeros): variance 0.774 s^2 or less, while getNumericalVariance (line 253) returns s^2",
                        "second_moment"));
    }
}
