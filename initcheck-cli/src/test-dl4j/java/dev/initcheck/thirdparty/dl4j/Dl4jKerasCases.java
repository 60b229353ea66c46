package dev.initcheck.thirdparty.dl4j;

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

/**
 * Deeplearning4j 1.0.0-M2.1's Keras model import: the kernel of a Keras {@code Dense(256)} layer on 512 inputs
 * ({@code [in, out] = [512, 256]}, n = 131,072), whose {@code kernel_initializer} the imported JSON configuration
 * names, drawn by DL4J at {@code init()} ({@link Dl4jKeras}). Each row holds the kernel to the law Keras documents
 * for that initializer, since an imported model promises the Keras model:
 * <ul>
 *   <li>{@code VarianceScaling(scale, mode, "truncated_normal")} (the tf.keras name, which Keras 2.6 to 2.12
 *       write, also for a user's "normal"): a normal truncated at ±2 parent sd with parent sd
 *       sqrt(scale / n) / 0.87962566103423978, so that the sd after truncation is sqrt(scale / n), n = fan_in, or
 *       (fan_in + fan_out) / 2 for fan_avg (keras-team/keras v2.12.0
 *       {@code keras/initializers/initializers.py:533-536}, code :648-654);</li>
 *   <li>{@code VarianceScaling(scale, mode, "normal")}, the only normal spelling of Keras 2.2.x, the same law
 *       (tag 2.2.4 {@code keras/initializers.py:158-159}, code :210-214; tf.keras maps "normal" to
 *       "truncated_normal", v2.12.0 :585-587);</li>
 *   <li>{@code lecun_uniform}: U(±sqrt(3 / fan_in)) (v2.12.0 :983-985; 2.2.4 :306-308), written as the class
 *       {@code LecunUniform} by Keras 2.12 and as {@code VarianceScaling(1.0, fan_in, uniform)} by Keras 2.2.4.</li>
 * </ul>
 *
 * <p>What DL4J maps them to ({@code KerasInitilizationUtils.mapWeightInitialization}, modelimport M2.1 sources
 * jar): {@code VarianceScaling} at lines 149-180 tests only {@code distribution.equals("normal")} (lines 160, 166,
 * 172) and sends every other distribution, "truncated_normal" included, to {@code WeightInitVarScalingUniformFan*(
 * scale)}, U(±scale·3/sqrt(fan)); "normal" goes to {@code WeightInitVarScalingNormalFan*(scale)}, ND4J's
 * truncated normal at ±2·sqrt(scale / fan) without the 0.8796 correction and with exact zeros
 * ({@code Dl4jCases}' VAR_SCALING_NORMAL rows); {@code lecun_uniform}/{@code LecunUniform} (lines 61-63) to
 * {@code WeightInit.LECUN_UNIFORM}, U(±3/sqrt(fan_in)). The control rows (declared by code) hold the kernels to
 * the uniform laws DL4J's classes draw.
 */
final class Dl4jKerasCases {
    static final String LIBRARY = "org.deeplearning4j:deeplearning4j-modelimport";
    static final int IN = 512;
    static final int OUT = 256;
    static final Shape KERNEL = Shape.of(IN, OUT);

    private static final String VS_DOC = "Keras 2.12 VarianceScaling docstring (initializers.py:533-536): \"With"
            + " `distribution=\"truncated_normal\" [...]` samples are drawn from a truncated [...] normal distribution"
            + " with a mean of zero and a standard deviation (after truncation, if used) `stddev = sqrt(scale / n)`\";"
            + " code :651 `stddev = math.sqrt(scale) / 0.87962566103423978`";
    private static final String NORMAL_DOC = "Keras 2.2.4 VarianceScaling docstring (initializers.py:158-159): \"With"
            + " `distribution=\"normal\"`, samples are drawn from a truncated normal distribution centered on zero,"
            + " with `stddev = sqrt(scale / n)`\"; code :212 `stddev = np.sqrt(scale) / .87962566103423978`";
    private static final String LECUN_DOC = "Keras LecunUniform docstring (2.12 initializers.py:983-985; 2.2.4"
            + " :306-308): \"a uniform distribution within `[-limit, limit]`, where `limit = sqrt(3 / fan_in)`\"";
    private static final String TRUNCATED_TO_UNIFORM = "KerasInitilizationUtils.java:%d `if"
            + " (distribution.equals(\"normal\"))`, else :%d `return new WeightInitVarScalingUniformFan%s(scale);`:"
            + " Keras' \"truncated_normal\" becomes DL4J's uniform, whose `double scalingFan%s = 3.0 / Math.sqrt(%s);`"
            + " and `scalingFan%s *= scale;` give U(±scale·3/sqrt(fan)): sd sqrt(3·scale) = %.3f x Keras'"
            + " sqrt(scale/fan), bound %.3f x Keras' 2·sqrt(scale/fan)/0.8796";
    private static final String NORMAL_UNCORRECTED = "KerasInitilizationUtils.java:%d `new"
            + " WeightInitVarScalingNormalFan%s(scale)`, whose `Nd4j.exec(new TruncatedNormalDistribution(paramView,"
            + " 0.0, std))` with std = sqrt(scale/fan) cuts at ±2·std without Keras' 0.8796 correction: bound"
            + " 0.8796 x Keras', sd 0.88 x Keras' at most, less with the exact zeros ND4J's native op leaves in the"
            + " first half of the buffer (Dl4jBehaviourTest)";
    private static final String LECUN_TO_DL4J = "%s: U(±3/sqrt(fanIn)), sqrt(3) x Keras' sqrt(3/fan_in):"
            + " variance 3/fan_in instead of 1/fan_in";

    private Dl4jKerasCases() {
    }

    static List<ThirdPartyCase> all() {
        List<ThirdPartyCase> out = new ArrayList<>();
        truncatedNormal(out);
        normalSpelling(out);
        lecunUniform(out);
        return out;
    }

    private static ThirdPartyCase row(String init, String documented, Basis basis, String scheme,
                                      Initializer adapter) {
        return new ThirdPartyCase(LIBRARY, Dl4jCases.VERSION, init, "kernel", documented, basis, scheme, KERNEL,
                Layout.KERAS, "float32", adapter, null);
    }

    private static String file(String distribution, String mode, int scale) {
        return "sequential-vs-" + distribution + "-" + mode + "-scale" + scale + ".json";
    }

    private static String varianceScaling(int scale, String mode, String distribution) {
        return "variance_scaling(scale=" + scale + ",mode=" + mode + ",distribution=" + distribution + ")";
    }

    private static double fan(String mode) {
        return mode.equals("fan_in") ? IN : (IN + OUT) / 2.0;
    }

    private static void truncatedNormal(List<ThirdPartyCase> out) {
        for (String mode : List.of("fan_in", "fan_avg")) {
            String suffix = mode.equals("fan_in") ? "In" : "Avg";
            String fanName = mode.equals("fan_in") ? "fanIn" : "(fanIn + fanOut) / 2";
            int test = mode.equals("fan_in") ? 160 : 172;
            for (int scale : List.of(1, 2)) {
                String init = String.format(Locale.ROOT, "Keras 2.12 JSON: Dense kernel_initializer"
                        + " VarianceScaling(scale=%d.0, mode=%s, distribution=truncated_normal);"
                        + " importKerasSequentialConfiguration", scale, mode);
                Initializer kernel = Dl4jKeras.sequentialKernel(file("truncated_normal", mode, scale));
                double sdRatio = Math.sqrt(3.0 * scale);
                double boundRatio = scale * 3.0 * 0.87962566103423978 / (2 * Math.sqrt(scale));
                out.add(row(init, VS_DOC, DOCUMENTATION, varianceScaling(scale, mode, "truncated_normal"), kernel)
                        .withFinding(String.format(Locale.ROOT, TRUNCATED_TO_UNIFORM, test, test + 3, suffix, suffix,
                                fanName, suffix, sdRatio, boundRatio), "support", "second_moment", "ks"));
                out.add(row(init, String.format(Locale.ROOT, "code: WeightInitVarScalingUniformFan%s(%d.0):"
                        + " U(±%d·3/sqrt(%s))", suffix, scale, scale, fanName), IMPLEMENTATION,
                        Dl4jCases.uniformLimit(scale * 3.0 / Math.sqrt(fan(mode))), kernel));
            }
        }
        String functional = "Keras 2.12 JSON, functional model: Dense kernel_initializer VarianceScaling(scale=1.0,"
                + " mode=fan_in, distribution=truncated_normal); importKerasModelConfiguration";
        out.add(row(functional, VS_DOC, DOCUMENTATION, varianceScaling(1, "fan_in", "truncated_normal"),
                Dl4jKeras.functionalKernel("functional-vs-truncated_normal-fan_in-scale1.json")).withFinding(
                String.format(Locale.ROOT, TRUNCATED_TO_UNIFORM, 160, 163, "In", "In", "fanIn", "In", Math.sqrt(3),
                        3 * 0.87962566103423978 / 2) + " (the same mapping as for a Sequential model)",
                "support", "second_moment", "ks"));
    }

    private static void normalSpelling(List<ThirdPartyCase> out) {
        for (String mode : List.of("fan_in", "fan_avg")) {
            String suffix = mode.equals("fan_in") ? "In" : "Avg";
            int line = mode.equals("fan_in") ? 161 : 173;
            for (int scale : List.of(1, 2)) {
                String init = String.format(Locale.ROOT, "Keras 2.2.4 JSON: Dense kernel_initializer"
                        + " VarianceScaling(scale=%d.0, mode=%s, distribution=normal);"
                        + " importKerasSequentialConfiguration", scale, mode);
                out.add(row(init, NORMAL_DOC, DOCUMENTATION, varianceScaling(scale, mode, "normal"),
                        Dl4jKeras.sequentialKernel(file("normal", mode, scale))).withFinding(
                        String.format(Locale.ROOT, NORMAL_UNCORRECTED, line, suffix), "endpoint", "second_moment",
                        "ks"));
            }
        }
    }

    private static void lecunUniform(List<ThirdPartyCase> out) {
        String control = Dl4jCases.uniformLimit(3 / Math.sqrt(IN));
        String init = "Keras 2.12 JSON: Dense kernel_initializer LecunUniform(seed=None);"
                + " importKerasSequentialConfiguration";
        Initializer kernel = Dl4jKeras.sequentialKernel("sequential-lecun_uniform.json");
        out.add(row(init, LECUN_DOC, DOCUMENTATION, "lecun_uniform", kernel).withFinding(String.format(Locale.ROOT,
                LECUN_TO_DL4J, "KerasInitilizationUtils.java:61-63 maps \"LecunUniform\" to"
                        + " WeightInit.LECUN_UNIFORM, whose WeightInitLecunUniform.java:37 `double b = 3.0 /"
                        + " Math.sqrt(fanIn);`"), "support", "second_moment", "ks"));
        out.add(row(init, "code: WeightInitLecunUniform: U(±3/sqrt(fanIn))", IMPLEMENTATION, control, kernel));

        String init224 = "Keras 2.2.4 JSON: Dense kernel_initializer lecun_uniform, written as"
                + " VarianceScaling(scale=1.0, mode=fan_in, distribution=uniform); importKerasSequentialConfiguration";
        Initializer kernel224 = Dl4jKeras.sequentialKernel("sequential-lecun_uniform-keras-2.2.4.json");
        out.add(row(init224, LECUN_DOC, DOCUMENTATION, "lecun_uniform", kernel224).withFinding(String.format(
                Locale.ROOT, LECUN_TO_DL4J, "KerasInitilizationUtils.java:163 `new"
                        + " WeightInitVarScalingUniformFanIn(scale)`, whose line 41 `double scalingFanIn = 3.0 /"
                        + " Math.sqrt(fanIn);` (times scale = 1)"), "support", "second_moment", "ks"));
        out.add(row(init224, "code: WeightInitVarScalingUniformFanIn(1.0): U(±3/sqrt(fanIn))", IMPLEMENTATION,
                control, kernel224));
    }
}
