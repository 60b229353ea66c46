package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.sample.SampleMoments;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * <b>endpoint</b>: a correct sample must come close to the bound, so a declared bound that is too large is
 * rejected. For a law symmetric about c with half-width b: P(max|X - c| &lt; r)^n = G(r)^n, G(r) = 2F(c+r) - 1;
 * the threshold r* solves G(r*) = alpha^(1/n), so P(reject) = alpha exactly for a continuous law (ANCHORS §3 gives
 * the linearisation eps = ln(1/alpha)/(k·n), k = 2 f(U)·b, i.e. k = 1 for the uniform and 0.22626 for the normal
 * cut at ±2 parent sd; it is reported as {@code eps_linear}). Reject iff max|x - c| &lt; r* - ulp(U), the ulp in
 * the stored precision at the bound itself (a stored value is within one ulp of the value it rounds, so a stored
 * extreme below r* - ulp(U) means an unrounded one below r*; for a support far from 0, as U(1.0001, 1.0011), that
 * ulp is much larger than the ulp of the half-width). For an
 * asymmetric support (torch {@code trunc_normal_(a, b)}) each end is tested alone at alpha/2:
 * F(q_U)^n = alpha/2, (1 - F(q_L))^n = alpha/2, reject iff max &lt; q_U - ulp(U) or min &gt; q_L + ulp(L).
 * The statistic is the share of the (half-)width the sample reaches, the threshold the share it must reach.
 */
final class EndpointCheck extends Check {
    EndpointCheck() {
        super(CheckName.ENDPOINT, true);
    }

    /** Runs when the tested law is bounded (a truncation too far out to matter is tested as its parent). */
    @Override
    boolean appliesTo(Subject s) {
        return s.iid() && s.tested().isBounded();
    }

    @Override
    CheckResult run(Evidence ev, double alpha) {
        return check(ev.moments(), ev.subject().law(), ev.subject().precision(), alpha);
    }

    static CheckResult check(SampleMoments m, Distribution law, Precision p, double alpha) {
        return law.isSymmetric() ? symmetricEndpoint(m, law, p, alpha) : asymmetricEndpoint(m, law, p, alpha);
    }

    /**
     * ANCHORS' linearised endpoint margin eps = ln(1/alpha)/(k·n), k = 2 f(U)·b: the density of |X - c| at the
     * cut-off times the cut-off (1 for the uniform, 4 phi(2)/Z = 0.22626 for the normal cut at ±2 parent sd).
     * Because the density of |X - c| does not increase towards the cut-off for these laws, this eps is never
     * smaller than the exact one the check uses, so gating on it would also be valid, only less powerful.
     */
    static double linearEps(Distribution law, long n, double alpha) {
        double b = law.upperBound() - law.mean();
        return Math.log(1 / alpha) / (2 * law.density(law.upperBound()) * b * n);
    }

    private static CheckResult symmetricEndpoint(SampleMoments m, Distribution law, Precision p, double alpha) {
        long n = m.n();
        double c = law.mean();
        double b = law.upperBound() - c;
        double shortfall = -Math.expm1(Math.log(alpha) / n); // 1 - alpha^(1/n)
        double rStar = law.inverseCdf(1 - shortfall / 2) - c;
        // a stored extreme sits within one ulp (at the bound, not of the half-width) of the value it rounds
        double slack = Math.max(p.ulp(law.upperBound()), p.ulp(law.lowerBound()));
        double need = (rStar - slack) / b;
        double reach = m.maxAbsDeviation() / b;
        boolean passed = reach >= need;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rounding_slack", slack);
        d.put("max_abs_deviation", m.maxAbsDeviation());
        d.put("bound", b);
        d.put("eps", 1 - need);
        d.put("eps_linear", linearEps(law, n, alpha));
        d.put("detectable_direction", "down");
        String w = c == 0 ? "|w|" : "|w - " + Fmt.num(c) + "|";
        String msg = passed
                ? "the sample reaches the declared bound as it must: largest " + w + " is "
                + Fmt.num(m.maxAbsDeviation()) + " of " + Fmt.num(b) + " (needs at least " + Fmt.num(need * b) + ")"
                : "largest " + w + " is " + Fmt.num(m.maxAbsDeviation()) + " but the declared bound is " + Fmt.num(b)
                + ": a correct sample of " + n + " values reaches at least " + Fmt.num(need * b) + " ("
                + Fmt.pct(need) + " of the bound); the values never come near the bound, so the declared bound"
                + " (scale) is too large";
        return CheckResult.stochastic(CheckName.ENDPOINT, passed, reach, need, alpha, Double.NaN, 1 - need, msg, d)
                .withConclusive(need >= 1 / Power.CONCLUSIVE_FACTOR, "a correct sample of " + n + " values need only"
                        + " reach " + Fmt.pct(Math.max(0, need)) + " of the bound, so a bound declared up to "
                        + (need > 0 ? Fmt.num(1 / need) + "x" : "any factor") + " too large passes");
    }

    private static CheckResult asymmetricEndpoint(SampleMoments m, Distribution law, Precision p, double alpha) {
        long n = m.n();
        double c = law.mean();
        double shortfall = -Math.expm1(Math.log(alpha / 2) / n); // 1 - (alpha/2)^(1/n)
        double up = law.upperBound() - c;
        double down = c - law.lowerBound();
        double needHi = (law.inverseCdf(1 - shortfall) - p.ulp(law.upperBound()) - c) / up;
        double needLo = (c - law.inverseCdf(shortfall) - p.ulp(law.lowerBound())) / down;
        double reachHi = (m.max() - c) / up;
        double reachLo = (c - m.min()) / down;
        boolean upperWorse = reachHi - needHi <= reachLo - needLo;
        double reach = upperWorse ? reachHi : reachLo;
        double need = upperWorse ? needHi : needLo;
        boolean passed = reachHi >= needHi && reachLo >= needLo;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("min", m.min());
        d.put("max", m.max());
        d.put("eps_upper", 1 - needHi);
        d.put("eps_lower", 1 - needLo);
        d.put("detectable_direction", "down");
        String side = upperWorse ? "upper bound " + Fmt.num(law.upperBound()) : "lower bound " + Fmt.num(law.lowerBound());
        String ext = upperWorse ? "largest value is " + Fmt.num(m.max()) : "smallest value is " + Fmt.num(m.min());
        String msg = passed
                ? "the sample reaches both declared bounds as it must (" + Fmt.pct(reachLo) + " and "
                + Fmt.pct(reachHi) + " of the way from the mean)"
                : ext + " but the declared " + side + ": a correct sample of " + n + " values comes at least "
                + Fmt.pct(need) + " of the way from the mean to it, this one " + Fmt.pct(reach)
                + "; the declared support is too wide";
        double detectable = Math.min(1 - needHi, 1 - needLo);
        return CheckResult.stochastic(CheckName.ENDPOINT, passed, reach, need, alpha, Double.NaN, detectable, msg, d)
                .withConclusive(Math.max(needHi, needLo) >= 1 / Power.CONCLUSIVE_FACTOR, "a correct sample of " + n
                        + " values need only reach " + Fmt.pct(Math.max(0, Math.max(needHi, needLo)))
                        + " of the way to the bounds");
    }
}
