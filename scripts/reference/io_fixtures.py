"""Writes the tensor-file fixtures for the dev.initcheck.io tests, using NumPy as the reference.

Run from the repository root with Debian's interpreter (which has python3-numpy):

    /usr/bin/python3 scripts/reference/io_fixtures.py

Outputs go to src/test/resources/fixtures/io/: .npy files written by numpy (float16/32/64, both
byte orders, C and Fortran order, 3-D, 0-d, format versions 2.0 and 3.0), .npz archives written by
numpy.savez (stored) and numpy.savez_compressed (deflated), .safetensors files written here by hand
following the safetensors README (8-byte little-endian header length, JSON header padded with
spaces, little-endian data), and text files. MANIFEST.txt records, per fixture and tensor, the
shape, dtype, order and expected values; the Java round-trip tests compare against it exactly.

Values are exact in every format used (multiples of 0.25 of moderate size, plus special values), so
sums are exact in any summation order, except where a NaN makes the sum NaN.
"""

import datetime
import json
import math
import os
import struct
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "src", "test", "resources", "fixtures", "io")
SAFETENSORS_DTYPES = {"F16": "<f2", "F32": "<f4", "F64": "<f8", "I64": "<i8"}
MANIFEST = []


def base(k):
    """k values -1, -0.75, -0.5, ... (exact in float16 for k <= 8000)."""
    return np.arange(k, dtype=np.float64) * 0.25 - 1


def fmt(x):
    return repr(float(x))


def exact_sum(values):
    values = [float(v) for v in values]
    if any(math.isnan(v) for v in values) or (math.inf in values and -math.inf in values):
        return math.nan
    if any(math.isinf(v) for v in values):
        return math.fsum(v for v in values if math.isinf(v))
    return math.fsum(values)


def record(fixture, tensor, dtype, array, fortran):
    """Adds a MANIFEST line; array holds the values (any storage), fortran the stored order."""
    c = np.asarray(array, dtype=np.float64).ravel(order="C")
    s = np.asarray(array, dtype=np.float64).ravel(order="F" if fortran else "C")
    shape = "[" + ",".join(str(d) for d in np.shape(array)) + "]"
    second = 1 if c.size > 1 else 0
    MANIFEST.append(
        f"fixture={fixture} tensor={tensor} dtype={dtype} shape={shape} "
        f"fortran={'true' if fortran else 'false'} count={c.size} first={fmt(c[0])} "
        f"last={fmt(c[-1])} sum={fmt(exact_sum(c))} c1={fmt(c[second])} s1={fmt(s[second])}")


def npy_dtype_name(a):
    return {2: "F16", 4: "F32", 8: "F64"}[a.dtype.itemsize]


def save_npy(name, a, version=None):
    path = os.path.join(OUT, name)
    if version is None:
        np.save(path, a)
    else:
        with open(path, "wb") as f:
            np.lib.format.write_array(f, a, version=version)
    record(name, name[:-4], npy_dtype_name(a), a, np.isfortran(a) and a.ndim > 1)


def write_npy_fixtures():
    for code, dname in (("f2", "f16"), ("f4", "f32"), ("f8", "f64")):
        for order, oname in (("<", "le"), (">", "be")):
            save_npy(f"{dname}_{oname}.npy", base(12).reshape(3, 4).astype(order + code))
    save_npy("f32_le_fortran.npy", np.asfortranarray(base(12).reshape(3, 4).astype("<f4")))
    save_npy("f64_be_fortran_3d.npy", np.asfortranarray(base(24).reshape(2, 3, 4).astype(">f8")))
    save_npy("f32_3d.npy", base(24).reshape(2, 3, 4).astype("<f4"))
    save_npy("scalar.npy", np.array(3.5, dtype="<f8"))
    save_npy("f32_v2.npy", base(6).astype("<f4"), version=(2, 0))
    save_npy("f16_v3.npy", base(6).reshape(2, 3).astype(">f2"), version=(3, 0))
    inf, nan = math.inf, math.nan
    save_npy("specials_f16.npy", np.array([nan, inf, -inf, -0.0, 2.0 ** -24, 65504.0, 2.0 ** -14, 1 / 3], "<f2"))
    save_npy("specials_f32.npy", np.array(
        [1.5, nan, inf, -inf, -0.0, 2.0 ** -149, float(np.finfo(np.float32).max), 1 / 3], ">f4"))


def write_npz_fixtures():
    arrays = {
        "fc1.weight": base(12).reshape(3, 4).astype("<f4"),
        "fc1.bias": base(4).astype("<f8"),
        "half": base(6).reshape(2, 3).astype(">f2"),
    }
    np.savez(os.path.join(OUT, "multi_stored.npz"), **arrays)
    for name, a in arrays.items():
        record("multi_stored.npz", name, npy_dtype_name(a), a, False)
    arrays["fortran"] = np.asfortranarray(base(12).reshape(3, 4).astype(">f8"))
    arrays["big"] = base(9000).reshape(90, 100).astype("<f4")
    np.savez_compressed(os.path.join(OUT, "multi_deflated.npz"), **arrays)
    for name, a in arrays.items():
        record("multi_deflated.npz", name, npy_dtype_name(a), a, name == "fortran")
    only = base(5)
    np.savez(os.path.join(OUT, "single.npz"), only=only)
    record("single.npz", "only", "F64", only, False)


def bf16_bytes(a):
    """bfloat16 bits are the top 16 bits of float32 (values here are exact in bfloat16)."""
    bits = np.asarray(a, dtype="<f4").view("<u4") >> 16
    return bits.astype("<u2").tobytes()


def write_safetensors(name, tensors, metadata=None):
    """tensors: list of (name, dtype, array); written per the safetensors README."""
    header, data = {}, b""
    if metadata is not None:
        header["__metadata__"] = metadata
    for tname, dtype, a in tensors:
        raw = bf16_bytes(a) if dtype == "BF16" else np.asarray(a).astype(SAFETENSORS_DTYPES[dtype]).tobytes()
        header[tname] = {"dtype": dtype, "shape": list(np.shape(a)), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
        if dtype != "I64":
            record(name, tname, dtype, np.asarray(a, dtype=np.float64), False)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + data)


def write_safetensors_fixtures():
    write_safetensors("model.safetensors", [
        ("w_f16", "F16", base(12).reshape(3, 4)),
        ("w_bf16", "BF16", base(6).reshape(2, 3)),
        ("w_f32", "F32", base(4)),
        ("w_f64", "F64", base(4).reshape(2, 2)),
        ("scalar", "F32", np.array(3.5)),
        ("step", "I64", np.array([7])),
    ], metadata={"format": "pt", "source": "io_fixtures.py"})
    write_safetensors("single.safetensors", [("weight", "F32", base(6).reshape(2, 3))])


def write_text(name, text, values, shape):
    with open(os.path.join(OUT, name), "w", encoding="ascii", newline="") as f:
        f.write(text)
    record(name, name[:-4], "F64", np.array(values, dtype=np.float64).reshape(shape), False)


def write_text_fixtures():
    m = base(12).reshape(3, 4)
    write_text("matrix.csv", "".join(",".join(fmt(v) for v in row) + "\n" for row in m), m, (3, 4))
    column = base(5)
    write_text("column.txt", "".join(fmt(v) + "\n" for v in column), column, (5,))
    specials = ["1.5", "nan", "Inf", "-inf", "Infinity", "NaN", "-0.0", "1e-3", "+2.5E2"]
    write_text("specials.txt", "\r\n".join(specials) + "\r\n", [float(s) for s in specials], (9,))
    spaced = "# values separated by whitespace\n1.5  -2.25\n\n3\t4\n"
    write_text("spaces.txt", spaced, [1.5, -2.25, 3, 4], (2, 2))


def main():
    os.makedirs(OUT, exist_ok=True)
    write_npy_fixtures()
    write_npz_fixtures()
    write_safetensors_fixtures()
    write_text_fixtures()
    python = ".".join(str(v) for v in sys.version_info[:3])
    with open(os.path.join(OUT, "MANIFEST.txt"), "w", encoding="ascii") as f:
        f.write(f"# generated by: {sys.executable} scripts/reference/io_fixtures.py | numpy {np.__version__} "
                f"| python {python} | {datetime.date.today().isoformat()}\n")
        f.write("# one line per fixture and tensor; values are float64 repr, first/last/c1 in C order, "
                "s1 in storage order\n")
        f.write("\n".join(MANIFEST) + "\n")


if __name__ == "__main__":
    main()
