package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.sample.KsStatistic;
import dev.initcheck.sample.SortedSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The KS statistic and p-values against scipy ({@code reference/ks/ks_golden.csv}, made by
 * {@code scripts/reference/ks_reference.py}): D, D+, D- to 1e-12 absolute; p-values to 1e-6 relative where scipy's
 * p &gt;= 1e-9 (exact against {@code kstwo.sf}, asymptotic against {@code kstwobign.sf(sqrt(n) D)}). The largest
 * deviations are written to {@code target/golden/ks.txt}.
 */
class GoldenKsTest {
    /** Both sides sum the same n terms of one CDF; D differs only by CDF rounding, ~1e-16. */
    private static final double D_TOLERANCE = 1e-12;
    /** Commons Statistics and scipy implement the same Simard–L'Ecuyer algorithms. */
    private static final double P_RELATIVE = 1e-6;
    private static final double P_FLOOR = 1e-9;

    static Distribution declared(String family, double param) {
        return switch (family) {
            case "uniform" -> Uniform.symmetric(param);
            case "normal" -> Normal.of(0, param);
            case "truncnorm2" -> TruncatedNormal.keras(0, param);
            default -> throw new IllegalArgumentException(family);
        };
    }

    @Test
    void statisticAndPValuesAgreeWithScipy() throws IOException {
        List<Map<String, String>> rows = ReferenceCsv.read("ks/ks_golden.csv");
        assertThat(rows).hasSizeGreaterThan(100);
        double maxDd = 0;
        double maxExact = 0;
        double maxAsymp = 0;
        int compared = 0;
        for (Map<String, String> r : rows) {
            String id = r.get("case_id");
            double[] x = Npy.read(ReferenceCsv.DIR.resolve("ks").resolve(id + ".npy"));
            int n = Integer.parseInt(r.get("n"));
            assertThat(x).as(id).hasSize(n);
            KsStatistic ks = SortedSample.of(x).distanceTo(declared(r.get("family"), ReferenceCsv.num(r.get("param"))));
            for (String[] col : new String[][] {{"D", "d"}, {"D_plus", "+"}, {"D_minus", "-"}}) {
                double mine = col[1].equals("d") ? ks.d() : col[1].equals("+") ? ks.dPlus() : ks.dMinus();
                double diff = Math.abs(mine - ReferenceCsv.num(r.get(col[0])));
                assertThat(diff).as("%s %s", id, col[0]).isLessThanOrEqualTo(D_TOLERANCE);
                maxDd = Math.max(maxDd, diff);
            }
            double pe = ReferenceCsv.num(r.get("p_exact"));
            double pa = ReferenceCsv.num(r.get("p_asymp"));
            if (pe >= P_FLOOR) {
                maxExact = Math.max(maxExact, check(id + " exact", KsPValue.exact(ks.d(), n), pe));
                compared++;
            }
            if (pa >= P_FLOOR) {
                maxAsymp = Math.max(maxAsymp, check(id + " asymptotic", KsPValue.asymptotic(ks.d(), n), pa));
            }
        }
        write("ks.txt", String.format(Locale.ROOT, "cases %d, exact p compared %d: max |dD| %.3g, max rel dp exact %.3g,"
                + " asymptotic %.3g%n", rows.size(), compared, maxDd, maxExact, maxAsymp));
    }

    /**
     * The null distribution on an (n, D) grid ({@code reference/ks/ks_pvalues.csv}). Exact p-values are compared up
     * to n = 100001: beyond, Commons' exact path costs seconds per value (Miller's O(n) sum) and {@link KsPValue}
     * uses the asymptotic law anyway.
     */
    @Test
    void pValueGridAgreesWithScipy() throws IOException {
        double maxExact = 0;
        double maxAsymp = 0;
        for (Map<String, String> r : ReferenceCsv.read("ks/ks_pvalues.csv")) {
            long n = Long.parseLong(r.get("n"));
            double d = ReferenceCsv.num(r.get("D"));
            double pe = ReferenceCsv.num(r.get("p_exact"));
            double pa = ReferenceCsv.num(r.get("p_asymp"));
            if (n <= 100_001 && pe >= P_FLOOR) {
                maxExact = Math.max(maxExact, check("grid n=" + n + " D=" + d, KsPValue.exact(d, (int) n), pe));
            }
            if (pa >= P_FLOOR) {
                maxAsymp = Math.max(maxAsymp, check("grid n=" + n + " D=" + d, KsPValue.asymptotic(d, n), pa));
            }
        }
        write("ks_grid.txt", String.format(Locale.ROOT, "p-value grid: max rel dp exact %.3g, asymptotic %.3g%n",
                maxExact, maxAsymp));
    }

    private static double check(String what, double mine, double scipy) {
        double rel = Math.abs(mine - scipy) / scipy;
        assertThat(rel).as("%s: %s vs scipy %s", what, mine, scipy).isLessThanOrEqualTo(P_RELATIVE);
        return rel;
    }

    static void write(String file, String line) throws IOException {
        Path out = Paths.get("target", "golden", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, line, StandardCharsets.UTF_8);
    }
}
