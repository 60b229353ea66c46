"""Reference data for values stored in bfloat16 / float16.

Writes
  reference/stored/rounding.csv  float32 -> bfloat16 and float16 as PyTorch rounds them (Tensor.to)
  reference/stored/laws.csv      the exact law of a rounded value: moments, tail, collision, CDF gap
  reference/stored/chernoff.csv  Chernoff acceptance thresholds for the mean of V = ((Y-mu)/sd)^k
  fixtures/stored/*.safetensors  small honest tensors sampled by PyTorch directly in bfloat16 / float16

The stored law is computed independently of the Java code: every value of the format is enumerated
from its bit patterns with numpy, the rounding-cell edges are the midpoints between neighbours, and
the cell probabilities are scipy CDF differences (survival function above the median).
"""
import math
import os
import struct
import json

import numpy as np
import scipy
from scipy import optimize, stats
import torch

import refcommon as rc

OUT = os.path.join(rc.REF_DIR, "stored")
FIX = os.path.join(rc.FIXTURE_DIR, "stored")


def format_values(fmt):
    """All finite values of the format, ascending, -0 merged into +0."""
    bits = np.arange(65536, dtype=np.uint32)
    if fmt == "bfloat16":
        with np.errstate(invalid="ignore"):
            v = (bits << 16).view(np.float32).astype(np.float64)
    else:
        v = bits.astype(np.uint16).view(np.float16).astype(np.float64)
    v = v[np.isfinite(v)]
    return np.unique(v)


def cells(fmt):
    g = format_values(fmt)
    mid = (g[1:] + g[:-1]) / 2
    top = g[-1] + (g[-1] - g[-2]) / 2
    lower = np.concatenate(([-top], mid))
    upper = np.concatenate((mid, [top]))
    return g, lower, upper


def law(kind, a, b, c=None, d=None):
    if kind == "normal":
        return stats.norm(loc=a, scale=b), a, b
    if kind == "uniform":
        dist = stats.uniform(loc=a, scale=b - a)
        return dist, (a + b) / 2, (b - a) / math.sqrt(12)
    if kind == "truncnorm":  # parent mean a, parent sd b, absolute cut-offs c, d
        dist = stats.truncnorm((c - a) / b, (d - a) / b, loc=a, scale=b)
        return dist, dist.mean(), dist.std()
    raise ValueError(kind)


def atoms(dist, fmt):
    """Cell probabilities: CDF differences, or density x width for cells narrower than 1e-6 sd (near 0, where a
    CDF difference of two numbers near 1/2 would cancel; the midpoint rule is then exact to 1e-13 relative)."""
    g, lo, hi = cells(fmt)
    median = dist.median()
    with np.errstate(invalid="ignore"):
        p = np.where(hi <= median, dist.cdf(hi) - dist.cdf(lo), dist.sf(lo) - dist.sf(hi))
        narrow = (hi - lo) < 1e-6 * dist.std()
        p = np.where(narrow, dist.pdf(g) * (hi - lo), p)
    keep = p > 0
    return g[keep], p[keep], g, lo, hi


LAWS = [
    # name, kind, a, b, c, d, precision
    ("he_uniform fan_in 380", "uniform", -math.sqrt(6 / 380), math.sqrt(6 / 380), None, None, "bfloat16"),
    ("he_uniform fan_in 380", "uniform", -math.sqrt(6 / 380), math.sqrt(6 / 380), None, None, "float16"),
    ("torch.linear_default fan_in 4096", "uniform", -1 / 64, 1 / 64, None, None, "bfloat16"),
    ("torch.kaiming_normal fan_in 4096", "normal", 0.0, math.sqrt(2 / 4096), None, None, "bfloat16"),
    ("keras he_normal fan_in 4096", "truncnorm", 0.0, math.sqrt(2 / 4096) / 0.87962566103423978,
     -2 * math.sqrt(2 / 4096) / 0.87962566103423978, 2 * math.sqrt(2 / 4096) / 0.87962566103423978, "bfloat16"),
    ("normal(stddev=0.02)", "normal", 0.0, 0.02, None, None, "bfloat16"),
    ("normal(stddev=0.02)", "normal", 0.0, 0.02, None, None, "float16"),
    ("normal(mean=1,stddev=1e-4)", "normal", 1.0, 1e-4, None, None, "bfloat16"),
]


def write_laws():
    rows = []
    for name, kind, a, b, c, d, fmt in LAWS:
        dist, mu, sd = law(kind, a, b, c, d)
        v, p, g, lo, hi = atoms(dist, fmt)
        declared_var = sd * sd
        y = v - mu
        m1 = float(np.sum(p * y)) / sd
        m2 = float(np.sum(p * y * y)) / declared_var
        m4 = float(np.sum(p * y ** 4)) / declared_var ** 2
        q = float(np.sum(p * p))
        fg = dist.cdf(g)
        gap = float(max(np.max(np.abs(dist.cdf(hi) - fg)), np.max(np.abs(fg - dist.cdf(lo)))))
        if kind == "normal":
            cut = 2 * b
            tail = float(np.sum(p[np.abs(y) > cut]))
        else:
            cut = float("nan")
            tail = float("nan")
        rows.append([name, kind, a, b, "" if c is None else c, "" if d is None else d, fmt, len(v),
                     m1, m2, m4, q, gap, cut, tail])
    cols = ["name", "kind", "a", "b", "c", "d", "precision", "atoms", "mean_sd", "m2", "m4", "collision",
            "cdf_gap", "tail_cut", "tail_probability"]
    lines = [
        "name: what the law stands for; kind: normal (a = mean, b = sd) | uniform (a, b bounds) |",
        "  truncnorm (a = parent mean, b = parent sd, c, d absolute cut-offs); precision: storage format",
        "atoms: number of format values with positive probability",
        "mean_sd: E[Y - mu]/sd; m2: E[(Y - mu)^2]/sd^2; m4: E[(Y - mu)^4]/sd^4 for Y = round(X), mu and sd",
        "  the declared law's mean and standard deviation (truncated sd for truncnorm)",
        "collision: sum over format values g of P(Y = g)^2",
        "cdf_gap: sup_x |P(Y <= x) - F(x)|, the gap rounding opens between stored and continuous CDF",
        "tail_cut: 2 sd (normal); tail_probability: P(|Y - mu| > tail_cut)",
    ]
    rc.write_csv(os.path.join(OUT, "laws.csv"),
                 rc.header("stored_reference.py", "laws of values stored in bfloat16 / float16", lines,
                           with_torch=True), cols, rows)


def log_mgf(v, p, t):
    """ln E[e^{t (V - EV)}] through expm1 (no cancellation at small t)."""
    return math.log1p(float(np.sum(p * np.expm1(t * v))))


def chernoff_upper(v, p, n, a, cap):
    """Smallest u - EV with sup_{0<=t<=cap} n (t u - ln M(t)) >= ln(1/a), by root finding on u."""
    target = math.log(1 / a) / n

    def rate(u):
        res = optimize.minimize_scalar(lambda t: -(t * u - log_mgf(v, p, t)), bounds=(0, cap),
                                       method="bounded", options={"xatol": 1e-14})
        best = -res.fun
        at_cap = cap * u - log_mgf(v, p, cap)
        return max(best, at_cap)

    hi = 1e-3
    while rate(hi) < target:
        hi *= 2
    return optimize.brentq(lambda u: rate(u) - target, 0, hi, xtol=1e-15, rtol=1e-13)


def write_chernoff():
    rows = []
    cases = [("torch.kaiming_normal fan_in 4096", 0.0, math.sqrt(2 / 4096), "bfloat16"),
             ("normal(stddev=0.02)", 0.0, 0.02, "bfloat16"),
             ("normal(stddev=0.02)", 0.0, 0.02, "float16")]
    for name, mu, sd, fmt in cases:
        dist = stats.norm(loc=mu, scale=sd)
        v, p, *_ = atoms(dist, fmt)
        p = p / np.sum(p)
        for power, cap in ((2, 0.25), (1, 10.0)):
            x = ((v - mu) / sd) ** power
            mean = float(np.sum(p * x))
            xc = x - mean
            for n, alpha in ((1000, 1e-7), (1_000_000, 1e-8), (17_000_000, 1e-9)):
                up = chernoff_upper(xc, p, n, alpha / 2, cap)
                down = chernoff_upper(-xc, p, n, alpha / 2, cap)
                rows.append([name, mu, sd, fmt, power, n, alpha, mean - down, mean + up])
    cols = ["name", "mean", "sd", "precision", "power", "n", "alpha", "lower", "upper"]
    lines = [
        "V = ((Y - mean)/sd)^power for Y = round(X), X ~ N(mean, sd), stored in precision",
        "lower, upper: the acceptance interval of mean(V) over n values at false-alarm alpha (alpha/2 a side)",
        "  from Chernoff's bound P(mean >= u) <= exp(-n sup_t (t u - ln M(t))), t in [0, cap],",
        "  cap = 0.25 for power 2 and 10 for power 1; solved here for u by root finding (scipy brentq)",
        "  over the rate maximised in t (scipy minimize_scalar), M from the enumerated atoms",
    ]
    rc.write_csv(os.path.join(OUT, "chernoff.csv"),
                 rc.header("stored_reference.py", "Chernoff thresholds for bfloat16 / float16 values", lines,
                           with_torch=True), cols, rows)


def write_rounding():
    rng = np.random.default_rng(20261130)
    singles = []
    # random magnitudes over the whole float32 range that both formats can hold, both signs
    e = rng.uniform(-30, 16, 4000)
    singles += list((np.sign(rng.standard_normal(4000)) * 2.0 ** e).astype(np.float32))
    # exact ties: midpoints between neighbouring bf16 and f16 values, and their float32 neighbours
    for fmt in ("bfloat16", "float16"):
        g = format_values(fmt)
        idx = rng.choice(len(g) - 1, 600, replace=False)
        mids = ((g[idx] + g[idx + 1]) / 2).astype(np.float32)
        for m in mids:
            singles += [m, np.nextafter(m, np.float32(np.inf)), np.nextafter(m, np.float32(-np.inf))]
    # overflow boundaries, subnormals, zero
    singles += [np.float32(x) for x in (65504, 65519.996, 65520, 3.3895314e38, 3.4028235e38, 6e-8, 3e-8, 5.96e-8,
                                        1e-40, -1e-40, 0.0, -0.0, 1.0, -1.0, 0.1, 2 ** -24, 2 ** -25)]
    x = torch.tensor(np.array(singles, dtype=np.float32))
    bf = x.to(torch.bfloat16).to(torch.float64).numpy()
    hf = x.to(torch.float16).to(torch.float64).numpy()
    rows = []
    for xi, b, h in zip(x.numpy(), bf, hf):
        bits = struct.unpack("<I", struct.pack("<f", float(xi)))[0]
        rows.append(["%08x" % bits, float(xi), float(b), float(h)])
    cols = ["float32_bits", "float32", "bfloat16", "float16"]
    lines = ["float32_bits: the input's IEEE-754 binary32 bits (hex); float32: its value",
             "bfloat16, float16: torch.tensor(float32).to(torch.bfloat16 / torch.float16), as float64",
             "inputs: random magnitudes 2^U(-30,16) of both signs, exact ties between neighbouring",
             "  bfloat16/float16 values and their float32 neighbours, overflow edges, subnormals, zero"]
    rc.write_csv(os.path.join(OUT, "rounding.csv"),
                 rc.header("stored_reference.py", "float32 rounded to bfloat16 and float16 by PyTorch", lines,
                           with_torch=True, with_mpmath=False), cols, rows)


def write_fixtures():
    """Honest tensors that PyTorch samples in bfloat16 / float16 itself (its own rounding path)."""
    torch.manual_seed(20261130)
    tensors = {}
    w = torch.empty(512, 380, dtype=torch.bfloat16)
    bound = math.sqrt(6 / 380)
    w.uniform_(-bound, bound)
    tensors["he_uniform_380.weight"] = w
    e = torch.empty(2048, 64, dtype=torch.bfloat16)
    e.normal_(0, 0.02)
    tensors["embed.weight"] = e
    k = torch.empty(256, 512, dtype=torch.float16)
    torch.nn.init.kaiming_normal_(k, nonlinearity="relu")
    tensors["kaiming.weight"] = k
    os.makedirs(FIX, exist_ok=True)
    header = {}
    blobs = []
    offset = 0
    for name, t in tensors.items():
        raw = t.contiguous().view(torch.int16).numpy().tobytes()
        dtype = "BF16" if t.dtype == torch.bfloat16 else "F16"
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    header["__metadata__"] = {"source": "scripts/reference/stored_reference.py", "torch": torch.__version__,
                              "seed": "20261130"}
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(os.path.join(FIX, "torch_sampled_16bit.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


if __name__ == "__main__":
    write_rounding()
    write_laws()
    write_chernoff()
    write_fixtures()
    print("wrote", OUT, "and", FIX)
