#!/usr/bin/python3
"""Kolmogorov-Smirnov golden set.

Writes src/test/resources/reference/ks/:
  <case_id>.npy     one sample per case (float64 for n <= 5000, float32 above)
  ks_golden.csv     D, D+, D-, scipy exact and asymptotic p-values per case
  ks_pvalues.csv    the null distribution of D_n on an (n, D) grid, no samples

Run from the repository root:  /usr/bin/python3 scripts/reference/ks_reference.py
"""
import math
import os
import sys

import numpy as np
from scipy import special, stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refcommon as rc  # noqa: E402
from ksexact import sf_exact  # noqa: E402

SCRIPT = "ks_reference.py"
OUT = os.path.join(rc.REF_DIR, "ks")

# Parameters as real initializers produce them.
PARAMS = {
    # U(-a, a)
    "uniform": [0.05, 0.0625, math.sqrt(6.0 / (512 + 256)), 1.0 / math.sqrt(512)],
    # N(0, s)
    "normal": [0.05, math.sqrt(2.0 / 512), 1.0 / math.sqrt(3 * 512), 0.02],
    # N(0, s) truncated at +-2 s  (s = parent sd)
    "truncnorm2": [math.sqrt(2.0 / 512) / 0.87962566103423978, 0.05,
                   1.0 / math.sqrt(3 * 512), 0.02],
}

NS = [1, 2, 3, 5, 10, 20, 50, 100, 140, 141, 500, 1000, 5000, 10**4, 10**5, 10**6]
SMALL_NS = [1, 2, 3, 5, 10, 20, 50, 100, 140, 141, 500, 1000]


def declared(family, p):
    if family == "uniform":
        return stats.uniform(loc=-p, scale=2 * p)
    if family == "normal":
        return stats.norm(loc=0.0, scale=p)
    if family == "truncnorm2":
        return stats.truncnorm(-2.0, 2.0, loc=0.0, scale=p)
    raise ValueError(family)


def draw(rng, gen_family, p, n):
    if gen_family == "uniform":
        return rng.uniform(-p, p, n)
    if gen_family == "normal":
        return rng.normal(0.0, p, n)
    if gen_family == "truncnorm2":
        return stats.truncnorm.rvs(-2.0, 2.0, loc=0.0, scale=p, size=n, random_state=rng)
    raise ValueError(gen_family)


def case_list():
    """(case_id, family, param, n, gen_family, gen_scale, dtype, seed)."""
    cases = []
    seed = 20260001

    def add(family, pidx, n, gen_family, gen_scale, tag, dtype):
        nonlocal seed
        p = PARAMS[family][pidx % len(PARAMS[family])]
        cid = "%s_n%d_%s" % (family, n, tag)
        cases.append((cid, family, p, n, gen_family, gen_scale, dtype, seed))
        seed += 1

    for fi, family in enumerate(["uniform", "normal", "truncnorm2"]):
        for ni, n in enumerate(SMALL_NS):
            add(family, ni, n, family, 1.0, "null1", "<f8")
            add(family, ni + 1, n, family, 1.0, "null2", "<f8")
            add(family, ni + 2, n, family, 1.05, "scale1.05", "<f8")
            add(family, ni + 3, n, family, 0.9, "scale0.90", "<f8")
            if family == "truncnorm2":
                add(family, ni, n, "normal", 1.0, "untruncated", "<f8")
            if n >= 20:
                # gross scale errors: p-values from ~1e-3 down to ~1e-100
                add(family, ni + 1, n, family, 0.7, "scale0.70", "<f8")
                add(family, ni + 2, n, family, 1.5, "scale1.50", "<f8")
        # n = 5000: float64
        add(family, fi, 5000, family, 1.0, "null1", "<f8")
        if family == "uniform":
            add(family, fi + 1, 5000, family, 0.9, "scale0.90", "<f8")
        elif family == "normal":
            add(family, fi + 1, 5000, family, 1.05, "scale1.05", "<f8")
        else:
            add(family, fi + 1, 5000, "normal", 1.0, "untruncated", "<f8")
        if family == "uniform":
            # n*D^2 >= 370: scipy's kstwo.sf returns exactly 0.0
            add(family, fi + 2, 5000, family, 0.4, "scale0.40", "<f8")
        # n = 10^4: float32 (space)
        add(family, fi + 2, 10**4, family, 1.0, "null1", "<f4")
        if family == "uniform":
            add(family, fi + 3, 10**4, family, 1.05, "scale1.05", "<f4")
        elif family == "normal":
            add(family, fi + 3, 10**4, family, 0.9, "scale0.90", "<f4")
        else:
            add(family, fi + 3, 10**4, family, 1.02, "scale1.02", "<f4")
    # n = 10^5: one case, float32; a small scale error that KS sees at p ~ 1e-5 .. 1e-9
    add("normal", 0, 10**5, "normal", 1.03, "scale1.03", "<f4")
    # n = 10^6: one case, float32; honest He-normal (Keras) sample
    add("truncnorm2", 0, 10**6, "truncnorm2", 1.0, "null1", "<f4")
    return cases


def scipy_branch(n, x):
    """Which formula scipy 1.10 scipy.stats._ksstats._kolmogn uses for kstwo.sf(x, n)."""
    if x >= 1.0:
        return "x>=1:sf=0"
    if x <= 0.0:
        return "x<=0:sf=1"
    t = n * x
    if t <= 1.0:
        if t <= 0.5:
            return "nx<=0.5:sf=1"
        return "RubenGambino(nx<=1):exact"
    if t >= n - 1:
        return "RubenGambino(nx>=n-1):exact"
    if x >= 0.5:
        return "2*smirnov(x>=0.5):exact"
    nx2 = t * x
    if n <= 140:
        if nx2 <= 0.754693:
            return "DMTW:exact"
        if nx2 <= 4:
            return "Pomeranz:exact"
        return "2*smirnov(Miller):approx"
    if nx2 >= 370.0:
        return "nx2>=370:sf=0"
    if nx2 >= 2.2:
        return "2*smirnov(Miller):approx"
    if n <= 100000 and n * x ** 1.5 <= 1.4:
        return "DMTW:exact"
    return "PelzGood:approx"


def mp_sf(n, d):
    """Independent exact sf (ksexact) for n <= 141, else nan (too slow in pure Python)."""
    if n <= 141:
        return sf_exact(n, float(d))
    return float("nan")


def ks_stats(x, dist):
    """D, D+, D- exactly as scipy.stats.kstest computes them (sorted x, i/n grid)."""
    xs = np.sort(x)
    n = xs.size
    cdfvals = dist.cdf(xs)
    dplus = (np.arange(1.0, n + 1) / n - cdfvals).max()
    dminus = (cdfvals - np.arange(0.0, n) / n).max()
    return float(max(dplus, dminus)), float(dplus), float(dminus)


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for (cid, family, p, n, gen_family, gen_scale, dtype, seed) in case_list():
        rng = np.random.default_rng(seed)
        x = draw(rng, gen_family, p * gen_scale, n).astype(np.float64)
        x = x.astype(np.dtype(dtype))
        rc.save_npy(os.path.join(OUT, cid + ".npy"), x)
        xd = np.load(os.path.join(OUT, cid + ".npy")).astype(np.float64)
        dist = declared(family, p)
        res = stats.kstest(xd, dist.cdf, method="exact")
        D = float(res.statistic)
        Dm, Dp, Dn = ks_stats(xd, dist)
        assert D == Dm, (cid, D, Dm)
        Dp2 = float(stats.kstest(xd, dist.cdf, alternative="greater").statistic)
        Dn2 = float(stats.kstest(xd, dist.cdf, alternative="less").statistic)
        assert Dp2 == Dp and Dn2 == Dn, cid
        try:
            p_exact = float(stats.kstwo.sf(D, n))
        except Exception:  # pragma: no cover - documented fallback
            p_exact = float("nan")
        assert float(res.pvalue) == min(1.0, max(0.0, p_exact)), (cid, res.pvalue, p_exact)
        p_asymp = float(stats.kstwobign.sf(math.sqrt(n) * D))
        p_mp = mp_sf(n, D)
        rows.append([cid, family, p, n, D, Dp, Dn, p_exact, p_asymp,
                     dtype, gen_family, gen_scale, seed, scipy_branch(n, D), p_mp])
        print("%-36s D=%-22r p=%-24r mp=%r" % (cid, D, p_exact, p_mp), flush=True)

    cols = ["case_id", "family", "param", "n", "D", "D_plus", "D_minus", "p_exact", "p_asymp",
            "dtype", "gen_family", "gen_scale", "seed", "scipy_branch", "p_exact_mp"]
    hdr = rc.header(SCRIPT, "one-sample Kolmogorov-Smirnov statistics and p-values", [
        "case_id: sample file is ks/<case_id>.npy (1-D, C order, little-endian, dtype as in column dtype)",
        "family, param: the declared law, whose CDF F the test uses:",
        "    uniform, param a: U(-a, a)   = scipy.stats.uniform(loc=-a, scale=2a)",
        "    normal, param s: N(0, s^2)    = scipy.stats.norm(scale=s)",
        "    truncnorm2, param s: N(0, s^2) truncated to [-2s, 2s] = scipy.stats.truncnorm(-2, 2, scale=s)",
        "n: sample size",
        "D: scipy.stats.kstest(x, F, method='exact').statistic = max(D_plus, D_minus)",
        "D_plus: max_i (i/n - F(x_(i))), i = 1..n  (= kstest(..., alternative='greater').statistic)",
        "D_minus: max_i (F(x_(i)) - (i-1)/n)     (= kstest(..., alternative='less').statistic)",
        "p_exact: scipy.stats.kstwo.sf(D, n) (equals kstest(method='exact').pvalue); see scipy_branch:",
        "    for some (n, D) scipy's 'exact' distribution is itself an approximation",
        "p_asymp: scipy.stats.kstwobign.sf(sqrt(n) * D)  (Kolmogorov limit law, no finite-n correction)",
        "dtype: numpy dtype string of the stored sample ('<f8' or '<f4'); all statistics are computed",
        "    on the float64 values of the stored numbers (float32 values widened exactly)",
        "gen_family, gen_scale: the law actually sampled: gen_family with parameter param*gen_scale",
        "    (truncnorm2 cases with gen_family=normal are untruncated N(0, param^2) samples)",
        "seed: numpy.random.default_rng(seed) used to draw the sample (truncnorm2 via",
        "    scipy.stats.truncnorm.rvs(..., random_state=rng))",
        "scipy_branch: the formula scipy 1.10 _kolmogn(n, D, cdf=False) takes ('exact' or 'approx')",
        "p_exact_mp: P(D_n >= D) computed independently of scipy by Noe's recursion in exact-rational",
        "    band end-points and multi-precision fixed point (relative error < 2^-60 before the final",
        "    rounding to double); computed for n <= 141 only, nan otherwise",
    ], notes=[
        "p_exact is never nan in this file: scipy returned a number for every case (it returns",
        "exactly 0.0 when n*D^2 >= 370 for n > 140, and 1.0 when n*D <= 0.5).",
        "n = 10^4, 10^5, 10^6 samples are stored as float32 to keep the data small.",
    ])
    rc.write_csv(os.path.join(OUT, "ks_golden.csv"), hdr, cols, rows)

    # ---- null distribution grid -------------------------------------------------
    grid_rows = []
    lams = [0.3, 0.5, 0.7, 0.8, 1.0, 1.2, 1.36, 1.5, 1.63, 1.8, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0]
    gns = [1, 2, 3, 5, 10, 20, 50, 100, 140, 141, 500, 1000, 5000, 10**4, 10**5, 100001,
           10**6, 10**7]
    for n in gns:
        ds = set()
        for lam in lams:
            d = lam / math.sqrt(n)
            if d < 1.0:
                ds.add(float(d))
        # boundary regimes: just above 1/(2n), just below 1/n, x >= 0.5, near 1 - 1/n
        for d in (0.75 / n, 0.999 / n, 1.5 / n):
            if d < 1.0:
                ds.add(float(d))
        if n >= 2:
            ds.add(0.6)
            ds.add(float(1.0 - 0.5 / n))
        for d in sorted(ds):
            sf = float(stats.kstwo.sf(d, n))
            cdf = float(stats.kstwo.cdf(d, n))
            pa = float(stats.kstwobign.sf(math.sqrt(n) * d))
            pm = mp_sf(n, d)
            grid_rows.append([n, d, math.sqrt(n) * d, sf, cdf, pa, scipy_branch(n, d), pm])
            print("grid n=%d d=%r sf=%r mp=%r" % (n, d, sf, pm), flush=True)
    gcols = ["n", "D", "lambda", "p_exact", "cdf_exact", "p_asymp", "scipy_branch", "p_exact_mp"]
    ghdr = rc.header(SCRIPT, "null distribution of the two-sided KS statistic D_n (no samples)", [
        "n: sample size; D: statistic value (lambda = sqrt(n) * D, as computed in double)",
        "p_exact: scipy.stats.kstwo.sf(D, n); cdf_exact: scipy.stats.kstwo.cdf(D, n)",
        "p_asymp: scipy.stats.kstwobign.sf(sqrt(n) * D)",
        "scipy_branch: the formula scipy 1.10 _kolmogn(n, D, cdf=False) takes",
        "p_exact_mp: independent exact P(D_n >= D) (see ks_golden.csv); n <= 141 only, nan otherwise",
    ])
    rc.write_csv(os.path.join(OUT, "ks_pvalues.csv"), ghdr, gcols, grid_rows)


if __name__ == "__main__":
    main()
