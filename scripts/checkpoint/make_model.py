"""Writes a real-shaped, freshly initialized checkpoint with PyTorch, for measuring `initcheck check` on a model.

    /usr/bin/python3 scripts/checkpoint/make_model.py OUT.safetensors [--dtype bf16|f16|f32] [--layers 24]
        [--width 1024] [--mutant] [--seed 1]

A GPT-2-shaped stack (token embedding 32000 x d, position embedding 1024 x d, and per layer c_attn 3d x d,
c_proj d x d, mlp c_fc 4d x d, mlp c_proj d x 4d): 98 tensors and 335.8M values at 24 layers, d = 1024. Every
tensor is N(0, 0.02), sampled in float32 by torch and cast to the storage dtype (round to nearest even), as
`model.to(torch.bfloat16)` does. With --mutant, four tensors carry planted bugs:
  h.1.attn.c_proj.weight  sd 0.0206 (3% scale error)
  h.2.mlp.c_fc.weight     U(-0.02*sqrt3, 0.02*sqrt3) (uniform of the same variance)
  h.3.attn.c_attn.weight  N(0, 0.02) truncated at +-2 sd (truncation where none is declared)
  h.4.mlp.c_proj.weight   zeros (left uninitialized / zeroed)
Needs Debian's python3-torch. Written as safetensors by hand (no safetensors package needed).
"""
import argparse
import json
import math
import struct

import torch

MUTANTS = {
    "h.1.attn.c_proj.weight": lambda t: t.normal_(0, 0.0206),
    "h.2.mlp.c_fc.weight": lambda t: t.uniform_(-0.02 * math.sqrt(3), 0.02 * math.sqrt(3)),
    "h.3.attn.c_attn.weight": lambda t: torch.nn.init.trunc_normal_(t, 0, 0.02, -0.04, 0.04),
    "h.4.mlp.c_proj.weight": lambda t: t.zero_(),
}
DTYPES = {"bf16": (torch.bfloat16, "BF16"), "f16": (torch.float16, "F16"), "f32": (torch.float32, "F32")}


def shapes(layers, d):
    s = {"wte.weight": (32000, d), "wpe.weight": (1024, d)}
    for layer in range(layers):
        s[f"h.{layer}.attn.c_attn.weight"] = (3 * d, d)
        s[f"h.{layer}.attn.c_proj.weight"] = (d, d)
        s[f"h.{layer}.mlp.c_fc.weight"] = (4 * d, d)
        s[f"h.{layer}.mlp.c_proj.weight"] = (d, 4 * d)
    return s


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--dtype", default="bf16", choices=DTYPES)
    p.add_argument("--layers", type=int, default=24)
    p.add_argument("--width", type=int, default=1024)
    p.add_argument("--mutant", action="store_true")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    dtype, tag = DTYPES[a.dtype]
    header, offset = {}, 0
    with open(a.out + ".data", "wb") as data:
        for name, shape in shapes(a.layers, a.width).items():
            t = torch.empty(shape, dtype=torch.float32)
            (MUTANTS[name] if a.mutant and name in MUTANTS else (lambda x: x.normal_(0, 0.02)))(t)
            raw = t.to(dtype).contiguous().numpy().tobytes() if dtype != torch.bfloat16 \
                else t.to(dtype).view(torch.int16).numpy().tobytes()
            header[name] = {"dtype": tag, "shape": list(shape), "data_offsets": [offset, offset + len(raw)]}
            data.write(raw)
            offset += len(raw)
    header["__metadata__"] = {"source": "scripts/checkpoint/make_model.py", "torch": torch.__version__,
                              "seed": str(a.seed), "mutant": str(a.mutant)}
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(a.out, "wb") as f, open(a.out + ".data", "rb") as data:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        while True:
            chunk = data.read(1 << 24)
            if not chunk:
                break
            f.write(chunk)
    import os
    os.remove(a.out + ".data")
    print(f"{a.out}: {len(header) - 1} tensors, {offset} bytes of {a.dtype}")


if __name__ == "__main__":
    main()
