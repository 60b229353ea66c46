"""Exact two-sided Kolmogorov-Smirnov null distribution, independent of scipy.

P(D_n < d) for n i.i.d. U(0,1) points is the probability that every order
statistic lies in its band:  i/n - d < U_(i) < (i-1)/n + d,  i = 1..n.
It is computed with Noe's recursion over the sorted band end-points
0 = c_0 < c_1 < ... < c_m = 1 (Poissonised multinomial counts):

    R_j[k] = sum_{l<=k} R_{j-1}[l] * (c_j - c_{j-1})^(k-l) / (k-l)!,
    R_j[k] = 0 unless lo(c_j) <= k <= hi(c_j),
    P(D_n < d) = n! * R_m[n],

with lo(c) = #{i : (i-1)/n + d <= c} and hi(c) = #{i : i/n - d < c}.

The band end-points are exact rationals (d is a binary64 value, converted
exactly with fractions.Fraction); the recursion runs in binary fixed point on
Python integers with enough guard bits that the absolute error of the returned
survival function is below 2^-60 times the value itself (see sf_exact).
"""
from fractions import Fraction
import math
from operator import mul


def _lgamma2(n):
    return math.lgamma(n + 1) / math.log(2.0)


def _cdf_fixed(n, d, prec):
    """Return (P(D_n < d) * 2^prec as an int, number of rounding steps)."""
    d = Fraction(d)
    if d <= Fraction(1, 2 * n):
        return 0, 0
    if d >= 1:
        return 1 << prec, 0
    one = Fraction(1)
    a = [Fraction(i, n) - d for i in range(1, n + 1)]        # lower ends (increasing)
    b = [Fraction(i - 1, n) + d for i in range(1, n + 1)]    # upper ends (increasing)
    pts = set()
    for v in a + b:
        if 0 < v < 1:
            pts.add(v)
    pts.add(one)
    cs = sorted(pts)
    scale = 1 << prec
    R = [0] * (n + 1)
    R[0] = scale
    lo_k, hi_k = 0, 0          # support of R
    prev = Fraction(0)
    ia = 0                     # #{i : a_i < c}
    ib = 0                     # #{i : b_i <= c}
    steps = 0
    fact = [1] * (n + 1)
    for k in range(1, n + 1):
        fact[k] = fact[k - 1] * k
    for c in cs:
        while ia < n and a[ia] < c:
            ia += 1
        while ib < n and b[ib] <= c:
            ib += 1
        lo_c, hi_c = ib, ia
        if c == one:
            lo_c, hi_c = n, n
        delta = c - prev
        prev = c
        num, den = delta.numerator, delta.denominator
        maxm = hi_c - lo_k
        if maxm < 0 or lo_c > hi_c:
            return 0, steps
        # T[m] = floor(delta^m / m! * 2^prec)
        T = [0] * (maxm + 1)
        pn, pd = 1, 1
        for m in range(maxm + 1):
            T[m] = (pn << prec) // (pd * fact[m])
            pn *= num
            pd *= den
        newR = [0] * (n + 1)
        for k in range(max(lo_c, lo_k), hi_c + 1):
            lmax = min(k, hi_k)
            # sum over l in [lo_k, lmax] of R[l] * T[k - l]
            s = sum(map(mul, R[lo_k:lmax + 1], reversed(T[k - lmax:k - lo_k + 1])))
            newR[k] = s >> prec
            steps += 1
        R = newR
        lo_k, hi_k = max(lo_c, lo_k), hi_c
    return fact[n] * R[n], steps


def sf_exact(n, d, max_bits=20000):
    """P(D_n >= d) as a float (error far below one ulp of the result)."""
    if not (d > 0):
        return 1.0
    if d >= 1:
        return 0.0
    if n * d <= 0.5:
        return 1.0
    base = int(_lgamma2(n)) + 96
    extra = 128
    while True:
        prec = base + extra
        cdf_fixed, steps = _cdf_fixed(n, d, prec)
        sf_fixed = (1 << prec) - cdf_fixed
        # each fixed-point step truncates by < 1 unit per summand; bound it crudely
        err_units = 4 * (steps * (n + 1) + (n + 1) * 64) * math.factorial(n)
        if sf_fixed <= 0:
            # sf below the resolution: raise precision
            if extra > max_bits:
                return 0.0
            extra *= 2
            continue
        # relative error bound err_units / sf_fixed must be < 2^-60
        if err_units.bit_length() + 61 <= sf_fixed.bit_length() - 1:
            return float(Fraction(sf_fixed, 1 << prec))
        if extra > max_bits:
            raise RuntimeError("precision limit reached for n=%d d=%r" % (n, d))
        extra = max(extra * 2, (prec - sf_fixed.bit_length()) + err_units.bit_length() + 128)
