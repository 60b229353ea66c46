package dev.initcheck.scheme;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.PointMass;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.shape.FanMode;
import dev.initcheck.shape.Fans;
import java.util.List;

/**
 * PyTorch semantics ({@code torch/nn/init.py}). xavier_uniform_: U(±gain·sqrt(6/(fan_in+fan_out)));
 * xavier_normal_: N(0, gain·sqrt(2/(fan_in+fan_out))), untruncated; kaiming_*: std = gain/sqrt(fan) with
 * gain = calculate_gain(nonlinearity, a), uniform bound sqrt(3)·std, normal untruncated; trunc_normal_: absolute
 * cut-offs a, b and no correction; default nn.Linear/nn.ConvNd: kaiming_uniform_(a=sqrt(5)) = U(±1/sqrt(fan_in)),
 * Var = 1/(3 fan_in) (PyTorch #15314, #57109).
 */
final class TorchSchemes {
    private TorchSchemes() {
    }

    private static final List<String> NONLINEARITIES = java.util.Arrays.stream(Nonlinearity.values())
            .map(Nonlinearity::id).toList();

    static List<SchemeDefinition> all() {
        List<Param> kaiming = List.of(Param.number("a", "0"),
                Param.choice("mode", "fan_in", List.of("fan_in", "fan_out")),
                Param.choice("nonlinearity", "leaky_relu", NONLINEARITIES));
        return List.of(
                new SchemeDefinition("torch.xavier_uniform", "torch", "torch.nn.init.xavier_uniform_",
                        "U(±gain·sqrt(6/(fan_in+fan_out)))", List.of(Param.positive("gain", "1")),
                        (a, f, s, l) -> Uniform.symmetric(a.num("gain") * Math.sqrt(6.0 / (f.fanIn() + f.fanOut())))),
                new SchemeDefinition("torch.xavier_normal", "torch", "torch.nn.init.xavier_normal_ (untruncated)",
                        "N(0, gain·sqrt(2/(fan_in+fan_out)))", List.of(Param.positive("gain", "1")),
                        (a, f, s, l) -> Normal.of(0, a.num("gain") * Math.sqrt(2.0 / (f.fanIn() + f.fanOut())))),
                new SchemeDefinition("torch.kaiming_uniform", "torch", "torch.nn.init.kaiming_uniform_",
                        "U(±sqrt(3)·gain/sqrt(fan)), gain = calculate_gain(nonlinearity, a)", kaiming,
                        (a, f, s, l) -> Uniform.symmetric(Math.sqrt(3.0) * kaimingStd(a, f))),
                new SchemeDefinition("torch.kaiming_normal", "torch", "torch.nn.init.kaiming_normal_ (untruncated)",
                        "N(0, gain/sqrt(fan)), gain = calculate_gain(nonlinearity, a)", kaiming,
                        (a, f, s, l) -> Normal.of(0, kaimingStd(a, f))),
                new SchemeDefinition("torch.trunc_normal", "torch",
                        "torch.nn.init.trunc_normal_: absolute cut-offs a, b; std is the parent sd; no correction",
                        "N(mean, std) truncated to [a, b]",
                        List.of(Param.number("mean", "0"), Param.positive("std", "1"), Param.number("a", "-2"),
                                Param.number("b", "2")), TorchSchemes::truncNormal),
                new SchemeDefinition("torch.linear_default", "torch",
                        "default nn.Linear/nn.ConvNd weight: kaiming_uniform_(a=sqrt(5))",
                        "U(±1/sqrt(fan_in)); Var = 1/(3·fan_in)", List.of(),
                        (a, f, s, l) -> Uniform.symmetric(1 / Math.sqrt(f.fanIn()))),
                new SchemeDefinition("torch.normal", "torch", "torch.nn.init.normal_", "N(mean, std)",
                        List.of(Param.number("mean", "0"), Param.positive("std", "1")),
                        (a, f, s, l) -> Normal.of(a.num("mean"), a.num("std"))),
                new SchemeDefinition("torch.uniform", "torch", "torch.nn.init.uniform_", "U(a, b)",
                        List.of(Param.number("a", "0"), Param.number("b", "1")), TorchSchemes::uniform),
                new SchemeDefinition("torch.constant", "torch", "torch.nn.init.constant_", "val",
                        List.of(Param.number("val", null)), (a, f, s, l) -> PointMass.of(a.num("val"))));
    }

    /** gain / sqrt(fan), gain = calculate_gain(nonlinearity, a). */
    static double kaimingStd(Args a, Fans f) {
        double gain = Nonlinearity.parse(a.word("nonlinearity")).gain(a.num("a"));
        return gain / Math.sqrt(f.fan(FanMode.parse(a.word("mode"))));
    }

    private static Distribution truncNormal(Args a, Fans f, dev.initcheck.shape.Shape s, dev.initcheck.shape.Layout l) {
        if (!(a.num("a") < a.num("b"))) {
            throw new SchemeException("torch.trunc_normal: a (" + a.word("a") + ") must be smaller than b ("
                    + a.word("b") + ")");
        }
        return TruncatedNormal.of(a.num("mean"), a.num("std"), a.num("a"), a.num("b"));
    }

    private static Distribution uniform(Args a, Fans f, dev.initcheck.shape.Shape s, dev.initcheck.shape.Layout l) {
        if (!(a.num("a") < a.num("b"))) {
            throw new SchemeException("torch.uniform: a (" + a.word("a") + ") must be smaller than b ("
                    + a.word("b") + ")");
        }
        return Uniform.of(a.num("a"), a.num("b"));
    }
}
