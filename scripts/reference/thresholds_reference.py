#!/usr/bin/python3
"""Test thresholds recomputed from their definitions.

Writes src/test/resources/reference/thresholds.csv and thresholds_constants.csv.
Run from the repository root:  /usr/bin/python3 scripts/reference/thresholds_reference.py
"""
import math
import os
import sys

import mpmath as mp
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refcommon as rc  # noqa: E402

SCRIPT = "thresholds_reference.py"
mp.mp.dps = 50

ALPHAS = [1e-2, 1e-4, 1e-6, 1e-8]
NS = [10, 100, 10**3, 10**4, 10**5, 10**6, 10**7]


def constants():
    """High-precision constants (mpmath, 50 digits)."""
    two = mp.mpf(2)
    Z = mp.erf(mp.sqrt(2))                       # P(|N(0,1)| <= 2)
    phi2 = mp.npdf(2)
    e2 = 1 - 2 * two * phi2 / Z                  # E[X^2], X ~ N(0,1) | |X| <= 2
    e4 = 3 * e2 - 2 * two ** 3 * phi2 / Z        # E[X^4]
    kappa_tn = e4 / e2 ** 2
    B_tn = two ** 2 / e2                          # max of X^2 / E[X^2]
    c_tn = 2 * (2 * phi2 / Z)                     # cut-off 2 times the density of |X| at 2
    p0 = mp.erfc(mp.sqrt(2))                      # P(|N(0,1)| > 2)
    return {
        "Z_truncnorm2": (Z, "P(|N(0,1)| <= 2) = erf(sqrt(2))"),
        "phi_2": (phi2, "standard normal density at 2"),
        "EX2_truncnorm2": (e2, "E[X^2] of N(0,1) truncated to [-2,2] = 1 - 4 phi(2)/Z"),
        "sd_truncnorm2": (mp.sqrt(e2), "sqrt(EX2_truncnorm2) (Keras 0.87962566103423978)"),
        "EX4_truncnorm2": (e4, "E[X^4] of N(0,1) truncated to [-2,2] = 3 EX2 - 16 phi(2)/Z"),
        "kappa_truncnorm2": (kappa_tn, "kurtosis EX4/EX2^2 of the truncated law (non-excess)"),
        "B_truncnorm2": (B_tn, "4/EX2_truncnorm2: bound of X^2/sigma^2 for the truncated law"),
        "v_truncnorm2": (kappa_tn - 1, "kappa_truncnorm2 - 1: variance of X^2/sigma^2"),
        "M_truncnorm2": (B_tn - 1, "B_truncnorm2 - 1: bound of X^2/sigma^2 - 1"),
        "kappa_uniform": (mp.mpf(9) / 5, "kurtosis of U(-a,a)"),
        "B_uniform": (mp.mpf(3), "a^2/(a^2/3): bound of X^2/sigma^2 for U(-a,a)"),
        "v_uniform": (mp.mpf(4) / 5, "kappa_uniform - 1"),
        "M_uniform": (mp.mpf(2), "B_uniform - 1"),
        "c_endpoint_truncnorm2": (c_tn, "2 * (2 phi(2)/Z): cut-off (2, in parent sd) times density of |X| at the cut-off"),
        "p0_tail_normal": (p0, "P(|N(0,1)| > 2) = erfc(sqrt(2))"),
        "sigma2_mean_uniform": (mp.mpf(1) / 3, "variance of U(-1,1) (mean_bounded_uniform)"),
        "b_mean_uniform": (mp.mpf(1), "bound of |X| for U(-1,1) (mean_bounded_uniform)"),
    }


def bernstein(M, v, L, n):
    """t = (M L/3 + sqrt((M L/3)^2 + 2 v L n)) / n  (mpmath)."""
    ML3 = M * L / 3
    return (ML3 + mp.sqrt(ML3 ** 2 + 2 * v * L * n)) / n


def _log_pmf(j, n, p):
    return (mp.loggamma(n + 1) - mp.loggamma(j + 1) - mp.loggamma(n - j + 1)
            + j * mp.log(p) + (n - j) * mp.log(1 - p))


def binom_tail_mp(k, n, p, upper):
    """mpmath: P(K <= k) (upper=False) or P(K > k) (upper=True), by summing the pmf from the
    end point outwards until the terms are negligible (independent of scipy)."""
    if upper:
        j, step, stop = k + 1, 1, n
    else:
        j, step, stop = k, -1, 0
    if (upper and k >= n) or (not upper and k < 0):
        return mp.mpf(0)
    term = mp.exp(_log_pmf(j, n, p))
    total = term
    while j != stop:
        nj = j + step
        if upper:   # pmf(j+1)/pmf(j) = (n-j)/(j+1) * p/(1-p)
            term *= mp.mpf(n - j) / (j + 1) * p / (1 - p)
        else:       # pmf(j-1)/pmf(j) = j/(n-j+1) * (1-p)/p
            term *= mp.mpf(j) / (n - j + 1) * (1 - p) / p
        j = nj
        total += term
        if term < total * mp.mpf(10) ** -40:
            break
    return total


def main():
    C = constants()
    crows = [[k, float(v[0]), mp.nstr(v[0], 30), v[1]] for k, v in C.items()]
    ccols = ["name", "value", "value_30_digits", "definition"]
    chdr = rc.header(SCRIPT, "constants used by thresholds.csv and power.csv", [
        "name: constant name; value: nearest double; value_30_digits: mpmath value, 30 digits;",
        "definition: what it is",
    ])
    rc.write_csv(os.path.join(rc.REF_DIR, "thresholds_constants.csv"), chdr, ccols, crows)

    v_u, M_u = C["v_uniform"][0], C["M_uniform"][0]
    v_t, M_t = C["v_truncnorm2"][0], C["M_truncnorm2"][0]
    c_t = C["c_endpoint_truncnorm2"][0]
    p0 = float(C["p0_tail_normal"][0])
    rows = []
    for alpha in ALPHAS:
        a = mp.mpf(alpha)
        L = mp.log(2 / a)
        L1 = mp.log(1 / a)
        for n in NS:
            N = mp.mpf(n)
            dkw = mp.sqrt(L / (2 * N))
            chi_lo = float(stats.chi2.ppf(alpha / 2, n)) / n
            chi_hi = float(stats.chi2.isf(alpha / 2, n)) / n
            b_u = bernstein(M_u, v_u, L, N)
            b_t = bernstein(M_t, v_t, L, N)
            e_u = L1 / N
            e_t = L1 / (c_t * N)
            z = float(stats.norm.isf(alpha / 2))
            m_n = z / math.sqrt(n)
            m_u = bernstein(mp.mpf(1), mp.mpf(1) / 3, L, N)
            lo = int(stats.binom.ppf(alpha / 2, n, p0))
            hi = int(stats.binom.isf(alpha / 2, n, p0))
            # verify the stated convention
            q = alpha / 2
            assert stats.binom.cdf(lo, n, p0) >= q
            assert lo == 0 or stats.binom.cdf(lo - 1, n, p0) < q
            assert stats.binom.sf(hi, n, p0) <= q
            assert hi == 0 or stats.binom.sf(hi - 1, n, p0) > q
            # and again with mpmath sums, with the double p0 used by scipy
            pm = mp.mpf(p0)
            assert binom_tail_mp(lo, n, pm, False) >= q
            assert lo == 0 or binom_tail_mp(lo - 1, n, pm, False) < q
            assert binom_tail_mp(hi, n, pm, True) <= q
            assert hi == 0 or binom_tail_mp(hi - 1, n, pm, True) > q
            p_below = float(stats.binom.cdf(lo - 1, n, p0)) if lo > 0 else 0.0
            p_above = float(stats.binom.sf(hi, n, p0))
            rows.append([alpha, n, float(dkw), chi_lo, chi_hi, float(b_u), float(b_t),
                         float(e_u), float(e_t), m_n, float(m_u), lo, hi, p_below, p_above])
            print(alpha, n, float(dkw), chi_lo, chi_hi, float(b_u), float(b_t), lo, hi)

    cols = ["alpha", "n", "dkw", "chi2_lo", "chi2_hi", "bernstein_uniform", "bernstein_truncnorm2",
            "endpoint_uniform", "endpoint_truncnorm2", "mean_normal", "mean_bounded_uniform",
            "tail_binomial_lo", "tail_binomial_hi", "tail_p_below_lo", "tail_p_above_hi"]
    hdr = rc.header(SCRIPT, "test thresholds", [
        "alpha: level of the (two-sided unless said) test; n: sample size; L = ln(2/alpha)",
        "dkw: sqrt(ln(2/alpha) / (2n))",
        "chi2_lo, chi2_hi: scipy.stats.chi2.ppf(alpha/2, n)/n and chi2.isf(alpha/2, n)/n; the normal",
        "    second-moment test rejects iff mean(x^2)/sigma^2 < chi2_lo or > chi2_hi",
        "bernstein_uniform, bernstein_truncnorm2: t = (M L/3 + sqrt((M L/3)^2 + 2 v L n))/n with",
        "    v = kappa - 1, M = B - 1; uniform kappa = 9/5, B = 3; truncnorm2 kappa = kappa_truncnorm2,",
        "    B = 4/EX2_truncnorm2 (thresholds_constants.csv); rejects iff |mean(x^2)/sigma^2 - 1| > t",
        "endpoint_uniform: ln(1/alpha)/n",
        "endpoint_truncnorm2: ln(1/alpha)/(c n), c = c_endpoint_truncnorm2 = 4 phi(2)/Z",
        "mean_normal: z_(1-alpha/2)/sqrt(n), z = scipy.stats.norm.isf(alpha/2) (sigma = 1)",
        "mean_bounded_uniform: (b L/3 + sqrt((b L/3)^2 + 2 sigma^2 L n))/n, b = 1, sigma^2 = 1/3",
        "tail_binomial_lo = scipy.stats.binom.ppf(alpha/2, n, p0) = min{k : P(K <= k) >= alpha/2}",
        "tail_binomial_hi = scipy.stats.binom.isf(alpha/2, n, p0) = min{k : P(K > k) <= alpha/2}",
        "    K ~ Binomial(n, p0), p0 = P(|N(0,1)| > 2) = erfc(sqrt 2) = p0_tail_normal; the count of",
        "    |x| > 2 sigma is ACCEPTED iff tail_binomial_lo <= count <= tail_binomial_hi (both inclusive);",
        "    level: P(K < lo) + P(K > hi) <= alpha",
        "tail_p_below_lo: P(K < lo) = P(K <= lo-1) (0 when lo = 0); tail_p_above_hi: P(K > hi)",
        "    (scipy.stats.binom.cdf / sf); each is <= alpha/2",
        "    (lo and hi were also checked against these definitions with mpmath pmf sums at 50 digits)",
    ], notes=[
        "Closed-form columns (dkw, bernstein_*, endpoint_*, mean_bounded_uniform) are evaluated in",
        "mpmath at 50 digits and rounded to the nearest double; chi2, norm and binom quantiles are scipy's.",
    ])
    rc.write_csv(os.path.join(rc.REF_DIR, "thresholds.csv"), hdr, cols, rows)


if __name__ == "__main__":
    main()
