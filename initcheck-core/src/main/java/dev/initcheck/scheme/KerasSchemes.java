package dev.initcheck.scheme;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.shape.FanMode;
import dev.initcheck.shape.Fans;
import java.util.List;

/**
 * Keras 3 / tf.keras semantics ({@code keras/src/initializers/random_initializers.py}, VarianceScaling):
 * s = scale / max(1, fan);
 * truncated_normal (alias normal): N(0, sqrt(s)/0.87962566103423978) cut at ±2 parent sd, so Var = s exactly;
 * untruncated_normal: N(0, sqrt(s)); uniform: U(±sqrt(3 s)).
 * Glorot = (scale 1, fan_avg), LeCun = (1, fan_in), He = (2, fan_in). The *_normal variants are truncated and
 * corrected, unlike PyTorch's xavier_normal_/kaiming_normal_.
 */
final class KerasSchemes {
    private KerasSchemes() {
    }

    static final List<String> DISTRIBUTIONS = List.of("truncated_normal", "normal", "untruncated_normal", "uniform");

    static List<SchemeDefinition> all() {
        return List.of(
                fixed("glorot_uniform", 1, FanMode.FAN_AVG, "uniform", "U(±sqrt(6/(fan_in+fan_out)))"),
                fixed("glorot_normal", 1, FanMode.FAN_AVG, "truncated_normal",
                        "N(0, sqrt(2/(fan_in+fan_out))/0.8796) cut at ±2 parent sd; Var = 2/(fan_in+fan_out)"),
                fixed("he_uniform", 2, FanMode.FAN_IN, "uniform", "U(±sqrt(6/fan_in))"),
                fixed("he_normal", 2, FanMode.FAN_IN, "truncated_normal",
                        "N(0, sqrt(2/fan_in)/0.8796) cut at ±2 parent sd; Var = 2/fan_in"),
                fixed("lecun_uniform", 1, FanMode.FAN_IN, "uniform", "U(±sqrt(3/fan_in))"),
                fixed("lecun_normal", 1, FanMode.FAN_IN, "truncated_normal",
                        "N(0, sqrt(1/fan_in)/0.8796) cut at ±2 parent sd; Var = 1/fan_in"),
                new SchemeDefinition("variance_scaling", "keras", "Keras VarianceScaling",
                        "s = scale/max(1, fan); truncated: Var = s; untruncated: N(0, sqrt(s)); uniform: U(±sqrt(3s))",
                        List.of(Param.positive("scale", "1"),
                                Param.choice("mode", "fan_in", List.of("fan_in", "fan_out", "fan_avg")),
                                Param.choice("distribution", "truncated_normal", DISTRIBUTIONS)),
                        (a, f, s, l) -> varianceScaling(a.num("scale"), FanMode.parse(a.word("mode")),
                                a.word("distribution"), f)));
    }

    private static SchemeDefinition fixed(String name, double scale, FanMode mode, String dist, String formula) {
        String summary = String.format(java.util.Locale.ROOT, "Keras %s: variance_scaling(scale=%s, mode=%s, "
                + "distribution=%s)", name, scale == 1 ? "1" : "2", mode.id(), dist);
        return new SchemeDefinition(name, "keras", summary, formula, List.of(),
                (a, f, s, l) -> varianceScaling(scale, mode, dist, f));
    }

    /** Keras VarianceScaling.__call__, as a law. */
    static Distribution varianceScaling(double scale, FanMode mode, String distribution, Fans fans) {
        double s = scale / Math.max(1.0, fans.fan(mode));
        return switch (distribution) {
            case "truncated_normal", "normal" -> TruncatedNormal.keras(0, Math.sqrt(s) / TruncatedNormal.KERAS_CORRECTION);
            case "untruncated_normal" -> Normal.of(0, Math.sqrt(s));
            case "uniform" -> Uniform.symmetric(Math.sqrt(3 * s));
            default -> throw new SchemeException("variance_scaling: unknown distribution '" + distribution
                    + "' (valid: " + String.join(", ", DISTRIBUTIONS) + ")");
        };
    }
}
