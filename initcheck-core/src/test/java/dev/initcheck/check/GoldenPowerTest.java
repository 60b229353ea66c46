package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.distribution.Family;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Power} against {@code reference/power.csv} ({@code scripts/reference/power_reference.py}). Tolerances:
 * Bernstein figures are closed forms (50-digit mpmath there); chi-square figures are root-finding on scipy's
 * chi-square CDF (brentq there, bisection here); KS figures are root-finding on a numeric supremum for the
 * truncated normal (a 200001-point grid and a bounded minimiser there, quantile grid and golden section here).
 */
class GoldenPowerTest {
    private static final double CLOSED_FORM = 1e-12;
    private static final double ROOT_FINDING = 1e-8;
    private static final double NUMERIC_SUP = 1e-6;
    /**
     * delta_down of the normal second-moment check at n = 10^7, alpha = 1e-6: the reference row used scipy 1.10's
     * chi2.ppf(5e-7, 10^7), whose CDF is 0.7% off by 40-digit quadrature (see {@link GoldenThresholdsTest}).
     * Downward power is P(chi2_n &lt; lo/r) (the upper tail is negligible), so delta = 1 - sqrt(lo/q_0.999) with the
     * quadrature-verified lo = 9978139.211053692 and q_0.999 = 10013825.638891771 (scipy and Commons agree there).
     */
    private static final double SCIPY_CHI2_TAIL_FIX = 1 - Math.sqrt(9978139.211053692 / 10013825.638891771);

    @Test
    void detectableErrorsEqualTheReference() throws IOException {
        double worst = 0;
        for (Map<String, String> r : ReferenceCsv.read("power.csv")) {
            Family family = switch (r.get("family")) {
                case "uniform" -> Family.UNIFORM;
                case "normal" -> Family.NORMAL;
                default -> Family.TRUNCATED_NORMAL;
            };
            CheckKind kind = r.get("test").equals("ks") ? CheckKind.KS : CheckKind.SECOND_MOMENT;
            double alpha = ReferenceCsv.num(r.get("alpha"));
            double beta = 1 - ReferenceCsv.num(r.get("power"));
            long n = Long.parseLong(r.get("n"));
            double tol = kind == CheckKind.KS ? (family == Family.TRUNCATED_NORMAL ? NUMERIC_SUP : ROOT_FINDING)
                    : (family == Family.NORMAL ? ROOT_FINDING : CLOSED_FORM);
            Power.Detectable d = Power.detectable(kind, Laws.canonical(family), n, alpha, beta);
            String what = String.format(Locale.ROOT, "%s %s n=%d alpha=%s", family, kind, n, alpha);
            for (String[] col : new String[][] {{"delta_up", "u"}, {"delta_down", "d"}, {"delta", "m"}}) {
                double ref = ReferenceCsv.num(r.get(col[0]));
                if (kind == CheckKind.SECOND_MOMENT && family == Family.NORMAL && n >= 10_000_000
                        && alpha <= 1e-6 && col[1].equals("d")) {
                    ref = SCIPY_CHI2_TAIL_FIX; // see the constant
                }
                double mine = col[1].equals("u") ? d.up() : col[1].equals("d") ? d.down() : d.max();
                assertThat(mine).as(what + " " + col[0]).isCloseTo(ref, within(tol * ref));
                worst = Math.max(worst, Math.abs(mine - ref) / ref);
            }
            if (kind == CheckKind.KS) {
                assertThat(Power.ksDetectableDistance(n, alpha, beta)).isCloseTo(ReferenceCsv.num(r.get("ks_c")),
                        within(1e-14 * ReferenceCsv.num(r.get("ks_c"))));
            }
        }
        GoldenKsTest.write("power.txt", String.format(Locale.ROOT, "power.csv: max relative deviation %.3g%n", worst));
    }
}
