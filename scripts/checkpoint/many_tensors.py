"""Writes one state_dict of many small tensors twice, by torch.save (.bin) and as safetensors, to time how opening
a model tensor by tensor scales with the number of tensors (each open of a torch zip once re-read the whole archive):

    /usr/bin/python3 scripts/checkpoint/many_tensors.py OUTDIR [TENSORS]
    java -jar target/initcheck.jar check OUTDIR/many.bin --scheme "normal(stddev=0.02)" --format json
    java -jar target/initcheck.jar check OUTDIR/many.safetensors --scheme "normal(stddev=0.02)" --format json

TENSORS (default 1500) tensors layers.<i>.weight of shape [32, 32], N(0, 0.02) in float32 drawn with
torch.manual_seed(1); both files hold the same values and every tensor must pass. Needs Debian's python3-torch.
"""
import collections
import json
import struct
import sys

import torch

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
torch.manual_seed(1)
state = collections.OrderedDict(
    (f"layers.{i}.weight", torch.randn(32, 32) * 0.02) for i in range(count))
torch.save(state, out + "/many.bin")

header, blobs, off = {}, [], 0
for name, t in state.items():
    b = t.contiguous().numpy().tobytes()
    header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [off, off + len(b)]}
    blobs.append(b)
    off += len(b)
hj = json.dumps(header, separators=(",", ":")).encode()
hj += b" " * ((8 - len(hj) % 8) % 8)
with open(out + "/many.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(hj)))
    f.write(hj)
    for b in blobs:
        f.write(b)
print("wrote", out + "/many.bin", out + "/many.safetensors")
