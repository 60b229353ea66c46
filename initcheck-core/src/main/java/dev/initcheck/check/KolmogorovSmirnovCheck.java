package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.sample.KsStatistic;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kolmogorov–Smirnov check, gated by the Dvoretzky–Kiefer–Wolfowitz inequality with Massart's constant
 * (Massart 1990, "The tight constant in the DKW inequality", Ann. Probab. 18(3)):
 * P(sup |F_n - F| &gt; eps) &lt;= 2 exp(-2 n eps²) for every n, so rejecting iff D &gt; sqrt(ln(2/alpha)/(2n))
 * has false-alarm probability at most alpha without asymptotics. A binned source gates on its lower bound D_lo,
 * which keeps the guarantee. The p-value ({@link KsPValue}) is a diagnostic only.
 *
 * <p>The law tested is the law of the values as stored ({@link StoredLaw}): the declared CDF at the rounding-cell
 * edges. DKW holds for every law, discrete ones included (it is then conservative), so the gate keeps its
 * guarantee; the threshold also carries {@link StoredLaw#ksSlack()} (about 1e-6), the most a float32 rounding
 * can move the CDF (a float32 intermediate before float16/bfloat16, or float32 values compared at themselves).
 *
 * <p>Power: a law whose sup-CDF distance from the declared one is Delta is rejected with probability at least
 * 1 - beta when Delta &gt;= sqrt(ln(2/alpha)/(2n)) + sqrt(ln(1/beta)/(2n)) (DKW once more);
 * {@link Power#detectableScaleError} turns that into a relative scale error. A gate at or above 1 (n too small for
 * the share of alpha) can never reject, and the check is then inconclusive.
 */
final class KolmogorovSmirnovCheck extends Check {
    KolmogorovSmirnovCheck() {
        super(CheckName.KS, true);
    }

    /** Against the declared law as stored (not {@link Subject#tested}: the KS distance sees any truncation). */
    @Override
    CheckResult run(Evidence ev, double alpha) {
        StoredLaw stored = ev.stored();
        return check(ev.ecdf().get().distanceTo(stored), stored, alpha, Power.DEFAULT_BETA);
    }

    /** The DKW–Massart threshold sqrt(ln(2/alpha)/(2n)). */
    static double threshold(long n, double alpha) {
        return Math.sqrt(Math.log(2 / alpha) / (2.0 * n));
    }

    static CheckResult check(KsStatistic ks, StoredLaw stored, double alpha, double beta) {
        Distribution law = stored.declared();
        long n = ks.n();
        double c = threshold(n, alpha) + stored.ksSlack();
        boolean passed = !(ks.d() > c);
        KsPValue.Method method = KsPValue.methodFor(n);
        double p = KsPValue.of(ks.d(), n);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("d_plus", ks.dPlus());
        d.put("d_minus", ks.dMinus());
        d.put("location", ks.location());
        d.put("resolution", ks.resolution());
        d.put("p_value_method", method.id());
        if (!ks.exact()) {
            d.put("p_value_note", "from the lower bound D_lo: an upper bound on the p-value");
        }
        if (stored.precision() != Precision.FLOAT64) {
            d.put("law", "declared CDF at the " + stored.precision().id() + " rounding-cell edges");
        }
        Power.Detectable power = Power.detectable(CheckKind.KS, stored, n, alpha, beta);
        double detectable = power.max();
        boolean conclusive = c < 1 && power.conclusive();
        return CheckResult.stochastic(CheckName.KS, passed, ks.d(), c, alpha, p, detectable,
                message(ks, law, c, alpha, passed), d)
                .withConclusive(conclusive, conclusive ? "" : Power.inconclusiveNote(CheckKind.KS, stored, n, alpha,
                        beta));
    }

    private static String message(KsStatistic ks, Distribution law, double c, double alpha, boolean passed) {
        String path = ks.exact() ? "" : " [streaming: D is bounded, " + Fmt.num(ks.d()) + " <= D <= "
                + Fmt.num(ks.upper()) + "; the gate uses the lower bound]";
        if (passed) {
            return "the sample's CDF stays within " + Fmt.num(ks.upper()) + " of the declared CDF (limit "
                    + Fmt.num(c) + ")" + path;
        }
        String side = ks.sign() > 0 ? "too few" : "too many";
        return "largest gap between the sample's CDF and the declared CDF is " + Fmt.num(ks.d()) + " at w = "
                + Fmt.num(ks.location()) + " (" + side + " values below it); a correct sample of " + ks.n()
                + " values stays within " + Fmt.num(c) + " (false-alarm probability " + Fmt.prob(alpha)
                + "): the values do not follow " + law.describe() + path;
    }
}
