#!/usr/bin/env python3
"""Gaussian expectations of activations, E[h(sqrt(q) z)] with z ~ N(0,1), by mpmath at 40 digits.

Writes src/test/resources/reference/gaussian_moments.csv: activation, q, E[f], E[f^2], E[f'^2].
The integral is split at 0 (the kink of selu) and evaluated by tanh-sinh quadrature (mpmath.quad).
Run: python3 scripts/reference/gaussian_moments.py > src/test/resources/reference/gaussian_moments.csv
"""
import mpmath as mp

mp.mp.dps = 40
ALPHA = mp.mpf('1.6732632423543772848170429916717')
LAMBDA = mp.mpf('1.0507009873554804934193349852946')

ACTS = {
    'tanh': (mp.tanh, lambda u: 1 - mp.tanh(u) ** 2),
    'sigmoid': (lambda u: 1 / (1 + mp.exp(-u)), lambda u: mp.exp(-u) / (1 + mp.exp(-u)) ** 2),
    'selu': (lambda u: LAMBDA * u if u > 0 else LAMBDA * ALPHA * mp.expm1(u),
             lambda u: LAMBDA if u > 0 else LAMBDA * ALPHA * mp.exp(u)),
}


def expect(h, q):
    s = mp.sqrt(q)
    dens = lambda u: mp.exp(-u * u / (2 * q)) / (s * mp.sqrt(2 * mp.pi))
    pts = [-40 * s] + sorted({-8, -4, -2, -1, 0, 1, 2, 4, 8} | {k * s for k in (-8, -4, -2, -1, 1, 2, 4, 8)}) + [40 * s]
    pts = sorted(set(p for p in pts if -40 * s <= p <= 40 * s))
    return mp.quad(lambda u: h(u) * dens(u), pts)


print('# ' + __doc__.strip().splitlines()[0])
print('# python3 scripts/reference/gaussian_moments.py (mpmath %s, 40 digits)' % mp.__version__)
print('activation,q,mean,second_moment,slope_second_moment')
for name, (f, d) in ACTS.items():
    for q in ['0.01', '0.25', '1', '4', '100']:
        qq = mp.mpf(q)
        m = expect(f, qq)
        m2 = expect(lambda u: f(u) ** 2, qq)
        s2 = expect(lambda u: d(u) ** 2, qq)
        print('%s,%s,%s,%s,%s' % (name, q, mp.nstr(m, 20), mp.nstr(m2, 20), mp.nstr(s2, 20)))
