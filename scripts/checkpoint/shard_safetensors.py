#!/usr/bin/env python3
"""Splits one .safetensors file into N shards plus model.safetensors.index.json, as Hugging Face's
save_pretrained lays out a sharded checkpoint: tensor i of T (in data order) goes to shard floor(i*N/T),
each shard a valid safetensors file (8-byte little-endian header length, JSON header padded with spaces
to a multiple of 8, data tiling the data section), the index mapping every tensor to its shard.
The values are copied byte for byte, so an audit of the shards must equal the audit of the file.

Usage: /usr/bin/python3 scripts/checkpoint/shard_safetensors.py FILE N OUTDIR
(the standard library only; used by docs/scale-out.md to make the 100-shard benchmark checkpoint)
"""
import json
import os
import shutil
import struct
import sys


def main(path, n, out):
    with open(path, "rb") as f:
        length = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(length))
        start = 8 + length
        meta = header.pop("__metadata__", None)
        names = sorted(header, key=lambda k: header[k]["data_offsets"][0])
        os.makedirs(out, exist_ok=True)
        shards = [[] for _ in range(n)]
        for i, name in enumerate(names):
            shards[i * n // len(names)].append(name)
        weight_map, total = {}, 0
        for k, group in enumerate(shards):
            if not group:
                continue
            shard = "model-%05d-of-%05d.safetensors" % (k + 1, n)
            h, at = {}, 0
            if meta is not None:
                h["__metadata__"] = meta
            for name in group:
                b, e = header[name]["data_offsets"]
                h[name] = {"dtype": header[name]["dtype"], "shape": header[name]["shape"],
                           "data_offsets": [at, at + e - b]}
                at += e - b
                weight_map[name] = shard
            text = json.dumps(h, separators=(",", ":")).encode()
            text += b" " * (-len(text) % 8)
            with open(os.path.join(out, shard), "wb") as g:
                g.write(struct.pack("<Q", len(text)))
                g.write(text)
                for name in group:
                    b, e = header[name]["data_offsets"]
                    f.seek(start + b)
                    remaining = e - b
                    while remaining > 0:
                        chunk = f.read(min(remaining, 64 << 20))
                        g.write(chunk)
                        remaining -= len(chunk)
            total += at
        with open(os.path.join(out, "model.safetensors.index.json"), "w") as g:
            json.dump({"metadata": {"total_size": total}, "weight_map": dict(sorted(weight_map.items()))}, g,
                      indent=2)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
