"""Scheme strings -> element law, written from the initializer definitions.

Grammar (exact spelling):  name  or  name(key=value,key=value,...)  with no spaces.
Layouts: 'keras'   = [*kernel, in, out]:  fan_in = shape[-2]*prod(kernel), fan_out = shape[-1]*prod(kernel)
         'pytorch' = [out, in, *kernel]:  fan_in = shape[1]*prod(shape[2:]), fan_out = shape[0]*prod(shape[2:])
A 1-D shape has fan_in = fan_out = shape[0].

Returned laws: ('uniform', a) = U(-a, a); ('normal', s) = N(0, s^2);
('truncnorm2', s) = N(0, s^2) truncated at +-2s; ('truncnorm', mean, std, lo, hi) with absolute
cut-offs; ('orthogonal', gain) is not an i.i.d. law.
"""
import math

KERAS_TRUNC_SD = 0.87962566103423978   # sd of N(0,1) truncated at +-2


def fans(shape, layout):
    shape = [int(d) for d in shape]
    if len(shape) == 1:
        return shape[0], shape[0]
    if layout == "keras":
        rf = 1
        for d in shape[:-2]:
            rf *= d
        return shape[-2] * rf, shape[-1] * rf
    if layout == "pytorch":
        rf = 1
        for d in shape[2:]:
            rf *= d
        return shape[1] * rf, shape[0] * rf
    raise ValueError(layout)


def parse(scheme):
    if "(" not in scheme:
        return scheme, {}
    name, rest = scheme.split("(", 1)
    assert rest.endswith(")"), scheme
    args = {}
    body = rest[:-1]
    if body:
        for kv in body.split(","):
            k, v = kv.split("=", 1)
            args[k] = v
    return name, args


def torch_gain(nonlinearity, a):
    # torch.nn.init.calculate_gain
    if nonlinearity in ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d",
                        "conv_transpose2d", "conv_transpose3d", "sigmoid"):
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        return math.sqrt(2.0 / (1 + a ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(nonlinearity)


def law(scheme, shape, layout):
    name, args = parse(scheme)
    fi, fo = fans(shape, layout)
    if name == "glorot_uniform":
        return ("uniform", math.sqrt(6.0 / (fi + fo)))
    if name == "glorot_normal":
        return ("truncnorm2", math.sqrt(2.0 / (fi + fo)) / KERAS_TRUNC_SD)
    if name == "he_uniform":
        return ("uniform", math.sqrt(6.0 / fi))
    if name == "he_normal":
        return ("truncnorm2", math.sqrt(2.0 / fi) / KERAS_TRUNC_SD)
    if name == "lecun_uniform":
        return ("uniform", math.sqrt(3.0 / fi))
    if name == "lecun_normal":
        return ("truncnorm2", math.sqrt(1.0 / fi) / KERAS_TRUNC_SD)
    if name == "normal":
        return ("normal", float(args["stddev"]))
    if name == "uniform":
        return ("uniform", float(args["limit"]))
    if name == "torch.linear_default":
        return ("uniform", 1.0 / math.sqrt(fi))
    if name in ("torch.xavier_uniform", "torch.xavier_normal"):
        g = float(args.get("gain", "1"))
        if name == "torch.xavier_uniform":
            return ("uniform", g * math.sqrt(6.0 / (fi + fo)))
        return ("normal", g * math.sqrt(2.0 / (fi + fo)))
    if name in ("torch.kaiming_uniform", "torch.kaiming_normal"):
        a = float(args.get("a", "0"))
        mode = args.get("mode", "fan_in")
        nl = args.get("nonlinearity", "leaky_relu")
        fan = fi if mode == "fan_in" else fo
        g = torch_gain(nl, a)
        if name == "torch.kaiming_uniform":
            return ("uniform", g * math.sqrt(3.0 / fan))
        return ("normal", g / math.sqrt(fan))
    if name == "torch.trunc_normal":
        return ("truncnorm", float(args.get("mean", "0")), float(args.get("std", "1")),
                float(args.get("a", "-2")), float(args.get("b", "2")))
    if name == "orthogonal":
        return ("orthogonal", float(args.get("gain", "1")))
    raise ValueError(scheme)


def scipy_law(lw):
    from scipy import stats
    if lw[0] == "uniform":
        return stats.uniform(loc=-lw[1], scale=2 * lw[1])
    if lw[0] == "normal":
        return stats.norm(scale=lw[1])
    if lw[0] == "truncnorm2":
        return stats.truncnorm(-2.0, 2.0, scale=lw[1])
    if lw[0] == "truncnorm":
        _, m, s, lo, hi = lw
        return stats.truncnorm((lo - m) / s, (hi - m) / s, loc=m, scale=s)
    raise ValueError(lw)


def support(lw):
    if lw[0] == "uniform":
        return -lw[1], lw[1]
    if lw[0] == "normal":
        return -math.inf, math.inf
    if lw[0] == "truncnorm2":
        return -2 * lw[1], 2 * lw[1]
    if lw[0] == "truncnorm":
        return lw[3], lw[4]
    raise ValueError(lw)


def law_str(lw):
    if lw[0] == "truncnorm":
        return "truncnorm(mean=%r;std=%r;lo=%r;hi=%r)" % lw[1:]
    return "%s(%r)" % lw


def law_sd(lw):
    d = scipy_law(lw)
    return float(d.std())
