"""Times a scipy loop over a safetensors checkpoint: scipy.stats.kstest per tensor against its declared law.

usage: python3 scipy_checkpoint.py MODEL.safetensors REPEATS --rule PATTERN=LAW [--rule ...]

LAW is normal:SD (N(0, SD)), uniform:LIMIT (U(-LIMIT, LIMIT)) or ones (no KS: a check that every value is 1);
rules are fnmatch patterns over tensor names, first match wins (as initcheck's policy globs: '*' spans dots).
The file is read once untimed (page cache hot), then REPEATS timed loops each open the file, parse its header,
memory-map it and test every F32/BF16 tensor (bf16 as uint16 << 16 viewed as float32). Prints one JSON object:
{"scipy", "numpy", "seconds": [...], "tensors", "kstests", "ones", "min_pvalue", "rejected"} where rejected counts the
tensors with p < 1e-6 / tensors (initcheck audit's per-tensor budget) in the last loop.
Written by `initcheck bench` into its work directory.
"""
import argparse
import fnmatch
import json
import mmap
import struct
import time

import numpy as np
import scipy
from scipy import stats


def law_of(name, rules):
    for pattern, law in rules:
        if fnmatch.fnmatchcase(name, pattern):
            return law
    raise SystemExit(f"no rule matches {name}")


def frozen(law):
    kind, _, param = law.partition(":")
    if kind == "normal":
        return stats.norm(loc=0, scale=float(param))
    if kind == "uniform":
        return stats.uniform(loc=-float(param), scale=2 * float(param))
    if kind == "ones":
        return None
    raise SystemExit(f"unknown law {law}")


def values(mm, base, entry):
    begin, end = entry["data_offsets"]
    if entry["dtype"] == "F32":
        return np.frombuffer(mm, dtype="<f4", count=(end - begin) // 4, offset=base + begin)
    if entry["dtype"] == "BF16":
        u = np.frombuffer(mm, dtype="<u2", count=(end - begin) // 2, offset=base + begin)
        return (u.astype(np.uint32) << 16).view(np.float32)
    return None


def loop(path, rules, laws):
    """One timed pass: header, memory map, kstest per tensor. Returns (tensors, kstests, ones, p-values)."""
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        header.pop("__metadata__", None)
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            kstests, ones, pvalues = 0, 0, []
            for name, entry in header.items():
                x = values(mm, 8 + n, entry)
                if x is None:
                    continue
                law = law_of(name, rules)
                dist = laws[law]
                if dist is None:
                    if not np.all(x == 1):
                        raise SystemExit(f"{name} is declared ones but is not")
                    ones += 1
                else:
                    pvalues.append(float(stats.kstest(x, dist.cdf).pvalue))
                    kstests += 1
                del x
        finally:
            mm.close()
    return len(header), kstests, ones, pvalues


def main():
    p = argparse.ArgumentParser()
    p.add_argument("model")
    p.add_argument("repeats", type=int)
    p.add_argument("--rule", action="append", required=True, help="PATTERN=LAW")
    a = p.parse_args()
    rules = [tuple(r.split("=", 1)) for r in a.rule]
    laws = {law: frozen(law) for _, law in rules}
    with open(a.model, "rb") as f:  # warm-up read: the page cache is hot, as for every other row
        while f.read(1 << 23):
            pass
    seconds, result = [], None
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        result = loop(a.model, rules, laws)
        seconds.append(time.perf_counter() - t0)
    tensors, kstests, ones, pvalues = result
    threshold = 1e-6 / max(1, kstests + ones)
    print(json.dumps({"scipy": scipy.__version__, "numpy": np.__version__, "seconds": seconds, "tensors": tensors,
                      "kstests": kstests, "ones": ones, "min_pvalue": min(pvalues) if pvalues else None,
                      "rejected": sum(1 for q in pvalues if q < threshold)}))


if __name__ == "__main__":
    main()
