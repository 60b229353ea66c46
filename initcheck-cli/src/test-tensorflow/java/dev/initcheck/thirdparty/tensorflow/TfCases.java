package dev.initcheck.thirdparty.tensorflow;

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
import org.tensorflow.framework.initializers.Glorot;
import org.tensorflow.framework.initializers.He;
import org.tensorflow.framework.initializers.LeCun;
import org.tensorflow.framework.initializers.Orthogonal;
import org.tensorflow.framework.initializers.TruncatedNormal;
import org.tensorflow.framework.initializers.VarianceScaling;
import org.tensorflow.framework.initializers.VarianceScaling.Distribution;
import org.tensorflow.framework.initializers.VarianceScaling.Mode;

/**
 * The TensorFlow Java 1.1.0 rows ({@code org.tensorflow:tensorflow-framework:1.1.0} with
 * {@code tensorflow-core-native:1.1.0:linux-x86_64}): {@code org.tensorflow.framework.initializers} on a dense
 * kernel {@code [in, out] = [512, 128]} (n = 65,536) and a 2-D convolution kernel {@code [3, 3, 64, 128]}
 * (n = 73,728), float32, Keras layout (see {@link TfInit}).
 *
 * <p>Sources: Maven Central serves no sources jar for tensorflow-framework 1.1.0; the code was read from the 1.1.0
 * class files ({@code javap -c -l}, line numbers from their LineNumberTable) and the Javadoc from the project's
 * {@code tensorflow-framework/src/main/java/org/tensorflow/framework/initializers/*.java} of the same API
 * generation (constructors {@code (Distribution, long seed)}).
 */
public final class TfCases {
    static final String LIBRARY = "org.tensorflow:tensorflow-framework";
    static final String VERSION = "1.1.0";
    static final Shape DENSE = Shape.of(512, 128);
    static final Shape CONV = Shape.of(3, 3, 64, 128);
    /** VarianceScaling.java: the TRUNCATED_NORMAL divisor, sd of N(0,1) cut at ±2. */
    static final double TRUNC_SD = 0.87962566103423978;
    static final String UNIFORM_EVIDENCE = "VarianceScaling.call (1.1.0 class file, lines 131-133):"
            + " `tf.random.statelessRandomUniform(dims, tf.constant(seeds), type)` (values in [0, 1)) times"
            + " `Math.sqrt(3.0 * lscale)`, with no shift: every value in [0, limit), none negative; the mean is"
            + " limit/2 and the mean square limit^2/3 equals the declared variance, so only the mean and the shape"
            + " give it away";
    static final String FANS_EVIDENCE = "VarianceScaling.computeFans (1.1.0 class file): `for (int i ="
            + " dims.length - 2; i >= 0; i--) receptiveFieldSize *= dims[i];` starts at dims[n-2], the input"
            + " channels, so receptiveFieldSize = kh·kw·in and fanIn = in·receptiveFieldSize = kh·kw·in^2, fanOut ="
            + " kh·kw·in·out: both fans in x too large, the sd 1/sqrt(in) = 1/8 of the documented here";

    private TfCases() {
    }

    public static List<ThirdPartyCase> all() {
        List<ThirdPartyCase> out = new ArrayList<>();
        dense(out);
        conv(out);
        return out;
    }

    private static ThirdPartyCase row(String init, String tensor, String documented, Basis basis, String scheme,
                                      Shape shape, Initializer adapter) {
        return new ThirdPartyCase(LIBRARY, VERSION, init, tensor, documented, basis, scheme, shape, Layout.KERAS,
                "float32", adapter, null);
    }

    private static void dense(List<ThirdPartyCase> out) {
        String glorot = "Glorot Javadoc: \"If the distribution is UNIFORM, then samples are drawn from a uniform"
                + " distribution within [-limit, limit], where limit = sqrt(6 / (fanIn + fanOut))\"";
        Initializer glorotU = TfInit.of(s -> new Glorot<>(Distribution.UNIFORM, s));
        out.add(row("Glorot(UNIFORM)", "dense kernel", glorot, DOCUMENTATION, "glorot_uniform", DENSE, glorotU)
                .withFinding(UNIFORM_EVIDENCE, "mean", "ks"));
        out.add(row("Glorot(UNIFORM)", "dense kernel", "code: sqrt(6/(fanIn+fanOut)) · U[0, 1)", IMPLEMENTATION,
                String.format(Locale.ROOT, "uniform(min=0,max=%.17g)", Math.sqrt(6.0 / (512 + 128))), DENSE,
                glorotU));
        out.add(row("He(UNIFORM)", "dense kernel", "He Javadoc: \"a uniform distribution within [-limit, limit],"
                + " where limit = sqrt(6 / fanIn)\"", DOCUMENTATION, "he_uniform", DENSE,
                TfInit.of(s -> new He<>(Distribution.UNIFORM, s))).withFinding(UNIFORM_EVIDENCE, "mean", "ks"));
        out.add(row("LeCun(UNIFORM)", "dense kernel", "LeCun Javadoc: \"a uniform distribution within [-limit,"
                + " limit], where limit = Math.sqrt(3 / fanIn)\"", DOCUMENTATION, "lecun_uniform", DENSE,
                TfInit.of(s -> new LeCun<>(Distribution.UNIFORM, s))).withFinding(UNIFORM_EVIDENCE, "mean", "ks"));
        out.add(row("Glorot(TRUNCATED_NORMAL)", "dense kernel", "Glorot Javadoc: \"centered on 0 with stddev ="
                + " Math.sqrt(2. / (fanIn + fanOut))\"; VarianceScaling Javadoc: \"standard deviation (after"
                + " truncation, if used)\"", DOCUMENTATION, "glorot_normal", DENSE,
                TfInit.of(s -> new Glorot<>(Distribution.TRUNCATED_NORMAL, s))));
        out.add(row("He(TRUNCATED_NORMAL)", "dense kernel", "He Javadoc: \"truncated normal distribution centered"
                + " on 0 with stddev = sqrt(2 / fanIn)\"", DOCUMENTATION, "he_normal", DENSE,
                TfInit.of(s -> new He<>(Distribution.TRUNCATED_NORMAL, s))));
        out.add(row("LeCun(TRUNCATED_NORMAL)", "dense kernel", "LeCun Javadoc: \"truncated normal distribution"
                + " centered on 0 with stddev = sqrt(1 / fanIn)\"", DOCUMENTATION, "lecun_normal", DENSE,
                TfInit.of(s -> new LeCun<>(Distribution.TRUNCATED_NORMAL, s))));
        out.add(row("VarianceScaling(2.0, FAN_OUT, NORMAL)", "dense kernel", "VarianceScaling Javadoc: \"a"
                + " truncated/untruncated normal distribution with a mean of zero and a standard deviation [...]"
                + " stddev = Math.sqrt(scale / n)\", n = \"number of output units, if mode=FAN_OUT\"",
                DOCUMENTATION, "variance_scaling(scale=2,mode=fan_out,distribution=untruncated_normal)", DENSE,
                TfInit.of(s -> new VarianceScaling<>(2.0, Mode.FAN_OUT, Distribution.NORMAL, s))));
        truncatedAndOrthogonal(out);
    }

    private static void truncatedAndOrthogonal(List<ThirdPartyCase> out) {
        Initializer tn = TfInit.of(s -> new TruncatedNormal<>(0.0, 0.05, s));
        out.add(row("TruncatedNormal(0, 0.05)", "dense kernel", "TruncatedNormal Javadoc: \"Initializer that"
                + " generates a truncated normal distribution\"; \"@param stddev Standard deviation of the random"
                + " values to generate\" (cut at 2 parent sd, as Keras)", DOCUMENTATION, truncatedWithSd(0.05),
                DENSE, tn).withFinding("TruncatedNormal.call (1.1.0 class file,"
                + " lines 79-82): `statelessTruncatedNormal(...)` times `stddev` plus `mean`: stddev is the sd"
                + " before truncation, the values' sd is 0.8796 stddev", "second_moment", "ks"));
        out.add(row("TruncatedNormal(0, 0.05)", "dense kernel", "code: parent sd 0.05, cut at ±2 parent sd",
                IMPLEMENTATION, "truncated_normal(stddev=0.05)", DENSE, tn));
        out.add(row("Orthogonal(1.0)", "dense kernel", "Orthogonal Javadoc: \"Initializer that generates an"
                + " orthogonal matrix [...] If the matrix has fewer rows than columns then the output will have"
                + " orthogonal rows. Otherwise, the output will have orthogonal columns.\"", DOCUMENTATION,
                "orthogonal(gain=1)", DENSE, TfInit.of(s -> new Orthogonal<>(1.0, s))));
    }

    private static void conv(List<ThirdPartyCase> out) {
        String fans = "; VarianceScaling Javadoc: n = \"number of input units in the weight tensor\" (Keras: fanIn ="
                + " kh·kw·in = 576, fanOut = kh·kw·out = 1152)";
        Initializer glorot = TfInit.of(s -> new Glorot<>(Distribution.TRUNCATED_NORMAL, s));
        out.add(row("Glorot(TRUNCATED_NORMAL)", "conv kernel", "Glorot Javadoc: \"stddev = Math.sqrt(2. / (fanIn +"
                + " fanOut))\"" + fans, DOCUMENTATION, "glorot_normal", CONV, glorot)
                .withFinding(FANS_EVIDENCE, "second_moment", "ks"));
        double codeIn = 3 * 3 * 64 * 64;
        double codeOut = 3 * 3 * 64 * 128;
        out.add(row("Glorot(TRUNCATED_NORMAL)", "conv kernel", "code: fanIn = kh·kw·in^2 = 36864, fanOut ="
                + " kh·kw·in·out = 73728", IMPLEMENTATION, truncatedWithSd(Math.sqrt(2 / (codeIn + codeOut))), CONV,
                glorot));
        out.add(row("He(TRUNCATED_NORMAL)", "conv kernel", "He Javadoc: \"stddev = sqrt(2 / fanIn) where fanIn is"
                + " the number of input units in the weight tensor\"" + fans, DOCUMENTATION, "he_normal", CONV,
                TfInit.of(s -> new He<>(Distribution.TRUNCATED_NORMAL, s))).withFinding(FANS_EVIDENCE,
                "second_moment", "ks"));
    }

    /** A normal cut at ±2 parent sd whose sd after the cut is {@code sd} (TensorFlow's TRUNCATED_NORMAL). */
    static String truncatedWithSd(double sd) {
        double parent = sd / TRUNC_SD;
        return String.format(Locale.ROOT, "torch.trunc_normal(mean=0,std=%.17g,a=%.17g,b=%.17g)", parent,
                -2 * parent, 2 * parent);
    }
}
