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
import java.util.Locale;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * The Deeplearning4j 1.0.0-M2.1 rows of the third-party matrix: every {@link WeightInit} with a documented
 * formula, on a dense weight {@code [nIn, nOut] = [512, 128]} (n = 65,536, Keras layout, float32), and on the
 * swapped {@code [128, 512]} where the fan a formula uses must be told apart.
 *
 * <p>Documentation sources. The M2.1 sources jar keeps class Javadoc on {@code WeightInitNormal},
 * {@code WeightInitXavierUniform}, {@code WeightInitLecunUniform}, {@code WeightInitXavierLegacy} and
 * {@code WeightInitVarScalingUniformFanAvg} (quoted as "M2.1 Javadoc"); the per-value list that documents the
 * others was the {@code WeightInit} enum's Javadoc, last shipped in the 1.0.0-beta7 sources jar (quoted as
 * "enum Javadoc, beta7") and removed from the enum by M2.1 without a change of formula in between for these values.
 *
 * <p>Left out: {@code IDENTITY} (a square identity matrix, not a random law) and
 * {@code DISTRIBUTION(OrthogonalDistribution)}, whose native SVD crashes the JVM (SIGSEGV in
 * {@code sd::NDArray::getOffset}) or hangs for ordinary shapes: a row that can kill the test JVM cannot run in a
 * suite, so {@link OrthogonalProbeTest} runs it in a child JVM with a time limit instead.
 */
public final class Dl4jCases {
    static final String LIBRARY = "org.deeplearning4j:deeplearning4j-nn";
    static final String VERSION = "1.0.0-M2.1";
    static final Shape WIDE = Shape.of(512, 128);
    static final Shape TALL = Shape.of(128, 512);
    static final int BIAS_INPUTS = 16;
    static final Shape BIASES = Shape.of(4096);

    private Dl4jCases() {
    }

    public static List<ThirdPartyCase> all() {
        List<ThirdPartyCase> out = new ArrayList<>();
        xavier(out);
        fanIn(out);
        relu(out);
        uniformFamilies(out);
        varianceScalingNormal(out);
        varianceScalingUniform(out);
        constantsAndDistributions(out);
        out.addAll(Dl4jExtraCases.all());
        out.addAll(Dl4jKerasCases.all());
        return out;
    }

    private static ThirdPartyCase row(String init, String tensor, String documented, Basis basis, String scheme,
                                      Shape shape, Initializer adapter) {
        return new ThirdPartyCase(LIBRARY, VERSION, init, tensor, documented, basis, scheme, shape, Layout.KERAS,
                "float32", adapter, null);
    }

    private static ThirdPartyCase weights(WeightInit w, String documented, Basis basis, String scheme, Shape shape) {
        return row("WeightInit." + w.name(), "weights", documented, basis, scheme, shape, Dl4jDense.weights(w));
    }

    private static void xavier(List<ThirdPartyCase> out) {
        out.add(weights(WeightInit.XAVIER, "enum Javadoc, beta7: \"As per Glorot and Bengio 2010: Gaussian"
                + " distribution with mean 0, variance 2.0/(fanIn + fanOut)\"", DOCUMENTATION,
                "variance_scaling(scale=1,mode=fan_avg,distribution=untruncated_normal)", WIDE));
        out.add(weights(WeightInit.XAVIER_UNIFORM, "M2.1 Javadoc: \"As per Glorot and Bengio 2010: Uniform"
                + " distribution U(-s,s) with s = sqrt(6/(fanIn + fanOut))\"", DOCUMENTATION, "glorot_uniform", WIDE));
        out.add(weights(WeightInit.XAVIER_LEGACY, "M2.1 Javadoc: \"Xavier weight init in DL4J up to 0.6.0.\" (no"
                + " formula); code: randn / sqrt(shape[0] + shape[1])", IMPLEMENTATION,
                normal(1 / Math.sqrt(WIDE.dim(0) + WIDE.dim(1))), WIDE));
        out.add(weights(WeightInit.SIGMOID_UNIFORM, "enum Javadoc, beta7: \"U(-r,r) with r=4*sqrt(6/(fanIn +"
                + " fanOut))\"", DOCUMENTATION, uniformLimit(4 * Math.sqrt(6.0 / (WIDE.dim(0) + WIDE.dim(1)))),
                WIDE));
    }

    private static void fanIn(List<ThirdPartyCase> out) {
        String fanInNormal = "variance_scaling(scale=1,mode=fan_in,distribution=untruncated_normal)";
        String normalDoc = "M2.1 Javadoc: \"Normal/Gaussian distribution, with mean 0 and standard deviation"
                + " 1/sqrt(fanIn)\"";
        for (Shape s : List.of(WIDE, TALL)) {
            out.add(weights(WeightInit.NORMAL, normalDoc, DOCUMENTATION, fanInNormal, s));
        }
        out.add(weights(WeightInit.LECUN_NORMAL, "enum Javadoc, beta7 (NORMAL): \"Equivalent to DL4J's"
                + " XAVIER_FAN_IN and LECUN_NORMAL\"", DOCUMENTATION, fanInNormal, WIDE));
        out.add(weights(WeightInit.XAVIER_FAN_IN, "enum Javadoc, beta7: \"Similar to Xavier, but 1/fanIn\"",
                DOCUMENTATION, fanInNormal, WIDE));
        out.add(weights(WeightInit.LECUN_NORMAL, "enum Javadoc, beta7 (NORMAL): \"(i.e. Keras' \"lecun_normal\")\"",
                DOCUMENTATION, "lecun_normal", WIDE).withFinding("WeightInitNormal.init: `Nd4j.randn(paramView)"
                + ".divi(FastMath.sqrt(fanIn));` is an untruncated normal; Keras' lecun_normal is"
                + " VarianceScaling(1, fan_in, truncated_normal), cut at ±2 parent sd (2.274 sd of the result):"
                + " 2.30% of DL4J's values lie beyond that cut", "support", "ks"));
    }

    private static void relu(List<ThirdPartyCase> out) {
        String doc = "enum Javadoc, beta7: \"He et al. (2015) [...] Normal distribution with variance 2.0/nIn\";"
                + " M2.1 code comment `//N(0, 2/nIn)`";
        for (Shape s : List.of(WIDE, TALL)) {
            out.add(weights(WeightInit.RELU, doc, DOCUMENTATION,
                    "variance_scaling(scale=2,mode=fan_in,distribution=untruncated_normal)", s));
        }
        out.add(weights(WeightInit.RELU_UNIFORM, "enum Javadoc, beta7: \"Uniform distribution U(-s,s) with s ="
                + " sqrt(6/fanIn)\"", DOCUMENTATION, "he_uniform", WIDE));
    }

    private static void uniformFamilies(List<ThirdPartyCase> out) {
        long fi = WIDE.dim(0);
        out.add(weights(WeightInit.UNIFORM, "enum Javadoc, beta7: \"Uniform U[-a,a] with a=1/sqrt(fanIn)\"",
                DOCUMENTATION, uniformLimit(1 / Math.sqrt(fi)), WIDE));
        String lecunDoc = "M2.1 Javadoc: \"Uniform U[-a,a] with a=3/sqrt(fanIn)\"";
        out.add(weights(WeightInit.LECUN_UNIFORM, lecunDoc, DOCUMENTATION, uniformLimit(3 / Math.sqrt(fi)), WIDE));
        out.add(weights(WeightInit.LECUN_UNIFORM, lecunDoc + "; the name: LeCun et al. 1998, sd = 1/sqrt(fanIn),"
                + " i.e. Keras lecun_uniform U(±sqrt(3/fanIn))", NAME, "lecun_uniform", WIDE).withFinding(
                "WeightInitLecunUniform.init: `double b = 3.0 / Math.sqrt(fanIn);` (as its Javadoc says): bound"
                        + " 3/sqrt(fanIn) = sqrt(3) x LeCun's sqrt(3/fanIn), variance 3/fanIn instead of 1/fanIn",
                "support", "second_moment", "ks"));
    }

    private static void varianceScalingNormal(List<ThirdPartyCase> out) {
        String evidence = "WeightInitVarScalingNormalFan*.init: `Nd4j.exec(new TruncatedNormalDistribution(paramView,"
                + " 0.0, std));` with std = sqrt(1/fan): a normal cut at mean ± 2·std, no variance correction. The"
                + " native op (libnd4j TruncatedNormalDistribution::specialOp; its C++ source is not in the M2.1 jars,"
                + " the libnd4j source of that line re-draws an out-of-range value once from the same Box-Muller"
                + " inputs for the first half of the buffer, then sets it to the mean) leaves exact zeros: measured"
                + " ~4.5% of the first half of the buffer, ~0 of the second half (Dl4jBehaviourTest)";
        String[][] modes = {
            {"VAR_SCALING_NORMAL_FAN_IN", "variance 1.0/(fanIn)", "fan_in"},
            {"VAR_SCALING_NORMAL_FAN_OUT", "variance 1.0/(fanOut)", "fan_out"},
            {"VAR_SCALING_NORMAL_FAN_AVG", "variance 1.0/((fanIn + fanOut)/2)", "fan_avg"}};
        for (String[] m : modes) {
            out.add(weights(WeightInit.valueOf(m[0]), "enum Javadoc, beta7: \"Gaussian distribution with mean 0, "
                    + m[1] + "\"", DOCUMENTATION, "variance_scaling(scale=1,mode=" + m[2]
                    + ",distribution=untruncated_normal)", WIDE).withFinding(evidence, "second_moment", "ks", "tail"));
        }
    }

    private static void varianceScalingUniform(List<ThirdPartyCase> out) {
        long fi = WIDE.dim(0);
        long fo = WIDE.dim(1);
        double avg = (fi + fo) / 2.0;
        String evidence = "WeightInitVarScalingUniformFan%s.init: `double scalingFan%s = 3.0 / Math.sqrt(%s);`:"
                + " bound 3/sqrt(fan), sqrt(fan) times the documented 3/fan";
        out.add(weights(WeightInit.VAR_SCALING_UNIFORM_FAN_IN, "enum Javadoc, beta7: \"Uniform U[-a,a] with"
                + " a=3.0/(fanIn)\"", DOCUMENTATION, uniformLimit(3.0 / fi), WIDE).withFinding(
                String.format(Locale.ROOT, evidence, "In", "In", "fanIn"), "support", "second_moment", "ks"));
        out.add(weights(WeightInit.VAR_SCALING_UNIFORM_FAN_IN, "code: U(±3/sqrt(fanIn))", IMPLEMENTATION,
                uniformLimit(3.0 / Math.sqrt(fi)), WIDE));
        out.add(weights(WeightInit.VAR_SCALING_UNIFORM_FAN_OUT, "enum Javadoc, beta7: \"Uniform U[-a,a] with"
                + " a=3.0/(fanOut)\"", DOCUMENTATION, uniformLimit(3.0 / fo), WIDE).withFinding(
                String.format(Locale.ROOT, evidence, "Out", "Out", "fanOut"), "support", "second_moment", "ks"));
        for (Shape s : List.of(WIDE, TALL)) {
            out.add(weights(WeightInit.VAR_SCALING_UNIFORM_FAN_OUT, "code: U(±3/sqrt(fanOut))", IMPLEMENTATION,
                    uniformLimit(3.0 / Math.sqrt(s.dim(1))), s));
        }
        out.add(weights(WeightInit.VAR_SCALING_UNIFORM_FAN_AVG, "M2.1 Javadoc: \"Uniform U[-a,a] with"
                + " a=3.0/((fanIn + fanOut)/2)\"", DOCUMENTATION, uniformLimit(3.0 / avg), WIDE).withFinding(
                "WeightInitVarScalingUniformFanAvg.init: `double scalingFanAvg = 3.0 / Math.sqrt((fanIn + fanOut) /"
                        + " 2);`: bound 3/sqrt(fan_avg), sqrt(fan_avg) times the documented 3/fan_avg",
                "support", "second_moment", "ks"));
        out.add(weights(WeightInit.VAR_SCALING_UNIFORM_FAN_AVG, "code: U(±3/sqrt((fanIn + fanOut)/2))",
                IMPLEMENTATION, uniformLimit(3.0 / Math.sqrt(avg)), WIDE));
        out.add(weights(WeightInit.VAR_SCALING_UNIFORM_FAN_IN, "the name: variance scaling (Keras VarianceScaling"
                + "(1, fan_in, uniform) = U(±sqrt(3/fanIn)))", NAME,
                "variance_scaling(scale=1,mode=fan_in,distribution=uniform)", WIDE).withFinding(
                String.format(Locale.ROOT, evidence, "In", "In", "fanIn") + "; sqrt(3) x the variance-scaling bound"
                        + " sqrt(3/fanIn)", "support", "second_moment", "ks"));
    }

    private static void constantsAndDistributions(List<ThirdPartyCase> out) {
        out.add(weights(WeightInit.ZERO, "enum Javadoc, beta7: \"Generate weights as zeros\"", DOCUMENTATION,
                "zeros", WIDE));
        out.add(weights(WeightInit.ONES, "enum Javadoc, beta7: \"All weights are set to 1\"", DOCUMENTATION,
                "ones", WIDE));
        out.add(row("WeightInit.DISTRIBUTION NormalDistribution(0, 0.05)", "weights", "M2.1 Javadoc: \"A normal"
                + " (Gaussian) distribution, with two parameters: mean and standard deviation\"", DOCUMENTATION,
                "normal(stddev=0.05,mean=0)", WIDE, Dl4jDense.weights(new NormalDistribution(0, 0.05))));
        out.add(row("WeightInit.DISTRIBUTION UniformDistribution(-0.1, 0.1)", "weights", "M2.1 Javadoc: \"A uniform"
                + " distribution, with two parameters: lower and upper - i.e., U(lower,upper)\"", DOCUMENTATION,
                "uniform(min=-0.1,max=0.1)", WIDE, Dl4jDense.weights(new UniformDistribution(-0.1, 0.1))));
        out.add(row("DenseLayer default biasInit (0.0)", "biases", "code: `createBias` assigns biasInit (default 0)",
                IMPLEMENTATION, "zeros", BIASES, Dl4jDense.biases(WeightInit.XAVIER, BIAS_INPUTS)));
    }

    static String uniformLimit(double limit) {
        return String.format(Locale.ROOT, "uniform(limit=%.17g)", limit);
    }

    static String normal(double sd) {
        return String.format(Locale.ROOT, "normal(stddev=%.17g,mean=0)", sd);
    }
}
