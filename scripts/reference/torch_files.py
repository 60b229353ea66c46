#!/usr/bin/python3
"""PyTorch checkpoints written by torch.save, for the .pt/.pth/.bin reader (dev.initcheck.io.TorchZipFormat).

Written with Debian's python3-torch 1.13.0a0 (python 3.11, numpy 1.24). Run from the repository root:

    /usr/bin/python3 scripts/reference/torch_files.py

Outputs, in src/test/resources/fixtures/torch/ (all names start with ckpt_):

  ckpt_state.pt         torch.save of a plain dict (default zip format, pickle protocol 2): float32, float64,
                        float16 and bfloat16 tensors of ranks 0 to 4 (a 32x16x3x3 conv weight drawn by
                        torch.nn.init.kaiming_normal_(mode='fan_out', nonlinearity='relu')), special values,
                        an int64 and a bool tensor, one nn.Parameter under two keys (tied), a second view with the
                        same storage, offset, size and stride (alias without pickle memo), a view of another
                        size over the same storage, a slice at storage offset 5, a transposed (column-major) 2-D
                        view, a non-contiguous strided view and an empty tensor.
  ckpt_state_p4.pt      the same dict saved with pickle_protocol=4 (FRAME, MEMOIZE, SHORT_BINUNICODE, STACK_GLOBAL).
  ckpt_state_zip64.pt   the entries of ckpt_state.pt re-zipped here with every zip64 record (zip64 local and
                        central extra fields, zip64 end of central directory), data unaligned.
  ckpt_module.pth       nn.Module.state_dict() of a small conv/batch-norm/linear network: an OrderedDict with the
                        _metadata attribute that BUILD sets.
  ckpt_nested.bin       {'epoch': 3, 'arch': 'tiny', 'state_dict': <that state_dict>}.
  ckpt_legacy.pt        torch.save(..., _use_new_zipfile_serialization=False): the pre-1.6 format, to be refused.
  ckpt_torchscript.pt   torch.jit.save of a scripted module: a TorchScript archive, to be refused.
  ckpt_state.values.npz, ckpt_module.values.npz
                        the float tensors' values written by numpy.savez in C order: float16/32/64 as they are,
                        bfloat16 widened to float32 (exact); every value is compared bit for bit by the Java tests.
  ckpt_MANIFEST.txt     what the reader must list: per file, each readable tensor (dtype, shape, column-major
                        or not), each skipped tensor (torch dtype, reason) and each alias; torch.load checks.

Deterministic: fixed torch.manual_seed seeds; a rerun rewrites identical files, except the manifest's date line
and ckpt_legacy.pt, whose legacy storage keys are memory addresses (the values stay the same).
"""
import binascii
import datetime
import os
import struct
import sys
import zipfile

import numpy as np
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "src", "test", "resources", "fixtures", "torch")
READABLE = {torch.float16: "F16", torch.bfloat16: "BF16", torch.float32: "F32", torch.float64: "F64"}
MANIFEST = []


def state_dict():
    torch.manual_seed(20260)
    sd = {}
    sd["f32.matrix"] = torch.randn(3, 4)
    sd["f64.vector"] = torch.randn(5, dtype=torch.float64)
    sd["f16.cube"] = torch.randn(2, 3, 4).half()
    sd["bf16.matrix"] = torch.randn(4, 3).bfloat16()
    sd["scalar"] = torch.randn(())
    conv = torch.empty(32, 16, 3, 3)
    torch.nn.init.kaiming_normal_(conv, mode="fan_out", nonlinearity="relu")
    sd["conv.weight"] = conv
    sd["f32.specials"] = torch.tensor([0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1e-45, 3.4e38, -1.5])
    sd["f16.specials"] = torch.tensor([0.0, -0.0, float("inf"), float("nan"), 6e-8, 65504.0]).half()
    sd["bf16.specials"] = torch.tensor([-0.0, float("-inf"), float("nan"), 1e-40, 3e38]).bfloat16()
    sd["bn.num_batches_tracked"] = torch.tensor(7)
    sd["mask"] = torch.tensor([True, False, True])
    tied = torch.nn.Parameter(torch.randn(2, 3))
    sd["tied.first"] = tied
    sd["tied.second"] = tied
    sd["alias.view"] = sd["f32.matrix"].view(3, 4)
    sd["flat.view"] = sd["f32.matrix"].view(12)
    base = torch.randn(20)
    sd["slice"] = base[5:11].view(2, 3)
    sd["transposed"] = torch.randn(3, 5).t()
    sd["strided"] = torch.randn(4, 6)[:, ::2]
    sd["empty"] = torch.empty(0, 3)
    assert sd["slice"].storage_offset() == 5
    assert sd["transposed"].stride() == (1, 5)
    assert sd["strided"].stride() == (6, 2)
    return sd


def module_state_dict():
    torch.manual_seed(20261)
    net = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.BatchNorm2d(4), torch.nn.ReLU(),
                              torch.nn.Flatten(), torch.nn.Linear(16, 5))
    sd = net.state_dict()
    assert hasattr(sd, "_metadata")
    return sd


def layout(t):
    """('c' | 'f' | 'strided' | 'empty') as the reader must classify the tensor."""
    if t.numel() == 0:
        return "empty"
    if t.is_contiguous():
        return "c"
    if t.dim() == 2 and t.t().is_contiguous():
        return "f"
    return "strided"


def values(t):
    """C-order numpy values; bfloat16 widened to float32, which is exact."""
    t = t.detach()
    if t.dtype == torch.bfloat16:
        t = t.float()
    return np.array(t.numpy(), order="C", copy=True)  # not ascontiguousarray, which makes a 0-d array 1-d


def record(file, sd, npz):
    seen = {}
    arrays = {}
    for name, t in sd.items():
        key = (t.untyped_storage().data_ptr() if hasattr(t, "untyped_storage") else t.storage().data_ptr(),
               t.storage_offset(), tuple(t.shape), t.stride())
        shape = "[" + ",".join(str(d) for d in t.shape) + "]"
        kind = layout(t)
        if key in seen:
            MANIFEST.append(f"file={file} alias={name} of={seen[key]}")
        else:
            seen[key] = name
        if t.dtype not in READABLE:
            MANIFEST.append(f"file={file} skipped={name} dtype={t.dtype} reason=not-float")
        elif kind == "empty":
            MANIFEST.append(f"file={file} skipped={name} dtype={t.dtype} reason=empty")
        elif kind == "strided":
            stride = ",".join(str(s) for s in t.stride())
            MANIFEST.append(f"file={file} skipped={name} dtype={t.dtype} reason=non-contiguous stride=[{stride}]")
        else:
            MANIFEST.append(f"file={file} tensor={name} dtype={READABLE[t.dtype]} shape={shape} "
                            f"fortran={'true' if kind == 'f' else 'false'} offset={t.storage_offset()}")
            arrays[name] = values(t)
    if npz is not None:
        np.savez(os.path.join(OUT, npz), **arrays)


def check_load(file, sd, weights_only_too=True):
    """torch.load, and torch.load(weights_only=True) (torch's own restricted unpickler, which in torch 1.13 reads
    pickle protocol 2 only), give back every tensor with its dtype, shape, stride and values (NaN where NaN)."""
    for weights_only in (False, True) if weights_only_too else (False,):
        loaded = torch.load(os.path.join(OUT, file), weights_only=weights_only)
        inner = loaded["state_dict"] if "state_dict" in loaded else loaded
        assert list(inner) == list(sd), file
        for name, t in sd.items():
            u = inner[name]
            assert u.dtype == t.dtype and u.shape == t.shape and u.stride() == t.stride(), (file, name)
            nan = torch.isnan(t) if t.is_floating_point() else torch.zeros_like(t, dtype=torch.bool)
            assert torch.equal(nan, torch.isnan(u) if u.is_floating_point() else nan), (file, name)
            assert torch.equal(u.detach()[~nan], t.detach()[~nan]), (file, name)
    MANIFEST.append(f"file={file} torch.load=ok")


def rezip_zip64(source, target):
    """Copies every entry (stored) into an archive written here with every zip64 record, as a writer does for
    archives above 4 GiB (APPNOTE.TXT 4.3.9, 4.3.14-4.3.16, 4.5.3): local and central headers with sizes and
    offset 0xFFFFFFFF and the values in a zip64 extra field, a zip64 end of central directory record and its
    locator, and an end record of 0xFFFF/0xFFFFFFFF markers. Data are not aligned. (Python's zipfile with a
    lowered ZIP64_LIMIT writes an archive that torch 1.13 refuses.)"""
    with zipfile.ZipFile(source) as src:
        entries = [(i.filename.replace("ckpt_state/", "ckpt_state_zip64/"), src.read(i.filename))
                   for i in src.infolist()]
    out = bytearray()
    central = bytearray()
    for name, data in entries:
        raw = name.encode("ascii")
        crc = binascii.crc32(data)
        offset = len(out)
        extra = struct.pack("<HHQQ", 1, 16, len(data), len(data))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 0, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                           len(raw), len(extra)) + raw + extra + data
        extra = struct.pack("<HHQQQ", 1, 24, len(data), len(data), offset)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 0, 0, 0x21, crc, 0xFFFFFFFF,
                               0xFFFFFFFF, len(raw), len(extra), 0, 0, 0, 0, 0xFFFFFFFF) + raw + extra
    central_offset = len(out)
    out += central
    end64 = len(out)
    out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, len(entries), len(entries), len(central),
                       central_offset)
    out += struct.pack("<IIQI", 0x07064B50, 0, end64, 1)
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    with open(target, "wb") as f:
        f.write(out)


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(2, 2)

    def forward(self, x):
        return self.fc(x)


def main():
    os.makedirs(OUT, exist_ok=True)
    sd = state_dict()
    torch.save(sd, os.path.join(OUT, "ckpt_state.pt"))
    record("ckpt_state.pt", sd, "ckpt_state.values.npz")
    check_load("ckpt_state.pt", sd)
    torch.save(sd, os.path.join(OUT, "ckpt_state_p4.pt"), pickle_protocol=4)
    record("ckpt_state_p4.pt", sd, None)
    check_load("ckpt_state_p4.pt", sd, weights_only_too=False)
    rezip_zip64(os.path.join(OUT, "ckpt_state.pt"), os.path.join(OUT, "ckpt_state_zip64.pt"))
    record("ckpt_state_zip64.pt", sd, None)
    check_load("ckpt_state_zip64.pt", sd)

    msd = module_state_dict()
    torch.save(msd, os.path.join(OUT, "ckpt_module.pth"))
    record("ckpt_module.pth", msd, "ckpt_module.values.npz")
    check_load("ckpt_module.pth", msd)
    torch.save({"epoch": 3, "arch": "tiny", "state_dict": msd}, os.path.join(OUT, "ckpt_nested.bin"))
    record("ckpt_nested.bin", msd, None)
    check_load("ckpt_nested.bin", msd)

    torch.manual_seed(20262)
    torch.save({"w": torch.randn(2, 2)}, os.path.join(OUT, "ckpt_legacy.pt"), _use_new_zipfile_serialization=False)
    MANIFEST.append("file=ckpt_legacy.pt error=legacy")
    torch.manual_seed(20263)
    torch.jit.save(torch.jit.script(Tiny()), os.path.join(OUT, "ckpt_torchscript.pt"))
    MANIFEST.append("file=ckpt_torchscript.pt error=torchscript")

    python = ".".join(str(v) for v in sys.version_info[:3])
    with open(os.path.join(OUT, "ckpt_MANIFEST.txt"), "w", encoding="ascii") as f:
        f.write(f"# generated by: {sys.executable} scripts/reference/torch_files.py | torch {torch.__version__} "
                f"| numpy {np.__version__} | python {python} | {datetime.date.today().isoformat()}\n")
        f.write("# per file: tensor= (readable: dtype, shape, column-major, storage offset), skipped= (torch dtype,\n"
                "# reason), alias= (same storage, offset, size and stride as the earlier tensor of=), torch.load=ok\n"
                "# (torch.load returns the same tensors), error= (the file must be refused)\n")
        f.write("\n".join(MANIFEST) + "\n")


if __name__ == "__main__":
    main()
