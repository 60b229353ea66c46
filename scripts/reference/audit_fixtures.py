#!/usr/bin/python3
"""Whole-checkpoint fixtures for `initcheck audit`, written by real PyTorch.

Writes src/test/resources/fixtures/audit/ (8.8 MB in 25 files, sizes in the README there):

A. A GPT-2-style model with Hugging Face's GPT-2 initialization (`GPT2PreTrainedModel._init_weights`):
   HF `GPT2LMHeadModel` state_dict names, HF `Conv1D` layout (weight (in, out)), n_layer=4,
   n_embd=64, n_head=4, vocab_size=2048, n_positions=256, initializer_range=0.02, plus a
   sequence-classification head `score.weight` (8, 64). Every Linear/Conv1D/Embedding weight
   ~ N(0, 0.02), biases 0, LayerNorm weight 1 / bias 0, every `c_proj.weight` (attn and mlp)
   ~ N(0, 0.02/sqrt(2*n_layer)); `lm_head.weight` is the same Parameter as `transformer.wte.weight`;
   `transformer.h.{i}.attn.bias` is HF's bool causal-mask buffer (1, 1, 256, 256).
     gpt2-f32/                model.safetensors (lm_head.weight omitted, as save_pretrained does), config.json
     gpt2-bf16-sharded/       model.safetensors.index.json + 2 bf16 shards, config.json
     gpt2-bin/                pytorch_model.bin = torch.save(state_dict) in f32 (lm_head.weight kept,
                              sharing wte's storage), config.json
     gpt2-bin-sharded-bf16/   pytorch_model.bin.index.json + 2 bf16 torch.save shards (lm_head.weight in
                              wte's shard, as HF's shard_checkpoint puts storage-sharing tensors), config.json
     gpt2-buggy/              model.safetensors (bf16) with 9 planted bugs in 10 tensors, config.json,
                              expected.json
     gpt2.policy.yaml, gpt2.policy.json   the policy a team would commit for this model
B. A plain PyTorch model with torch's own module defaults (no custom init: built under torch.manual_seed):
     torch-modules-f32.safetensors, torch-modules-bf16.safetensors, torch-modules.pt (torch.save of the
     f32 state_dict), torch-modules-buggy.safetensors (f32, 8 planted bugs in 9 tensors),
     torch-modules-expected.json

expected.json files: {"flagged": [sorted names], "bugs": {name: what was planted},
"skipped": [non-float tensors, which an audit lists as skipped]}. The honest variants flag nothing.

Run from the repository root:  /usr/bin/python3 scripts/reference/audit_fixtures.py
then verify:                   /usr/bin/python3 scripts/reference/check_audit_fixtures.py
Needs Debian 12's python3-torch 1.13 (with numpy); no transformers/safetensors packages: safetensors
files are written by hand like the safetensors library does (tensors sorted by descending dtype, then
name; header padded with spaces to a multiple of 8; `__metadata__` {"format": "pt", ...}).

Seeds: GPT-2 honest model torch.manual_seed(20240) before construction (HF: construct, apply
_init_weights, tie); random GPT-2 bug k (k = 1..8, numbered as in the fixtures README) uses
torch.manual_seed(20240 + k), the garbage of bug 9 numpy.random.default_rng(20249); torch modules
torch.manual_seed(31337) before construction; their random bugs torch.manual_seed(31337 + k) (k = 1..7),
the conv3 garbage numpy.random.default_rng(31399). All tensors are sampled in
float32; bf16 files are `.to(torch.bfloat16)` casts (round to nearest even) of the same values.
A rerun reproduces every file byte for byte.
"""
import collections
import json
import math
import os
import struct
import sys

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refcommon as rc  # noqa: E402

OUT = os.path.join(rc.FIXTURE_DIR, "audit")
SCRIPT = "scripts/reference/audit_fixtures.py"

N_LAYER, N_EMBD, N_HEAD, VOCAB, N_POS, INIT_RANGE, N_LABELS = 4, 64, 4, 2048, 256, 0.02, 8
C_PROJ_STD = INIT_RANGE / math.sqrt(2 * N_LAYER)  # the double HF passes to normal_: 0.0070710678118654745
C_PROJ_STD_DECIMAL = "0.0070710678118654752"        # 0.02/sqrt(8) to 20 digits, for the policy (1 ulp apart)
assert abs(float(C_PROJ_STD_DECIMAL) - C_PROJ_STD) <= 2e-18
GPT2_SEED = 20240
GPT2_BUG_SEED = GPT2_SEED      # bug k (1..8) draws after torch.manual_seed(20240 + k)
GPT2_GARBAGE_SEED = 20249      # numpy.random.default_rng seed of bug 9
TORCH_SEED = 31337
TORCH_BUG_SEED = TORCH_SEED    # bug k (1..7) draws after torch.manual_seed(31337 + k)
TORCH_GARBAGE_SEED = 31399     # numpy.random.default_rng seed of the conv3.weight garbage
SQRT5 = math.sqrt(5.0)

# safetensors' Dtype enum order; files sort tensors by descending dtype, then by name
ST_ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16", "I32", "U32", "F32",
            "F64", "I64", "U64"]
ST_DTYPE = {torch.float32: "F32", torch.bfloat16: "BF16", torch.float16: "F16", torch.float64: "F64",
            torch.bool: "BOOL", torch.int64: "I64", torch.uint8: "U8", torch.int32: "I32"}


# ------------------------------------------------------------------------------------------------
# writers
# ------------------------------------------------------------------------------------------------
def tensor_bytes(t):
    t = t.detach().contiguous().cpu()
    if t.dtype == torch.bfloat16:
        return t.view(torch.int16).numpy().astype("<i2").tobytes()
    a = t.numpy()
    return a.astype(a.dtype.newbyteorder("<")).tobytes()


def write_safetensors(path, tensors, metadata):
    """tensors: {name: torch.Tensor}. Layout as safetensors.torch.save_file writes it."""
    items = sorted(tensors.items(), key=lambda kv: (-ST_ORDER.index(ST_DTYPE[kv[1].dtype]), kv[0]))
    header = {"__metadata__": metadata}
    blobs, off = [], 0
    for name, t in items:
        b = tensor_bytes(t)
        assert len(b) == t.numel() * t.element_size()
        header[name] = {"dtype": ST_DTYPE[t.dtype], "shape": list(t.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    hj = json.dumps(header, separators=(",", ":")).encode("utf-8")
    hj += b" " * ((8 - len(hj) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(hj)))
        f.write(hj)
        for b in blobs:
            f.write(b)


def write_json(path, obj, indent=2, sort_keys=False):
    with open(path, "w") as f:
        f.write(json.dumps(obj, indent=indent, sort_keys=sort_keys) + "\n")


MAX_SHARD_SIZE = 600 * 1000   # save_pretrained(max_shard_size="600KB"): 2 shards for the bf16 model


def shard(state, n_shards):
    """HF `shard_checkpoint` (transformers 4.2x): walk the state_dict in order, open a new shard when the
    next tensor would overflow MAX_SHARD_SIZE; a tensor sharing storage with an earlier one joins that
    one's shard and is not counted in total_size (bytes of the tensors stored)."""
    shards, last, total_size, block_of = [collections.OrderedDict()], 0, 0, {}
    for k, t in state.items():
        s = t.storage().data_ptr()
        if s in block_of:
            shards[block_of[s]][k] = t
            continue
        size = t.numel() * t.element_size()
        if last + size > MAX_SHARD_SIZE and len(shards[-1]) > 0:
            shards.append(collections.OrderedDict())
            last = 0
        shards[-1][k] = t
        last += size
        total_size += size
        block_of[s] = len(shards) - 1
    assert len(shards) == n_shards, len(shards)
    return shards, total_size


def shard_names(stem, ext, n):
    return [f"{stem}-{i + 1:05d}-of-{n:05d}.{ext}" for i in range(n)]


# ------------------------------------------------------------------------------------------------
# A. GPT-2, Hugging Face layout and init
# ------------------------------------------------------------------------------------------------
class Conv1D(nn.Module):
    """HF transformers' Conv1D: a Linear with the weight stored transposed, (in, out)."""

    def __init__(self, nf, nx):
        super().__init__()
        self.nf = nf
        self.weight = nn.Parameter(torch.empty(nx, nf))
        self.bias = nn.Parameter(torch.zeros(nf))
        nn.init.normal_(self.weight, std=0.02)

    def forward(self, x):
        return torch.addmm(self.bias, x.view(-1, x.size(-1)), self.weight).view(x.size()[:-1] + (self.nf,))


class GPT2Attention(nn.Module):
    def __init__(self):
        super().__init__()
        # HF registers the causal mask as a bool buffer (persistent in the releases that saved it)
        self.register_buffer("bias", torch.tril(torch.ones((N_POS, N_POS), dtype=torch.bool))
                             .view(1, 1, N_POS, N_POS))
        self.c_attn = Conv1D(3 * N_EMBD, N_EMBD)
        self.c_proj = Conv1D(N_EMBD, N_EMBD)


class GPT2MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.c_fc = Conv1D(4 * N_EMBD, N_EMBD)
        self.c_proj = Conv1D(N_EMBD, 4 * N_EMBD)


class GPT2Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln_1 = nn.LayerNorm(N_EMBD, eps=1e-5)
        self.attn = GPT2Attention()
        self.ln_2 = nn.LayerNorm(N_EMBD, eps=1e-5)
        self.mlp = GPT2MLP()


class GPT2Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.wte = nn.Embedding(VOCAB, N_EMBD)
        self.wpe = nn.Embedding(N_POS, N_EMBD)
        self.h = nn.ModuleList([GPT2Block() for _ in range(N_LAYER)])
        self.ln_f = nn.LayerNorm(N_EMBD, eps=1e-5)


class GPT2WithHeads(nn.Module):
    """GPT2LMHeadModel's names plus GPT2ForSequenceClassification's `score` head."""

    def __init__(self):
        super().__init__()
        self.transformer = GPT2Model()
        self.lm_head = nn.Linear(N_EMBD, VOCAB, bias=False)
        self.score = nn.Linear(N_EMBD, N_LABELS, bias=False)


def hf_init_weights(module):
    """GPT2PreTrainedModel._init_weights (transformers 4.x)."""
    if isinstance(module, (nn.Linear, Conv1D)):
        module.weight.data.normal_(mean=0.0, std=INIT_RANGE)
        if module.bias is not None:
            module.bias.data.zero_()
    elif isinstance(module, nn.Embedding):
        module.weight.data.normal_(mean=0.0, std=INIT_RANGE)
        if module.padding_idx is not None:
            module.weight.data[module.padding_idx].zero_()
    elif isinstance(module, nn.LayerNorm):
        module.bias.data.zero_()
        module.weight.data.fill_(1.0)
    # "Scale the weights of residual layers at initialization" (GPT-2 paper / Megatron)
    for name, p in module.named_parameters():
        if name == "c_proj.weight":
            p.data.normal_(mean=0.0, std=INIT_RANGE / math.sqrt(2 * N_LAYER))


def build_gpt2():
    torch.manual_seed(GPT2_SEED)
    model = GPT2WithHeads()
    model.apply(hf_init_weights)                          # post_init(): init_weights() ...
    model.lm_head.weight = model.transformer.wte.weight   # ... then tie_weights()
    assert model.lm_head.weight is model.transformer.wte.weight
    return model


def gpt2_config(dtype_name):
    return {
        "architectures": ["GPT2LMHeadModel"],
        "model_type": "gpt2",
        "activation_function": "gelu_new",
        "n_layer": N_LAYER, "n_embd": N_EMBD, "n_head": N_HEAD, "n_inner": None,
        "vocab_size": VOCAB, "n_positions": N_POS, "n_ctx": N_POS,
        "initializer_range": INIT_RANGE, "layer_norm_epsilon": 1e-05,
        "id2label": {str(i): f"LABEL_{i}" for i in range(N_LABELS)},
        "label2id": {f"LABEL_{i}": i for i in range(N_LABELS)},
        "tie_word_embeddings": True,
        "torch_dtype": dtype_name,
        "_note": "tiny GPT-2 for initcheck audit fixtures; score head (8 labels, no bias) added; "
                 "written by " + SCRIPT,
    }


def without_tied(state):
    return collections.OrderedDict((k, v) for k, v in state.items() if k != "lm_head.weight")


def garbage(n, seed):
    """Deterministic stand-in for torch.empty memory: exact zeros, denormals ~1e-40 (small integers
    read as float bits), huge values ~1e30, and one NaN, as float32."""
    rng = np.random.default_rng(seed)
    kind = rng.choice(4, size=n, p=[0.45, 0.30, 0.15, 0.10])
    bits = np.zeros(n, dtype=np.uint32)
    # denormals: bit patterns below 0x00800000 with the low 16 bits zero (exact in bf16 too), >= 9.2e-41
    den = kind == 1
    bits[den] = (rng.integers(1, 0x80, size=den.sum()).astype(np.uint32) << 16)
    out = bits.view(np.float32).copy()
    huge = kind == 2
    out[huge] = (rng.choice([-1.0, 1.0], size=huge.sum())
                 * 10.0 ** rng.uniform(28, 32, size=huge.sum())).astype(np.float32)
    odd = kind == 3   # pointer-like bit patterns: random exponents anywhere
    out[odd] = (rng.choice([-1.0, 1.0], size=odd.sum())
                * 2.0 ** rng.integers(-120, 120, size=odd.sum())).astype(np.float32)
    out[int(rng.integers(n))] = np.nan
    return torch.from_numpy(out)


def gpt2_bugs(f32_state):
    """Returns a copy of the f32 state with the planted bugs, and {name: description}."""
    s = collections.OrderedDict((k, v.clone()) for k, v in f32_state.items())
    bugs = {}

    def seed(k):
        torch.manual_seed(GPT2_BUG_SEED + k)

    with torch.no_grad():
        seed(1)
        s["transformer.wte.weight"].normal_(0.0, 0.0206)
        bugs["transformer.wte.weight"] = "N(0, 0.0206): 3% scale error (declared N(0, 0.02))"
        seed(2)
        s["transformer.h.0.ln_2.weight"].normal_(0.0, 0.02)
        bugs["transformer.h.0.ln_2.weight"] = "LayerNorm gamma drawn like a weight, N(0, 0.02) (declared ones)"
        seed(3)
        b = 1 / math.sqrt(N_EMBD)
        s["transformer.h.0.mlp.c_fc.bias"].uniform_(-b, b)
        bugs["transformer.h.0.mlp.c_fc.bias"] = \
            "bias not zeroed: torch Linear default U(+-1/sqrt(64)) = U(+-0.125) (declared zeros)"
        seed(4)
        nn.init.kaiming_uniform_(s["transformer.h.1.mlp.c_fc.weight"], a=SQRT5)
        bugs["transformer.h.1.mlp.c_fc.weight"] = \
            "torch Linear default kept: kaiming_uniform_(a=sqrt5) on (64,256) = U(+-1/sqrt(256)) = U(+-0.0625), " \
            "sd 0.0361 (declared N(0, 0.02))"
        seed(5)
        s["transformer.h.1.attn.c_attn.weight"].normal_(0.0, INIT_RANGE)
        seed(5)
        s["transformer.h.1.attn.c_proj.weight"].normal_(0.0, C_PROJ_STD)
        reuse = "reused seed: c_attn.weight and c_proj.weight of h.1 both drawn right after torch.manual_seed(%d); " \
                "c_proj's 4096 values = c_attn's first 4096 (C order) x 1/sqrt(8); each alone follows its law" \
                % (GPT2_BUG_SEED + 5)
        bugs["transformer.h.1.attn.c_attn.weight"] = reuse
        bugs["transformer.h.1.attn.c_proj.weight"] = reuse
        seed(6)
        s["transformer.h.2.attn.c_proj.weight"].normal_(0.0, INIT_RANGE)
        bugs["transformer.h.2.attn.c_proj.weight"] = \
            "forgotten residual scaling: N(0, 0.02) (declared N(0, 0.02/sqrt(8)) = N(0, 0.0070711))"
        s["transformer.h.2.mlp.c_proj.weight"].zero_()
        bugs["transformer.h.2.mlp.c_proj.weight"] = "all zeros (declared N(0, 0.0070711))"
        seed(8)
        nn.init.trunc_normal_(s["transformer.h.3.mlp.c_fc.weight"], 0.0, 0.02, -0.04, 0.04)
        bugs["transformer.h.3.mlp.c_fc.weight"] = \
            "trunc_normal_(0, 0.02, -0.04, 0.04): truncated at +-2 sd where none is declared (declared N(0, 0.02))"
        s["score.weight"].copy_(garbage(N_LABELS * N_EMBD, GPT2_GARBAGE_SEED).view(N_LABELS, N_EMBD))
        bugs["score.weight"] = \
            "uninitialized (torch.empty-like garbage): exact zeros, denormals ~1e-40, |x| ~1e30, one NaN " \
            "(declared N(0, 0.02))"
    return s, bugs


def write_gpt2():
    model = build_gpt2()
    meta = {"format": "pt", "source": SCRIPT, "torch": torch.__version__, "seed": str(GPT2_SEED)}
    f32 = model.state_dict()
    names = list(f32)
    assert f32["lm_head.weight"].data_ptr() == f32["transformer.wte.weight"].data_ptr()
    sizes = {}

    # gpt2-f32
    d = os.path.join(OUT, "gpt2-f32")
    os.makedirs(d, exist_ok=True)
    write_json(os.path.join(d, "config.json"), gpt2_config("float32"))
    write_safetensors(os.path.join(d, "model.safetensors"), without_tied(f32), meta)

    # gpt2-bin (f32, all keys; torch.save stores wte/lm_head storage once)
    d = os.path.join(OUT, "gpt2-bin")
    os.makedirs(d, exist_ok=True)
    write_json(os.path.join(d, "config.json"), gpt2_config("float32"))
    torch.save(f32, os.path.join(d, "pytorch_model.bin"))

    # bf16 copies of the same model
    bf16_model = build_gpt2().to(torch.bfloat16)
    bf16 = bf16_model.state_dict()
    assert list(bf16) == names
    assert bf16["lm_head.weight"].data_ptr() == bf16["transformer.wte.weight"].data_ptr()
    for k in names:
        if f32[k].is_floating_point():
            assert torch.equal(bf16[k].view(torch.int16), f32[k].to(torch.bfloat16).view(torch.int16)), k
        else:
            assert bf16[k].dtype == f32[k].dtype and torch.equal(bf16[k], f32[k]), k

    # gpt2-bf16-sharded (safetensors; tied lm_head removed before sharding)
    d = os.path.join(OUT, "gpt2-bf16-sharded")
    os.makedirs(d, exist_ok=True)
    write_json(os.path.join(d, "config.json"), gpt2_config("bfloat16"))
    shards, total = shard(without_tied(bf16), 2)
    files = shard_names("model", "safetensors", 2)
    weight_map = {}
    for sd, fname in zip(shards, files):
        write_safetensors(os.path.join(d, fname), sd, {"format": "pt"})
        weight_map.update({k: fname for k in sd})
    write_json(os.path.join(d, "model.safetensors.index.json"),
               {"metadata": {"total_size": total}, "weight_map": weight_map}, sort_keys=True)
    sizes["gpt2-bf16-sharded"] = [len(sd) for sd in shards]

    # gpt2-bin-sharded-bf16 (torch.save shards; lm_head.weight rides in wte's shard)
    d = os.path.join(OUT, "gpt2-bin-sharded-bf16")
    os.makedirs(d, exist_ok=True)
    write_json(os.path.join(d, "config.json"), gpt2_config("bfloat16"))
    shards, total = shard(bf16, 2)
    files = shard_names("pytorch_model", "bin", 2)
    weight_map = {}
    for sd, fname in zip(shards, files):
        torch.save(sd, os.path.join(d, fname))
        weight_map.update({k: fname for k in sd})
    assert weight_map["lm_head.weight"] == weight_map["transformer.wte.weight"]
    write_json(os.path.join(d, "pytorch_model.bin.index.json"),
               {"metadata": {"total_size": total}, "weight_map": weight_map}, sort_keys=True)
    sizes["gpt2-bin-sharded-bf16"] = [len(sd) for sd in shards]

    # gpt2-buggy (bf16 safetensors)
    buggy32, bugs = gpt2_bugs(without_tied(f32))
    buggy = collections.OrderedDict(
        (k, v.to(torch.bfloat16) if v.is_floating_point() else v) for k, v in buggy32.items())
    d = os.path.join(OUT, "gpt2-buggy")
    os.makedirs(d, exist_ok=True)
    write_json(os.path.join(d, "config.json"), gpt2_config("bfloat16"))
    write_safetensors(os.path.join(d, "model.safetensors"), buggy,
                      dict(meta, seed="%d; bugs %d..%d; garbage %d" % (GPT2_SEED, GPT2_BUG_SEED + 1, GPT2_BUG_SEED + 8, GPT2_GARBAGE_SEED)))
    skipped = sorted(k for k, v in buggy.items() if not v.is_floating_point())
    write_json(os.path.join(d, "expected.json"),
               {"flagged": sorted(bugs), "bugs": dict(sorted(bugs.items())), "skipped": skipped})

    # policy
    rules = [
        ("*.ln_*.weight", {"scheme": "ones"}),
        ("transformer.ln_f.weight", {"scheme": "ones"}),
        ("*.bias", {"scheme": "zeros"}),
        ("lm_head.weight", {"tied_to": "transformer.wte.weight"}),
        ("*.c_proj.weight", {"scheme": "normal(stddev=%s)" % C_PROJ_STD_DECIMAL}),
        ("*", {"scheme": "normal(stddev=0.02)"}),
    ]
    yaml = ["# initcheck audit policy for the tiny GPT-2 fixtures (HF GPT2PreTrainedModel._init_weights,",
            "# n_layer = 4: residual projections c_proj get 0.02/sqrt(2*4)). Written by " + SCRIPT + ".",
            "layout: pytorch",
            "rules:                       # first match wins; glob '*' matches any run incl. dots, '?' one char, "
            "\"re:...\" regex"]
    for pattern, what in rules:
        yaml.append('  - match: "%s"' % pattern)
        for k, v in what.items():
            yaml.append('    %s: %s' % (k, v if k == "scheme" and "(" not in v else '"%s"' % v))
    with open(os.path.join(OUT, "gpt2.policy.yaml"), "w") as f:
        f.write("\n".join(yaml) + "\n")
    write_json(os.path.join(OUT, "gpt2.policy.json"),
               {"layout": "pytorch", "rules": [dict({"match": p}, **w) for p, w in rules]})
    return sorted(bugs), skipped, sizes


# ------------------------------------------------------------------------------------------------
# B. plain torch modules, torch's defaults
# ------------------------------------------------------------------------------------------------
class TorchModules(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(32, 64)
        self.proj = nn.Linear(64, 16, bias=False)
        self.conv1 = nn.Conv1d(3, 8, 5)
        self.conv2 = nn.Conv2d(8, 64, 3, groups=2)
        self.big = nn.Conv2d(64, 64, 3)
        self.conv3 = nn.Conv3d(2, 4, 3)
        self.deconv = nn.ConvTranspose2d(16, 8, 3)
        self.embed = nn.Embedding(1000, 32)
        self.ln = nn.LayerNorm(32)
        self.gn = nn.GroupNorm(4, 16)
        self.bn = nn.BatchNorm2d(16)
        self.lstm = nn.LSTM(32, 48, num_layers=2, bidirectional=True)
        self.lstmp = nn.LSTM(16, 40, proj_size=12)
        self.gru = nn.GRU(16, 24)
        self.rnn = nn.RNN(8, 12)
        self.mha = nn.MultiheadAttention(32, 4)
        self.mha_kv = nn.MultiheadAttention(32, 4, kdim=16, vdim=24, add_bias_kv=True)


def build_torch_modules():
    torch.manual_seed(TORCH_SEED)
    return TorchModules()


def torch_bugs(f32_state):
    s = collections.OrderedDict((k, v.clone()) for k, v in f32_state.items())
    bugs = {}

    def seed(k):
        torch.manual_seed(TORCH_BUG_SEED + k)

    with torch.no_grad():
        seed(1)
        nn.init.kaiming_uniform_(s["embed.weight"], a=SQRT5)
        bugs["embed.weight"] = "Embedding drawn like a Linear: U(+-1/sqrt(32)) (declared N(0, 1))"
        seed(2)
        s["ln.weight"].normal_(0.0, 0.02)
        bugs["ln.weight"] = "LayerNorm gamma ~ N(0, 0.02) (declared ones)"
        seed(3)
        s["mha.in_proj_bias"].uniform_(-0.1, 0.1)
        bugs["mha.in_proj_bias"] = "MHA in_proj_bias not zeroed: U(+-0.1) (declared zeros)"
        s["bn.running_var"].zero_()
        bugs["bn.running_var"] = "BatchNorm running_var zeros (declared ones)"
        seed(5)
        b = 1 / math.sqrt(32)
        s["lstm.weight_ih_l0"].uniform_(-b, b)
        bugs["lstm.weight_ih_l0"] = \
            "LSTM weight bound from the input size: U(+-1/sqrt(32)) = U(+-0.1768) (declared U(+-1/sqrt(48)) = U(+-0.1443))"
        seed(6)
        b = 1.03 / math.sqrt(64 * 9)
        s["big.weight"].uniform_(-b, b)
        bugs["big.weight"] = "3% too wide: U(+-1.03/sqrt(576)) (declared U(+-1/sqrt(576)) = U(+-0.041667))"
        seed(7)
        b = 1 / math.sqrt(24)
        s["gru.weight_ih_l0"].uniform_(-b, b)
        seed(7)
        s["gru.weight_hh_l0"].uniform_(-b, b)
        reuse = "reused seed: gru.weight_ih_l0 (72x16) and gru.weight_hh_l0 (72x24) both drawn U(+-1/sqrt(24)) " \
                "right after torch.manual_seed(%d): weight_hh_l0's first 1152 values (C order) equal " \
                "weight_ih_l0's 1152 exactly; each alone follows its law" % (TORCH_BUG_SEED + 7)
        bugs["gru.weight_ih_l0"] = reuse
        bugs["gru.weight_hh_l0"] = reuse
        s["conv3.weight"].copy_(garbage(s["conv3.weight"].numel(), TORCH_GARBAGE_SEED).view(s["conv3.weight"].shape))
        bugs["conv3.weight"] = \
            "uninitialized (torch.empty-like garbage): exact zeros, denormals ~1e-40, |x| ~1e30, one NaN " \
            "(declared U(+-1/sqrt(54)))"
    return s, bugs


def write_torch_modules():
    f32 = build_torch_modules().state_dict()
    meta = {"format": "pt", "source": SCRIPT, "torch": torch.__version__, "seed": str(TORCH_SEED)}
    write_safetensors(os.path.join(OUT, "torch-modules-f32.safetensors"), f32, meta)
    torch.save(f32, os.path.join(OUT, "torch-modules.pt"))
    bf16 = build_torch_modules().to(torch.bfloat16).state_dict()
    for k in f32:
        if f32[k].is_floating_point():
            assert torch.equal(bf16[k].view(torch.int16), f32[k].to(torch.bfloat16).view(torch.int16)), k
    write_safetensors(os.path.join(OUT, "torch-modules-bf16.safetensors"), bf16, meta)
    buggy, bugs = torch_bugs(f32)
    write_safetensors(os.path.join(OUT, "torch-modules-buggy.safetensors"), buggy,
                      dict(meta, seed="%d; bugs %d..%d; garbage %d" % (TORCH_SEED, TORCH_BUG_SEED + 1, TORCH_BUG_SEED + 7, TORCH_GARBAGE_SEED)))
    skipped = sorted(k for k, v in f32.items() if not v.is_floating_point())
    write_json(os.path.join(OUT, "torch-modules-expected.json"),
               {"flagged": sorted(bugs), "bugs": dict(sorted(bugs.items())), "skipped": skipped})
    return sorted(bugs), skipped


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.set_num_threads(1)
    gpt2_flagged, gpt2_skipped, shards = write_gpt2()
    torch_flagged, torch_skipped = write_torch_modules()
    print("gpt2 flagged (%d): %s" % (len(gpt2_flagged), ", ".join(gpt2_flagged)))
    print("gpt2 skipped: %s; shard tensor counts %s" % (", ".join(gpt2_skipped), shards))
    print("torch-modules flagged (%d): %s" % (len(torch_flagged), ", ".join(torch_flagged)))
    print("torch-modules skipped: %s" % ", ".join(torch_skipped))
    total = 0
    for root, _, files in sorted(os.walk(OUT)):
        for f in sorted(files):
            p = os.path.join(root, f)
            total += os.path.getsize(p)
            print("%9d  %s" % (os.path.getsize(p), os.path.relpath(p, OUT)))
    print("%9d  total" % total)


if __name__ == "__main__":
    main()
