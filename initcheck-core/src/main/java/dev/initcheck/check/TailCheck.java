package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.sample.SampleMoments;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * <b>tail</b> (untruncated normal): the count K of |x - mu| &gt; 2 sigma is Binomial(n, p0), p0 the stored
 * law's probability beyond the cut (2 Phi(-2) = 0.0455002638963584 in float64; in bfloat16 the cut falls between
 * grid values and p0 moves by about 1%); accept iff lo &lt;= K &lt;= hi (exact two-sided acceptance interval
 * [lo, hi], lo = min{k : P(Bin &lt;= k) &gt;= alpha/2}, hi = min{k : P(Bin &gt; k) &lt;= alpha/2}, as
 * {@code scipy.stats.binom.ppf/isf}). A normal truncated at ±2 sd has K = 0.
 * Runs for n up to 2^31 - 1 (the binomial is computed in int).
 */
final class TailCheck extends Check {
    TailCheck() {
        super(CheckName.TAIL, true);
    }

    @Override
    boolean appliesTo(Subject s) {
        return s.iid() && s.tested().family() == Family.NORMAL && s.n() <= Integer.MAX_VALUE;
    }

    @Override
    CheckResult run(Evidence ev, double alpha) {
        return check(ev.moments(), ev.storedTested(), alpha);
    }

    static CheckResult check(SampleMoments m, StoredLaw s, double alpha) {
        Distribution law = s.declared();
        int n = Math.toIntExact(m.n());
        long k = m.beyondTail();
        double p0 = s.probabilityBeyond(law.mean(), m.tailCut());
        BinomialDistribution bin = BinomialDistribution.of(n, p0);
        int lo = MomentIntervals.acceptLow(bin, alpha / 2);
        int hi = MomentIntervals.acceptHigh(bin, alpha / 2);
        boolean passed = k >= lo && k <= hi;
        double p = Math.min(1, 2 * Math.min(bin.cumulativeProbability((int) k), bin.survivalProbability((int) k - 1)));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("lower", lo);
        d.put("upper", hi);
        d.put("expected", n * p0);
        d.put("probability", p0);
        d.put("cut", m.tailCut());
        String where = " beyond ±2 sd = ±" + Fmt.num(m.tailCut()) + (law.mean() == 0 ? "" : " around the mean");
        String stored = s.precision() == Precision.FLOAT64 ? "" : " (stored in " + s.precision().id() + ")";
        String msg = passed
                ? k + " of " + n + " values (" + Fmt.pct((double) k / n) + ") lie" + where + ", as an untruncated"
                + " normal" + stored + " gives (" + lo + " to " + hi + ")"
                : k + " of " + n + " values (" + Fmt.pct((double) k / n) + ") lie" + where + "; an untruncated normal"
                + stored + " gives " + Fmt.pct(p0) + ", between " + lo + " and " + hi + " here: the tails do"
                + " not match an untruncated normal (truncated, or another law)";
        return CheckResult.stochastic(CheckName.TAIL, passed, k, k < lo ? lo : hi, alpha, p, Double.NaN, msg, d)
                .withConclusive(lo > 0 || hi < n, "a correct sample of " + n + " values may hold any count");
    }
}
