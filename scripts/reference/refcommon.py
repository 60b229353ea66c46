"""Shared helpers for the reference-data scripts (run with /usr/bin/python3).

Everything here is deterministic: no clocks except the date line of the
provenance header, no unseeded randomness.
"""
import datetime
import math
import os
import platform
import sys

import numpy as np
import scipy

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
REF_DIR = os.path.join(REPO_ROOT, "src", "test", "resources", "reference")
FIXTURE_DIR = os.path.join(REPO_ROOT, "src", "test", "resources", "fixtures")


def versions(with_torch=False, with_mpmath=True):
    parts = ["python " + platform.python_version(),
             "numpy " + np.__version__,
             "scipy " + scipy.__version__]
    if with_mpmath:
        import mpmath
        parts.append("mpmath " + mpmath.__version__)
    if with_torch:
        import torch
        parts.append("torch " + torch.__version__)
    return ", ".join(parts)


def today():
    # Date only (UTC), so that a rerun on the same day is byte-identical.
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")


def command_line(script_name):
    return "/usr/bin/python3 scripts/reference/%s   (run from the repository root)" % script_name


def header(script_name, title, column_lines, notes=(), with_torch=False, with_mpmath=True):
    """Return the list of '#' provenance lines (without trailing newlines)."""
    lines = ["# initcheck reference data: " + title,
             "# command: " + command_line(script_name),
             "# versions: " + versions(with_torch=with_torch, with_mpmath=with_mpmath),
             "# interpreter: " + sys.executable,
             "# date (UTC): " + today(),
             "# floats: Python repr() of IEEE-754 binary64 values (shortest string that parses back to",
             "#   the identical double; at most 17 significant digits); special values are written",
             "#   nan, inf and -inf.",
             "# CSV: comma-separated, one header row after the '#' lines; a field that contains a comma",
             "#   is enclosed in double quotes (RFC 4180); no field contains a double quote or newline.",
             "# columns:"]
    for c in column_lines:
        lines.append("#   " + c)
    for n in notes:
        lines.append("# " + n if n else "#")
    return lines


def fmt(v):
    """Format one CSV cell."""
    if isinstance(v, (bool, np.bool_)):
        return "true" if v else "false"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    s = str(v)
    if any(ch in s for ch in '"\n\r'):
        raise ValueError("CSV cell must not contain a double quote or newline: %r" % s)
    if "," in s:
        return '"' + s + '"'   # RFC 4180 quoting; only fields with commas are quoted
    return s


def write_csv(path, header_lines, columns, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write(h + "\n")
        f.write(",".join(columns) + "\n")
        for r in rows:
            if len(r) != len(columns):
                raise ValueError("row length %d != %d: %r" % (len(r), len(columns), r))
            f.write(",".join(fmt(v) for v in r) + "\n")


def save_npy(path, arr):
    """np.save (format version 1.0, C order); the dtype (incl. byte order) is kept as given."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    arr = np.ascontiguousarray(arr)
    with open(path, "wb") as f:
        np.lib.format.write_array(f, arr, version=(1, 0), allow_pickle=False)


def shape_str(shape):
    return "x".join(str(int(d)) for d in shape)


SQRT2 = math.sqrt(2.0)
