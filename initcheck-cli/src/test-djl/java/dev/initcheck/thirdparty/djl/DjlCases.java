package dev.initcheck.thirdparty.djl;

import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.DOCUMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.IMPLEMENTATION;
import static dev.initcheck.thirdparty.ThirdPartyCase.Basis.NAME;

import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.initializer.XavierInitializer.FactorType;
import ai.djl.training.initializer.XavierInitializer.RandomType;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.thirdparty.ThirdPartyCase;
import dev.initcheck.thirdparty.ThirdPartyCase.Basis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DJL 0.36.0 rows ({@code ai.djl:api:0.36.0} on {@code ai.djl.pytorch:pytorch-engine:0.36.0}, libtorch 2.7.1
 * cpu linux-x86_64 from {@code pytorch-native-cpu}): {@code ai.djl.training.initializer} on a {@code Linear}
 * weight {@code [out, in] = [128, 512]} (n = 65,536) and a {@code Conv2d} weight {@code [128, 64, 3, 3]}
 * (n = 73,728), float32, PyTorch layout (see {@link DjlInit}).
 *
 * <p>XavierInitializer's Javadoc (api 0.36.0 sources jar): "By default, RandomType is UNIFORM and FactorType is AVG.
 * The initializer fills the weights with random numbers in the range of [-c, c], where c = sqrt(3./(0.5 * (n_in +
 * n_out)))"; "If RandomType is UNIFORM and FactorType is IN, then c = sqrt(3./n_in)"; "If RandomType is GAUSSIAN
 * and FactorType is AVG, [...] a standard deviation of sqrt(3./(0.5 * (n_in + n_out)))"; the He setting "can be
 * initialized with new XavierInitializer(RandomType.GAUSSIAN, FactorType.IN, 2))". Code: {@code scale =
 * sqrt(magnitude / factor)}, and the no-argument constructor is {@code this(RandomType.UNIFORM, FactorType.AVG,
 * 6f)}.
 */
public final class DjlCases {
    static final String LIBRARY = "ai.djl:api";
    static final String VERSION = "0.36.0";
    static final Shape LINEAR = Shape.of(128, 512);
    static final Shape CONV = Shape.of(128, 64, 3, 3);
    static final String XAVIER_DOC = "XavierInitializer Javadoc: \"By default, RandomType is UNIFORM and FactorType"
            + " is AVG. The initializer fills the weights with random numbers in the range of [-c, c], where c ="
            + " sqrt(3./(0.5 * (n_in + n_out)))\"";

    private DjlCases() {
    }

    public static List<ThirdPartyCase> all() {
        List<ThirdPartyCase> out = new ArrayList<>();
        xavier(out);
        plain(out);
        return out;
    }

    private static ThirdPartyCase row(String init, String tensor, String documented, Basis basis, String scheme,
                                      Shape shape, Initializer adapter) {
        return new ThirdPartyCase(LIBRARY, VERSION, init, tensor, documented, basis, scheme, shape, Layout.PYTORCH,
                "float32", adapter, null);
    }

    private static void xavier(List<ThirdPartyCase> out) {
        Initializer dflt = DjlInit.of(XavierInitializer::new);
        out.add(row("XavierInitializer()", "linear weight", XAVIER_DOC, DOCUMENTATION, "glorot_uniform", LINEAR, dflt)
                .withFinding("XavierInitializer.java:83 `this(RandomType.UNIFORM, FactorType.AVG, 6f);` in the"
                        + " no-argument constructor, and line 124 `float scale = (float)"
                        + " StrictMath.sqrt(magnitude / factor);`"
                        + " and factor = (fanIn + fanOut) / 2: c = sqrt(6/(0.5 (n_in + n_out))), sqrt(2) x the"
                        + " documented sqrt(3/(0.5 (n_in + n_out))) (magnitude 3 is MXNet's default)",
                        "support", "second_moment", "ks"));
        out.add(row("XavierInitializer()", "linear weight", "code: c = sqrt(6/(0.5 (n_in + n_out)))", IMPLEMENTATION,
                uniformLimit(Math.sqrt(6 / (0.5 * (512 + 128)))), LINEAR, dflt));
        out.add(row("XavierInitializer(UNIFORM, IN, 3)", "linear weight", "XavierInitializer Javadoc: \"If"
                + " RandomType is UNIFORM and FactorType is IN, then c = sqrt(3./n_in)\"", DOCUMENTATION,
                "lecun_uniform", LINEAR, DjlInit.of(() -> new XavierInitializer(RandomType.UNIFORM, FactorType.IN, 3f))));
        out.add(row("XavierInitializer(UNIFORM, OUT, 3)", "linear weight", "XavierInitializer Javadoc: \"when"
                + " FactorType is OUT, then c = sqrt(3./n_out)\"", DOCUMENTATION,
                "variance_scaling(scale=1,mode=fan_out,distribution=uniform)", LINEAR,
                DjlInit.of(() -> new XavierInitializer(RandomType.UNIFORM, FactorType.OUT, 3f))));
        Initializer gaussAvg = DjlInit.of(() -> new XavierInitializer(RandomType.GAUSSIAN, FactorType.AVG, 3f));
        out.add(row("XavierInitializer(GAUSSIAN, AVG, 3)", "linear weight", "XavierInitializer Javadoc: \"If"
                + " RandomType is GAUSSIAN and FactorType is AVG, the initializer fills the weights with numbers from"
                + " normal distribution with a standard deviation of sqrt(3./(0.5 * (n_in + n_out)))\"",
                DOCUMENTATION, normal(Math.sqrt(3 / (0.5 * (512 + 128)))), LINEAR, gaussAvg));
        out.add(row("XavierInitializer(GAUSSIAN, AVG, 3)", "linear weight", "the name and the paper the Javadoc"
                + " cites: Glorot & Bengio 2010, Var = 2/(n_in + n_out)", NAME,
                "variance_scaling(scale=1,mode=fan_avg,distribution=untruncated_normal)", LINEAR, gaussAvg)
                .withFinding("XavierInitializer Javadoc and code agree on sd sqrt(3/(0.5 (n_in + n_out))) ="
                        + " sqrt(6/(n_in + n_out)) for GAUSSIAN/AVG, the uniform's bound: sqrt(3) x Glorot's normal"
                        + " sd sqrt(2/(n_in + n_out)) (a documentation choice, not a code error)",
                        "second_moment", "ks"));
        String he = "XavierInitializer Javadoc: the He et al. 2015 setting \"can be initialized with new"
                + " XavierInitializer(RandomType.GAUSSIAN, FactorType.IN, 2))\"; fans: n_in \"the number of neurons"
                + " feeding into weights\"";
        out.add(row("XavierInitializer(GAUSSIAN, IN, 2)", "linear weight", he, DOCUMENTATION,
                "variance_scaling(scale=2,mode=fan_in,distribution=untruncated_normal)", LINEAR,
                DjlInit.of(() -> new XavierInitializer(RandomType.GAUSSIAN, FactorType.IN, 2f))));
        out.add(row("XavierInitializer(GAUSSIAN, IN, 2)", "conv weight", he + " (n_in = in·kh·kw)", DOCUMENTATION,
                "variance_scaling(scale=2,mode=fan_in,distribution=untruncated_normal)", CONV,
                DjlInit.of(() -> new XavierInitializer(RandomType.GAUSSIAN, FactorType.IN, 2f))));
    }

    private static void plain(List<ThirdPartyCase> out) {
        out.add(row("NormalInitializer(0.05)", "linear weight", "NormalInitializer Javadoc: \"random values sampled"
                + " from a normal distribution with a mean of zero and standard deviation of sigma\"", DOCUMENTATION,
                "normal(stddev=0.05)", LINEAR, DjlInit.of(() -> new NormalInitializer(0.05f))));
        out.add(row("UniformInitializer(0.1)", "linear weight", "UniformInitializer Javadoc: \"Values are generated"
                + " from the range [-`scale`, `scale`]\"", DOCUMENTATION, "uniform(limit=0.1)", LINEAR,
                DjlInit.of(() -> new UniformInitializer(0.1f))));
        out.add(row("TruncatedNormalInitializer(0.05)", "linear weight", "TruncatedNormalInitializer Javadoc:"
                + " \"Simply samples from a normal distribution and throws away anything outside two standard"
                + " deviations\" (the @param calls sigma \"the standard deviation of the truncated normal"
                + " distribution\")", DOCUMENTATION, "truncated_normal(stddev=0.05)", LINEAR,
                DjlInit.of(() -> new TruncatedNormalInitializer(0.05f))));
    }

    static String uniformLimit(double limit) {
        return String.format(Locale.ROOT, "uniform(limit=%.17g)", limit);
    }

    static String normal(double sd) {
        return String.format(Locale.ROOT, "normal(stddev=%.17g)", sd);
    }
}
