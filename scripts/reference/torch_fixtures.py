#!/usr/bin/python3
"""Tensors made by torch.nn.init and default PyTorch layers, with declarations.

Writes src/test/resources/fixtures/torch/: *.npy, *.safetensors (written by hand) and
declarations.csv.
Run from the repository root:  /usr/bin/python3 scripts/reference/torch_fixtures.py
"""
import json
import math
import os
import struct
import sys

import numpy as np
from scipy import stats
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refcommon as rc  # noqa: E402
import schemes  # noqa: E402

SCRIPT = "torch_fixtures.py"
OUT = os.path.join(rc.FIXTURE_DIR, "torch")
SQRT5 = math.sqrt(5.0)


def init_tensor(seed, shape, fn):
    torch.manual_seed(seed)
    w = torch.empty(*shape, dtype=torch.float32)
    with torch.no_grad():
        fn(w)
    return w.numpy().copy()


def write_safetensors(path, tensors, metadata):
    """safetensors layout: u64 little-endian header length N, N bytes of UTF-8 JSON header
    (padded with spaces to a multiple of 8), then the raw little-endian tensor bytes in the
    order listed, contiguous, with data_offsets relative to the start of the byte buffer."""
    header = {"__metadata__": metadata}
    blobs = []
    off = 0
    for name, arr in tensors:
        assert arr.dtype == np.float32
        b = np.ascontiguousarray(arr).astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(arr.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    hj = json.dumps(header, separators=(",", ":"), sort_keys=False).encode("utf-8")
    hj += b" " * ((8 - len(hj) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(hj)))
        f.write(hj)
        for b in blobs:
            f.write(b)


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    hdr = json.loads(raw[8:8 + n].decode("utf-8"))
    base = 8 + n
    out = {}
    for k, v in hdr.items():
        if k == "__metadata__":
            continue
        s, e = v["data_offsets"]
        out[k] = np.frombuffer(raw[base + s:base + e], dtype="<f4").reshape(v["shape"])
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    nn = torch.nn
    init = torch.nn.init
    arrays = {}   # (file, tensor) -> array
    decl = []     # (file, tensor, declared_scheme, honest, note)

    # ---------------- .npy tensors from torch.nn.init ----------------------------------
    npy_specs = [
        ("xavier_uniform_128x64.npy", 201, (128, 64), lambda w: init.xavier_uniform_(w, gain=1.0),
         [("torch.xavier_uniform(gain=1)", True, "init.xavier_uniform_(w; gain=1)")]),
        ("xavier_normal_128x64.npy", 202, (128, 64), lambda w: init.xavier_normal_(w, gain=1.0),
         [("torch.xavier_normal(gain=1)", True, "init.xavier_normal_(w; gain=1): untruncated normal"),
          ("glorot_normal", False,
           "same variance but Keras glorot_normal is truncated at +-2 parent sd (= +-2.274 sd); "
           "about 2.3% of these untruncated values lie beyond it")]),
        ("kaiming_uniform_relu_128x64.npy", 203, (128, 64),
         lambda w: init.kaiming_uniform_(w, nonlinearity="relu"),
         [("torch.kaiming_uniform(nonlinearity=relu)", True,
           "init.kaiming_uniform_(w; nonlinearity='relu'): U(+-sqrt(6/fan_in)); fan_in = 64")]),
        ("kaiming_normal_leaky0.2_128x64.npy", 204, (128, 64),
         lambda w: init.kaiming_normal_(w, a=0.2, nonlinearity="leaky_relu"),
         [("torch.kaiming_normal(a=0.2,nonlinearity=leaky_relu)", True,
           "init.kaiming_normal_(w; a=0.2; nonlinearity='leaky_relu'): N(0; 2/((1+a^2) fan_in))")]),
        ("kaiming_normal_fanout_relu_conv_32x16x3x3.npy", 205, (32, 16, 3, 3),
         lambda w: init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu"),
         [("torch.kaiming_normal(mode=fan_out,nonlinearity=relu)", True,
           "init.kaiming_normal_(w; mode='fan_out'; nonlinearity='relu') (torchvision ResNet "
           "style); fan_out = 32*9 = 288"),
          ("torch.kaiming_normal(nonlinearity=relu)", False,
           "mode confused: fan_in = 16*9 = 144 gives a variance twice the fan_out one")]),
        ("trunc_normal_std0.02_128x64.npy", 206, (128, 64),
         lambda w: init.trunc_normal_(w, std=0.02),
         [("torch.trunc_normal(mean=0,std=0.02,a=-2,b=2)", True,
           "init.trunc_normal_(w; std=0.02): the cut-offs a=-2; b=2 are absolute (100 sd) so "
           "this is in effect an untruncated N(0; 0.02^2)"),
          ("torch.trunc_normal(mean=0,std=0.02,a=-0.04,b=0.04)", False,
           "the intended +-2 sd truncation was never applied (a; b are absolute in PyTorch): "
           "about 4.6% of values lie beyond +-0.04")]),
        ("orthogonal_128x64.npy", 207, (128, 64), lambda w: init.orthogonal_(w, gain=1.0),
         [("orthogonal(gain=1)", True,
           "init.orthogonal_(w; gain=1): 128x64 with orthonormal columns (W^T W = I_64); "
           "entries have mean square 1/128")]),
    ]
    for (fname, seed, shape, fn, decls) in npy_specs:
        arr = init_tensor(seed, shape, fn)
        rc.save_npy(os.path.join(OUT, fname), arr.astype("<f4"))
        arrays[(fname, "")] = arr
        for (sch, honest, note) in decls:
            decl.append((fname, "", shape, sch, honest, note + "; torch.manual_seed(%d)" % seed))

    # ---------------- default layers -> default_layers.safetensors ------------------------
    torch.manual_seed(301)
    lin = nn.Linear(512, 256)
    torch.manual_seed(302)
    conv = nn.Conv2d(32, 64, 3)
    st = [("linear.weight", lin.weight.detach().numpy().copy()),
          ("linear.bias", lin.bias.detach().numpy().copy()),
          ("conv.weight", conv.weight.detach().numpy().copy()),
          ("conv.bias", conv.bias.detach().numpy().copy())]
    fname = "default_layers.safetensors"
    meta = {"format": "pt", "source": "torch.nn.Linear(512; 256) after torch.manual_seed(301); "
            "torch.nn.Conv2d(32; 64; 3) after torch.manual_seed(302)",
            "torch": torch.__version__}
    write_safetensors(os.path.join(OUT, fname), st, meta)
    for name, arr in st:
        arrays[(fname, name)] = arr
    lw = ("linear.weight", (256, 512))
    cw = ("conv.weight", (64, 32, 3, 3))
    decl += [
        (fname, lw[0], lw[1], "torch.linear_default", True,
         "default nn.Linear(512; 256) weight: kaiming_uniform_(a=sqrt(5)) = U(+-1/sqrt(512))"),
        (fname, lw[0], lw[1], "torch.kaiming_uniform(a=2.23606797749979)", True,
         "the same law written as the init call the layer makes"),
        (fname, lw[0], lw[1], "torch.kaiming_uniform(nonlinearity=relu)", False,
         "believed to be He init: U(+-sqrt(6/512)) is sqrt(6) = 2.45 times wider than the default"),
        (fname, lw[0], lw[1], "lecun_uniform", False,
         "believed to be LeCun init: U(+-sqrt(3/512)) is sqrt(3) = 1.73 times wider than the default"),
        (fname, "linear.bias", (256,), "uniform(limit=%r)" % (1 / math.sqrt(512)), True,
         "default nn.Linear bias: U(+-1/sqrt(fan_in)) with fan_in = 512 of the weight"),
        (fname, cw[0], cw[1], "torch.linear_default", True,
         "default nn.Conv2d(32; 64; 3) weight: kaiming_uniform_(a=sqrt(5)) = U(+-1/sqrt(288)); "
         "same rule as nn.Linear with fan_in = 32*3*3"),
        (fname, cw[0], cw[1], "torch.kaiming_uniform(a=2.23606797749979)", True,
         "the same law written as the init call the layer makes"),
        (fname, cw[0], cw[1], "torch.kaiming_normal(mode=fan_out,nonlinearity=relu)", False,
         "believed to be the torchvision ResNet init: N(0; 2/576) has sd 0.0589 vs the default "
         "sd 1/sqrt(3*288) = 0.0340 and unbounded support"),
        (fname, "conv.bias", (64,), "uniform(limit=%r)" % (1 / math.sqrt(288)), True,
         "default nn.Conv2d bias: U(+-1/sqrt(fan_in)) with fan_in = 288 of the weight"),
    ]

    # ---------------- more init tensors -> inits.safetensors ----------------------------
    st2 = [
        ("xavier_uniform_relu_gain", init_tensor(401, (64, 64),
                                                 lambda w: init.xavier_uniform_(
                                                     w, gain=init.calculate_gain("relu")))),
        ("kaiming_uniform_fan_out_relu", init_tensor(402, (64, 128),
                                                     lambda w: init.kaiming_uniform_(
                                                         w, mode="fan_out", nonlinearity="relu"))),
        ("kaiming_uniform_a_sqrt5", init_tensor(403, (64, 128),
                                                lambda w: init.kaiming_uniform_(w, a=SQRT5))),
        ("xavier_normal_64x64", init_tensor(404, (64, 64),
                                            lambda w: init.xavier_normal_(w, gain=1.0))),
    ]
    fname2 = "inits.safetensors"
    meta2 = {"format": "pt", "source": "torch.nn.init calls after torch.manual_seed(401..404) "
             "in tensor order", "torch": torch.__version__}
    write_safetensors(os.path.join(OUT, fname2), st2, meta2)
    for name, arr in st2:
        arrays[(fname2, name)] = arr
    decl += [
        (fname2, "xavier_uniform_relu_gain", (64, 64),
         "torch.xavier_uniform(gain=%r)" % math.sqrt(2.0), True,
         "init.xavier_uniform_(w; gain=calculate_gain('relu')); torch.manual_seed(401)"),
        (fname2, "xavier_uniform_relu_gain", (64, 64), "glorot_uniform", False,
         "gain sqrt(2) dropped: glorot_uniform is sqrt(2) times narrower"),
        (fname2, "kaiming_uniform_fan_out_relu", (64, 128),
         "torch.kaiming_uniform(mode=fan_out,nonlinearity=relu)", True,
         "init.kaiming_uniform_(w; mode='fan_out'; nonlinearity='relu'): fan_out = 64; "
         "torch.manual_seed(402)"),
        (fname2, "kaiming_uniform_fan_out_relu", (64, 128), "he_uniform", False,
         "Keras he_uniform uses fan_in = 128 (file layout pytorch): sqrt(2) narrower"),
        (fname2, "kaiming_uniform_a_sqrt5", (64, 128), "torch.kaiming_uniform(a=2.23606797749979)",
         True, "init.kaiming_uniform_(w; a=sqrt(5)) = U(+-1/sqrt(128)); torch.manual_seed(403)"),
        (fname2, "kaiming_uniform_a_sqrt5", (64, 128), "torch.linear_default", True,
         "the same law"),
        (fname2, "xavier_normal_64x64", (64, 64), "torch.xavier_normal(gain=1)", True,
         "init.xavier_normal_(w; gain=1); torch.manual_seed(404)"),
        (fname2, "xavier_normal_64x64", (64, 64), "glorot_normal", False,
         "Keras glorot_normal is truncated at +-2.274 sd; the samples are not (same variance)"),
    ]

    # ---------------- round-trip and statistical sanity ---------------------------------
    for f in (fname, fname2):
        back = read_safetensors(os.path.join(OUT, f))
        for (ff, t), arr in arrays.items():
            if ff == f:
                assert np.array_equal(back[t], arr), (f, t)
    rows = []
    for (f, t, shape, sch, honest, note) in decl:
        arr = arrays[(f, t)]
        assert tuple(arr.shape) == tuple(shape), (f, t, arr.shape, shape)
        x = arr.astype(np.float64).ravel()
        lwv = schemes.law(sch, shape, "pytorch")
        if lwv[0] == "orthogonal":
            m = arr.astype(np.float64)
            g = m.T @ m if m.shape[0] >= m.shape[1] else m @ m.T
            err = float(np.max(np.abs(g - np.eye(g.shape[0]))))
            assert err < 1e-5, err
            p = float("nan")
            outside = 0
        else:
            p = float(stats.kstest(x, schemes.scipy_law(lwv).cdf, method="exact").pvalue)
            lo, hi = schemes.support(lwv)
            outside = int(np.sum((x < lo) | (x > hi)))
            if honest:
                assert p > 1e-3 and outside == 0, (f, t, sch, p, outside)
            else:
                assert p < 1e-6 or outside > 0, (f, t, sch, p, outside)
        rows.append([f, t, rc.shape_str(shape), "pytorch", sch, honest, note, x.size,
                     schemes.law_str(lwv), float(np.sqrt(np.mean(x * x))), p, outside])
        print(f, t, sch, honest, "p=%.3g outside=%d" % (p, outside))

    cols = ["file", "tensor", "shape", "layout", "declared_scheme", "honest", "note", "n",
            "declared_law", "sample_rms", "ks_p_declared", "outside_support_declared"]
    hdr = rc.header(SCRIPT, "PyTorch-initialised tensors and their declarations", [
        "file: .npy (one tensor, '<f4', C order) or .safetensors (several F32 tensors) in this folder",
        "tensor: tensor name inside a .safetensors file (empty for .npy)",
        "shape: dimensions joined by 'x'; layout: pytorch = [out, in, *kernel] (fan_in =",
        "    shape[1]*prod(shape[2:]), fan_out = shape[0]*prod(shape[2:]); 1-D: fan_in = fan_out = shape[0])",
        "declared_scheme: scheme string; honest: true if it describes how the tensor was made",
        "note: how it was made / why the declaration is wrong (';' instead of ',' in the text)",
        "n: number of elements",
        "declared_law: the declared element law: uniform(a) = U(-a,a); normal(s) = N(0,s^2);",
        "    truncnorm2(s) = N(0,s^2) cut at +-2s; truncnorm(mean=;std=;lo=;hi=) absolute cut-offs;",
        "    orthogonal(gain) is not an i.i.d. law",
        "sample_rms: sqrt(mean(x^2)) as float64",
        "ks_p_declared: scipy.stats.kstest(x, declared_law.cdf, method='exact').pvalue (nan: orthogonal)",
        "outside_support_declared: count of values outside the declared law's support",
    ], notes=[
        "Values come from torch.nn.init / default layers on CPU after torch.manual_seed(seed); torch is",
        "used only to generate values. .safetensors files are written by hand: 8-byte little-endian",
        "header length N, N bytes of JSON (padded with spaces to a multiple of 8) holding",
        "'__metadata__' (string map) and per tensor {dtype: 'F32', shape, data_offsets [begin, end)}",
        "relative to the data section that follows; tensors are stored contiguously in header order.",
        "Grammar additions used here: torch.xavier_normal(gain=G) = N(0, G^2 2/(fan_in+fan_out));",
        "torch.kaiming_uniform(a=A,mode=M,nonlinearity=NL) = U(+-gain sqrt(3/fan_M));",
        "torch.kaiming_normal(...) = N(0, gain^2/fan_M) with gain = torch calculate_gain(NL, A)",
        "(defaults a=0, mode=fan_in, nonlinearity=leaky_relu; relu: sqrt(2); leaky_relu: sqrt(2/(1+a^2)));",
        "torch.trunc_normal(mean,std,a,b) = N(mean,std^2) conditioned on a <= x <= b (absolute);",
        "glorot_normal (Keras) = N(0,s^2) cut at +-2s, s = sqrt(2/(fan_in+fan_out))/0.87962566103423978;",
        "lecun_uniform = U(+-sqrt(3/fan_in)); orthogonal(gain=G): G times a matrix with orthonormal",
        "rows or columns (torch flattens trailing dimensions).",
    ], with_torch=True, with_mpmath=False)
    rc.write_csv(os.path.join(OUT, "declarations.csv"), hdr, cols, rows)


if __name__ == "__main__":
    main()
