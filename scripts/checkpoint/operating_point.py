"""Writes 10^7-value tensors sampled by PyTorch in bf16, f16 and f32 (honest and mutants) as one safetensors file
per dtype, for the operating-point run of `initcheck check`:

    /usr/bin/python3 scripts/checkpoint/operating_point.py OUTDIR
    java -jar target/initcheck.jar check OUTDIR/op-bf16.safetensors --scheme "normal(stddev=0.02)"
    java -jar target/initcheck.jar check OUTDIR/op-f16.safetensors --scheme "normal(stddev=0.02)"
    java -jar target/initcheck.jar check OUTDIR/op-f32.safetensors --scheme "normal(stddev=0.02)"

Tensors (2500 x 4000 each, drawn in float32 by torch.manual_seed(7 + k), then cast with round-to-nearest-even to bf16 and f16; f32 as drawn):
  honest     N(0, 0.02)                    must pass
  scale3     N(0, 0.0206)                  must fail (3% scale error)
  uniform    U(+-0.02*sqrt(3))             must fail (same variance, other law)
  truncated  trunc_normal_(0, 0.02, +-0.04) must fail (truncation at 2 sd)
Needs Debian's python3-torch.
"""
import json
import math
import struct
import sys

import torch

SHAPE = (2500, 4000)
CASES = {
    "honest": lambda t: t.normal_(0, 0.02),
    "scale3": lambda t: t.normal_(0, 0.0206),
    "uniform": lambda t: t.uniform_(-0.02 * math.sqrt(3), 0.02 * math.sqrt(3)),
    "truncated": lambda t: torch.nn.init.trunc_normal_(t, 0, 0.02, -0.04, 0.04),
}


def write(path, dtype, code):
    header, blobs, off = {}, [], 0
    for k, (name, fill) in enumerate(CASES.items()):
        torch.manual_seed(7 + k)
        t = fill(torch.empty(SHAPE, dtype=torch.float32)).to(dtype)
        b = t.view(torch.int32 if dtype == torch.float32 else torch.int16).numpy().tobytes()
        header[name] = {"dtype": code, "shape": list(SHAPE), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    hj = json.dumps(header, separators=(",", ":")).encode()
    hj += b" " * ((8 - len(hj) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(hj)))
        f.write(hj)
        for b in blobs:
            f.write(b)


out = sys.argv[1]
write(out + "/op-bf16.safetensors", torch.bfloat16, "BF16")
write(out + "/op-f16.safetensors", torch.float16, "F16")
write(out + "/op-f32.safetensors", torch.float32, "F32")
print("wrote", out + "/op-bf16.safetensors", out + "/op-f16.safetensors", out + "/op-f32.safetensors")
