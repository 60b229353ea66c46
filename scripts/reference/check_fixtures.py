#!/usr/bin/python3
"""Honest and mis-declared weight tensors for end-to-end checks.

Writes src/test/resources/fixtures/check/*.npy and fixtures.csv.
Run from the repository root:  /usr/bin/python3 scripts/reference/check_fixtures.py
"""
import math
import os
import sys

import numpy as np
from scipy import stats
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refcommon as rc  # noqa: E402
import schemes  # noqa: E402

SCRIPT = "check_fixtures.py"
OUT = os.path.join(rc.FIXTURE_DIR, "check")
TS = schemes.KERAS_TRUNC_SD


def np_trunc_normal(rng, sd_parent, shape):
    """N(0, sd_parent^2) conditioned on |x| <= 2 sd_parent, by redrawing (as Keras does)."""
    n = int(np.prod(shape))
    z = rng.standard_normal(n)
    bad = np.abs(z) > 2.0
    while bad.any():
        z[bad] = rng.standard_normal(int(bad.sum()))
        bad = np.abs(z) > 2.0
    return (z * sd_parent).reshape(shape)


def torch_init(seed, shape, fn):
    torch.manual_seed(seed)
    w = torch.empty(*shape, dtype=torch.float32)
    fn(w)
    return w.numpy().copy()


def fixtures():
    """List of dicts; 'make' returns the array (already in its final dtype)."""
    F = []

    def add(**kw):
        F.append(kw)

    # 1. Keras glorot_uniform, dense [in=160, out=128]
    add(file="glorot_uniform_dense_keras.npy", shape=(160, 128), layout="keras",
        honest="glorot_uniform", mis="he_uniform", seed=101,
        gen="numpy uniform(-sqrt(6/(fan_in+fan_out)); +sqrt(6/(fan_in+fan_out)))",
        make=lambda s: np.random.default_rng(s).uniform(-math.sqrt(6 / 288), math.sqrt(6 / 288),
                                                        (160, 128)).astype("<f4"),
        why="fan_avg scheme declared as a fan_in scheme: he_uniform limit sqrt(6/160) but the "
            "samples use sqrt(6/(160+128)); sd ratio sqrt(160/288) = 0.745")
    # 2. Keras he_normal (truncated; corrected), dense
    add(file="he_normal_dense_keras.npy", shape=(160, 128), layout="keras",
        honest="he_normal", mis="he_uniform", seed=102,
        gen="numpy truncated normal (redraw |z|>2); parent sd sqrt(2/fan_in)/0.87962566103423978",
        make=lambda s: np_trunc_normal(np.random.default_rng(s), math.sqrt(2 / 160) / TS,
                                       (160, 128)).astype("<f4"),
        why="same variance but wrong shape: he_uniform is U(-sqrt(6/fan_in); sqrt(6/fan_in)) = "
            "+-1.732 sd while the samples reach +-2.274 sd; about 8.6% of values lie outside "
            "the declared support")
    # 3. PyTorch kaiming_normal (untruncated), declared as the Keras truncated he_normal
    add(file="torch_kaiming_normal_relu_dense_pytorch.npy", shape=(128, 160), layout="pytorch",
        honest="torch.kaiming_normal(nonlinearity=relu)", mis="he_normal", seed=103,
        gen="torch.nn.init.kaiming_normal_(w; nonlinearity='relu') after torch.manual_seed(seed)",
        make=lambda s: torch_init(s, (128, 160), lambda w: torch.nn.init.kaiming_normal_(
            w, nonlinearity="relu")).astype("<f4"),
        why="PyTorch kaiming_normal is an untruncated N(0; 2/fan_in) while Keras he_normal is "
            "truncated at +-2 parent sd = +-2.274 sd (same variance); about 2.3% of values lie "
            "beyond the declared cut-offs (fans from the file layout: fan_in = 160)")
    # 4. Keras he_normal without the 0.8796 correction
    add(file="he_normal_uncorrected_dense_keras.npy", shape=(160, 128), layout="keras",
        honest="", mis="he_normal", seed=104,
        gen="numpy truncated normal (redraw |z|>2); parent sd sqrt(2/fan_in) (no /0.8796 correction)",
        make=lambda s: np_trunc_normal(np.random.default_rng(s), math.sqrt(2 / 160),
                                       (160, 128)).astype("<f4"),
        why="truncated at +-2 parent sd with parent sd sqrt(2/fan_in) instead of "
            "sqrt(2/fan_in)/0.8796: the sd is 0.8796 times the declared one (variance ratio "
            "0.7737); no scheme of the grammar describes these samples so honest_scheme is empty")
    # 5. Keras he_uniform on a conv kernel, declared as the normal of the same variance
    add(file="he_uniform_conv_keras.npy", shape=(3, 3, 32, 64), layout="keras",
        honest="he_uniform", mis="he_normal", seed=105,
        gen="numpy uniform(-sqrt(6/fan_in); +sqrt(6/fan_in)); fan_in = 3*3*32 = 288",
        make=lambda s: np.random.default_rng(s).uniform(-math.sqrt(6 / 288), math.sqrt(6 / 288),
                                                        (3, 3, 32, 64)).astype("<f4"),
        why="uniform samples declared as the (truncated) normal of the same variance 2/fan_in: "
            "variance and support agree (1.732 sd < 2.274 sd); only the shape differs "
            "(kurtosis 1.8 vs 2.366; KS distance between the two laws 0.043)")
    # 6. Conv weight generated with fans that ignore the receptive field
    add(file="conv_fan_ignores_kernel_pytorch.npy", shape=(64, 32, 3, 3), layout="pytorch",
        honest="normal(stddev=0.25)", mis="torch.kaiming_normal(nonlinearity=relu)", seed=106,
        gen="torch.nn.init.normal_(w; std=sqrt(2/32)=0.25): kaiming with fan_in = in_channels = 32",
        make=lambda s: torch_init(s, (64, 32, 3, 3), lambda w: torch.nn.init.normal_(
            w, mean=0.0, std=0.25)).astype("<f4"),
        why="fan_in computed without the 3x3 receptive field (32 instead of 288): the sd is "
            "sqrt(2/32) = 0.25 instead of sqrt(2/288) = 0.0833 (3 times too large)")
    # 7. PyTorch xavier_uniform on a conv weight
    add(file="torch_xavier_uniform_conv_pytorch.npy", shape=(64, 32, 3, 3), layout="pytorch",
        honest="torch.xavier_uniform(gain=1)", mis="torch.linear_default", seed=107,
        gen="torch.nn.init.xavier_uniform_(w; gain=1) after torch.manual_seed(seed); "
            "fan_in = 288; fan_out = 576",
        make=lambda s: torch_init(s, (64, 32, 3, 3), lambda w: torch.nn.init.xavier_uniform_(
            w, gain=1.0)).astype("<f4"),
        why="assumed to be the PyTorch default: torch.linear_default is U(-1/sqrt(288); "
            "1/sqrt(288)) = +-0.0589 but the samples reach +-sqrt(6/864) = +-0.0833")
    # 8. float64 file
    add(file="normal_stddev0.05_f64_keras.npy", shape=(160, 128), layout="keras",
        honest="normal(stddev=0.05)", mis="uniform(limit=0.05)", seed=108,
        gen="numpy normal(0; 0.05); stored as float64",
        make=lambda s: np.random.default_rng(s).normal(0.0, 0.05, (160, 128)).astype("<f8"),
        why="stddev mistaken for a limit: the uniform has sd 0.0289 and support +-0.05 while "
            "about 31.7% of the normal samples lie outside +-0.05")
    # 9. big-endian file
    add(file="uniform_limit0.05_bigendian_keras.npy", shape=(160, 128), layout="keras",
        honest="uniform(limit=0.05)", mis="normal(stddev=0.05)", seed=109,
        gen="numpy uniform(-0.05; 0.05); stored as big-endian float32 ('>f4')",
        make=lambda s: np.random.default_rng(s).uniform(-0.05, 0.05, (160, 128)).astype(">f4"),
        why="limit mistaken for a stddev: the samples have sd 0.05/sqrt(3) = 0.0289; "
            "1.73 times smaller than declared")
    # 10. PyTorch default nn.Linear weight
    add(file="torch_linear_default_dense_pytorch.npy", shape=(128, 160), layout="pytorch",
        honest="torch.linear_default", mis="torch.xavier_uniform(gain=1)", seed=110,
        gen="torch.nn.Linear(160; 128).weight after torch.manual_seed(seed) "
            "(kaiming_uniform_(a=sqrt(5)) = U(-1/sqrt(160); 1/sqrt(160)))",
        make=lambda s: _linear_weight(s, 160, 128).astype("<f4"),
        why="assumed Glorot as in Keras: xavier_uniform limit sqrt(6/288) = 0.1443 but the "
            "default layer uses 1/sqrt(160) = 0.0791 (sd ratio 0.548)")
    # 11. Keras lecun_normal
    add(file="lecun_normal_dense_keras.npy", shape=(256, 80), layout="keras",
        honest="lecun_normal", mis="he_normal", seed=111,
        gen="numpy truncated normal (redraw |z|>2); parent sd sqrt(1/fan_in)/0.87962566103423978",
        make=lambda s: np_trunc_normal(np.random.default_rng(s), math.sqrt(1 / 256) / TS,
                                       (256, 80)).astype("<f4"),
        why="SELU initializer declared as the ReLU one: he_normal has twice the variance "
            "(sd ratio sqrt(2))")
    return F


def _linear_weight(seed, fin, fout):
    torch.manual_seed(seed)
    layer = torch.nn.Linear(fin, fout)
    return layer.weight.detach().numpy().copy()


GEN_LAW = {
    "he_normal_uncorrected_dense_keras.npy": ("truncnorm2", math.sqrt(2 / 160)),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for fx in fixtures():
        arr = fx["make"](fx["seed"])
        assert arr.shape == tuple(fx["shape"]), (fx["file"], arr.shape)
        path = os.path.join(OUT, fx["file"])
        rc.save_npy(path, arr)
        x = np.load(path).astype(np.float64).ravel()
        gen_law = GEN_LAW.get(fx["file"]) or schemes.law(fx["honest"], fx["shape"], fx["layout"])
        mis_law = schemes.law(fx["mis"], fx["shape"], fx["layout"])
        p_gen = float(stats.kstest(x, schemes.scipy_law(gen_law).cdf, method="exact").pvalue)
        p_mis = float(stats.kstest(x, schemes.scipy_law(mis_law).cdf, method="exact").pvalue)
        lo, hi = schemes.support(mis_law)
        outside = int(np.sum((x < lo) | (x > hi)))
        assert p_gen > 1e-3, (fx["file"], p_gen)
        rows.append([fx["file"], rc.shape_str(fx["shape"]), fx["layout"], fx["honest"], fx["mis"],
                     fx["why"], arr.dtype.str, x.size, fx["gen"], fx["seed"],
                     schemes.law_str(gen_law), schemes.law_str(mis_law),
                     float(np.sqrt(np.mean(x * x))), schemes.law_sd(gen_law),
                     schemes.law_sd(mis_law), p_gen, p_mis, outside])
        print(fx["file"], arr.dtype.str, "p_gen=%.3g p_mis=%.3g outside=%d sd=%.5g/%.5g/%.5g" % (
            p_gen, p_mis, outside, rows[-1][12], rows[-1][13], rows[-1][14]))

    cols = ["file", "shape", "layout", "honest_scheme", "misdeclared_scheme", "why", "dtype", "n",
            "generator", "seed", "generating_law", "misdeclared_law", "sample_rms",
            "sd_generating_law", "sd_misdeclared_law", "ks_p_generating_law",
            "ks_p_misdeclared_law", "outside_support_misdeclared"]
    hdr = rc.header(SCRIPT, "weight fixtures with honest and mis-declared schemes", [
        "file: .npy file in this folder (C order; dtype in column dtype, incl. one '<f8' and one '>f4')",
        "shape: dimensions joined by 'x' (e.g. 64x32x3x3)",
        "layout: keras = [*kernel, in, out] (fan_in = shape[-2]*prod(kernel), fan_out =",
        "    shape[-1]*prod(kernel)); pytorch = [out, in, *kernel] (fan_in = shape[1]*prod(shape[2:]),",
        "    fan_out = shape[0]*prod(shape[2:])); a scheme is always evaluated with the file's layout",
        "honest_scheme: a scheme that describes the samples exactly (empty if none in the grammar)",
        "misdeclared_scheme: a realistic wrong declaration; why: what is wrong with it",
        "dtype, n: numpy dtype string and number of elements",
        "generator, seed: how the values were made (numpy.random.default_rng(seed), or",
        "    torch.manual_seed(seed) then the named torch call on CPU)",
        "generating_law / misdeclared_law: the element law written family(parameter):",
        "    uniform(a) = U(-a,a); normal(s) = N(0,s^2); truncnorm2(s) = N(0,s^2) cut at +-2s",
        "sample_rms: sqrt(mean(x^2)) of the stored values (as float64)",
        "sd_generating_law, sd_misdeclared_law: sd of those laws",
        "ks_p_generating_law, ks_p_misdeclared_law: scipy.stats.kstest(x, law.cdf, method='exact').pvalue",
        "outside_support_misdeclared: count of values outside the misdeclared law's support",
    ], notes=[
        "Scheme grammar: glorot_uniform; he_normal (Keras: N(0,s^2) cut at +-2s, s =",
        "sqrt(2/fan_in)/0.87962566103423978); he_uniform = U(+-sqrt(6/fan_in)); lecun_normal (Keras:",
        "cut at +-2s, s = sqrt(1/fan_in)/0.87962566103423978); torch.kaiming_normal(nonlinearity=relu) =",
        "N(0, 2/fan_in) untruncated; torch.xavier_uniform(gain=1) = U(+-gain sqrt(6/(fan_in+fan_out)));",
        "torch.linear_default = U(+-1/sqrt(fan_in)); normal(stddev=S) = N(0,S^2); uniform(limit=A) = U(+-A).",
        "Descriptive text uses ';' instead of ',' inside parentheses.",
    ], with_torch=True, with_mpmath=False)
    rc.write_csv(os.path.join(OUT, "fixtures.csv"), hdr, cols, rows)


if __name__ == "__main__":
    main()
