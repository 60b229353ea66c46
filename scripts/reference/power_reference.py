#!/usr/bin/python3
"""Smallest scale error detectable with guaranteed power.

Writes src/test/resources/reference/power.csv.
Run from the repository root:  /usr/bin/python3 scripts/reference/power_reference.py
"""
import math
import os
import sys

import mpmath as mp
import numpy as np
from scipy import optimize, stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refcommon as rc  # noqa: E402
import thresholds_reference as tr  # noqa: E402

SCRIPT = "power_reference.py"
ALPHAS = [1e-6, 1e-4]
BETA = 1e-3
NS = [10**3, 10**4, 10**5, 10**6, 10**7]
FAMILIES = ["uniform", "normal", "truncnorm2"]

# Standardised declared laws (the scale is irrelevant: everything is scale-invariant).
BASE = {
    "uniform": stats.uniform(loc=-1.0, scale=2.0),
    "normal": stats.norm(),
    "truncnorm2": stats.truncnorm(-2.0, 2.0),
}
XMAX = {"uniform": 1.0, "normal": 12.0, "truncnorm2": 2.0}


def sup_diff_closed(family, r):
    """Closed forms of sup_x |F(x/r) - F(x)| (uniform; normal)."""
    if family == "uniform":
        return (1.0 - 1.0 / r) / 2.0 if r > 1 else (1.0 - r) / 2.0
    if family == "normal":
        x2 = 2.0 * r * r * math.log(r) / (r * r - 1.0)
        x = math.sqrt(x2)
        return abs(stats.norm.cdf(x / r) - stats.norm.cdf(x))
    return None


def sup_diff_numeric(family, r):
    """sup_x |F(x/r) - F(x)| by a fine grid on x >= 0 (laws are symmetric) plus
    scipy.optimize.minimize_scalar around the best grid point; cut-offs added as candidates."""
    F = BASE[family].cdf
    hi = XMAX[family] * max(r, 1.0) * 1.05
    xs = np.linspace(0.0, hi, 200001)
    g = np.abs(F(xs / r) - F(xs))
    i = int(np.argmax(g))
    best = float(g[i])
    lo_b = xs[max(i - 1, 0)]
    hi_b = xs[min(i + 1, xs.size - 1)]
    if hi_b > lo_b:
        res = optimize.minimize_scalar(lambda x: -abs(F(x / r) - F(x)), bounds=(lo_b, hi_b),
                                       method="bounded", options={"xatol": 1e-14})
        best = max(best, -float(res.fun))
    cands = []
    if family == "uniform":
        cands = [1.0, r]
    elif family == "truncnorm2":
        cands = [2.0, 2.0 * r]
    for x in cands:
        best = max(best, float(abs(F(x / r) - F(x))))
    return best


def sup_diff(family, r):
    v = sup_diff_numeric(family, r)
    c = sup_diff_closed(family, r)
    if c is not None:
        assert abs(v - c) <= 1e-12 * max(c, 1e-300) + 1e-15, (family, r, v, c)
        return c
    return v


def ks_delta(family, n, alpha, beta):
    c = math.sqrt(math.log(2.0 / alpha) / (2.0 * n)) + math.sqrt(math.log(1.0 / beta) / (2.0 * n))
    up = optimize.brentq(lambda d: sup_diff(family, 1.0 + d) - c, 1e-9, 10.0, xtol=1e-15, rtol=1e-13)
    down = optimize.brentq(lambda d: sup_diff(family, 1.0 - d) - c, 1e-9, 0.999999, xtol=1e-15,
                           rtol=1e-13)
    return c, up, down


def chi2_power(r, n, lo, hi):
    return stats.chi2.cdf(lo / r, n) + stats.chi2.sf(hi / r, n)


def normal_m2_delta(n, alpha, beta):
    lo = float(stats.chi2.ppf(alpha / 2, n))
    hi = float(stats.chi2.isf(alpha / 2, n))
    target = 1.0 - beta
    up = optimize.brentq(lambda d: chi2_power((1 + d) ** 2, n, lo, hi) - target, 1e-9, 10.0,
                         xtol=1e-15, rtol=1e-13)
    down = optimize.brentq(lambda d: chi2_power((1 - d) ** 2, n, lo, hi) - target, 1e-9,
                           0.999999, xtol=1e-15, rtol=1e-13)
    return lo, hi, up, down


def bounded_m2_delta(family, n, alpha, beta):
    C = tr.constants()
    if family == "uniform":
        v, M = C["v_uniform"][0], C["M_uniform"][0]
    else:
        v, M = C["v_truncnorm2"][0], C["M_truncnorm2"][0]
    N = mp.mpf(n)
    t = tr.bernstein(M, v, mp.log(2 / mp.mpf(alpha)), N)
    tb = tr.bernstein(M, v, mp.log(1 / mp.mpf(beta)), N)
    up = mp.sqrt((1 + t) / (1 - tb)) - 1 if tb < 1 else mp.nan
    down = 1 - mp.sqrt((1 - t) / (1 + tb)) if t < 1 else mp.nan
    return float(t), float(tb), float(up), float(down)


def main():
    nan = float("nan")
    rows = []
    for alpha in ALPHAS:
        for family in FAMILIES:
            for n in NS:
                c, up, down = ks_delta(family, n, alpha, BETA)
                rows.append([family, "ks", alpha, 1 - BETA, n, up, down, max(up, down),
                             c, nan, nan, nan, nan, "DKW sup-distance, brentq"])
                if family == "normal":
                    lo, hi, up2, down2 = normal_m2_delta(n, alpha, BETA)
                    rows.append([family, "second_moment", alpha, 1 - BETA, n, up2, down2,
                                 max(up2, down2), nan, nan, nan, lo / n, hi / n,
                                 "exact chi2 power, brentq"])
                else:
                    t, tb, up2, down2 = bounded_m2_delta(family, n, alpha, BETA)
                    rows.append([family, "second_moment", alpha, 1 - BETA, n, up2, down2,
                                 max(up2, down2), nan, t, tb, nan, nan,
                                 "Bernstein both sides, closed form"])
                print(rows[-2][:8], rows[-1][:8], flush=True)

    cols = ["family", "test", "alpha", "power", "n", "delta_up", "delta_down", "delta",
            "ks_c", "bernstein_t", "bernstein_t_beta", "chi2_lo", "chi2_hi", "method"]
    hdr = rc.header(SCRIPT, "smallest detectable scale error (guaranteed power)", [
        "family: declared law (uniform = U(-a,a); normal = N(0,s^2); truncnorm2 = N(0,s^2) truncated",
        "    at +-2s); the alternative is the whole law scaled: X -> (1 + delta) X or (1 - delta) X",
        "    (cut-offs scale too); the variance ratio is r = (1 +- delta)^2",
        "test: ks or second_moment; alpha: test level; power: 1 - beta = 0.999; n: sample size",
        "delta_up / delta_down: smallest delta detected for (1 + delta) / (1 - delta);",
        "    delta = max(delta_up, delta_down) (the reported figure)",
        "ks: c = ks_c = sqrt(ln(2/alpha)/(2n)) + sqrt(ln(1/beta)/(2n)); delta solves",
        "    sup_x |F(x/(1 +- delta)) - F(x)| = c (scipy.optimize.brentq). The sup: closed form for",
        "    uniform ((1 - 1/r')/2 for r' = 1+delta > 1, (1 - r')/2 for r' < 1) and normal (at",
        "    x^2 = 2 r'^2 ln r' / (r'^2 - 1)), both checked against the numeric sup; numeric for",
        "    truncnorm2: 200001-point grid on [0, 2.1 max(r',1)] + bounded minimize_scalar + cut-offs",
        "second_moment, normal: reject iff n m/sigma^2 < chi2.ppf(alpha/2, n) or > chi2.isf(alpha/2, n)",
        "    (columns chi2_lo, chi2_hi hold these divided by n); power at variance ratio r is",
        "    chi2.cdf(lo/r, n) + chi2.sf(hi/r, n); delta solves power = 0.999 (brentq)",
        "second_moment, uniform/truncnorm2: bernstein_t = t with L = ln(2/alpha), bernstein_t_beta =",
        "    t_b with L = ln(1/beta), t = (M L/3 + sqrt((M L/3)^2 + 2 v L n))/n (v, M in",
        "    thresholds_constants.csv); detected upward iff r >= (1+t)/(1-t_b), downward iff",
        "    r <= (1-t)/(1+t_b): delta_up = sqrt((1+t)/(1-t_b)) - 1, delta_down = 1 - sqrt((1-t)/(1+t_b))",
        "    (mpmath 50 digits, rounded)",
        "unused columns are nan; method: how delta was obtained",
    ])
    rc.write_csv(os.path.join(rc.REF_DIR, "power.csv"), hdr, cols, rows)


if __name__ == "__main__":
    main()
