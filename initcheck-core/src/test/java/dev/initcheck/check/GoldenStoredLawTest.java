package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The law of a stored value against {@code reference/stored/} ({@code scripts/reference/stored_reference.py}):
 * PyTorch's float32 → bfloat16/float16 rounding, and the stored law's moments, tail, collision probability, CDF
 * gap and Chernoff thresholds computed in Python from the formats' enumerated bit patterns and scipy CDFs.
 */
class GoldenStoredLawTest {
    /** Sums of up to 30,000 CDF differences in double, and scipy's CDF against Commons': relative. */
    private static final double SUMS = 1e-11;
    /** Chernoff thresholds: two root-finders (bisection on t here, brentq on u there) to about 1e-13. */
    private static final double CHERNOFF = 1e-10;

    @Test
    void roundingMatchesPyTorchBitForBit() throws IOException {
        List<Map<String, String>> rows = ReferenceCsv.read("stored/rounding.csv");
        assertThat(rows).hasSizeGreaterThan(7000);
        for (Map<String, String> r : rows) {
            float x = Float.intBitsToFloat((int) Long.parseLong(r.get("float32_bits"), 16));
            assertThat(Precision.BFLOAT16.round(x)).as("bf16 of %s", x).isEqualTo(ReferenceCsv.num(r.get("bfloat16")));
            assertThat(Precision.FLOAT16.round(x)).as("f16 of %s", x).isEqualTo(ReferenceCsv.num(r.get("float16")));
        }
    }

    @Test
    void storedLawsEqualTheReference() throws IOException {
        for (Map<String, String> r : ReferenceCsv.read("stored/laws.csv")) {
            Distribution law = law(r);
            StoredLaw s = StoredLaw.of(law, Precision.parse(r.get("precision")));
            String at = r.get("name") + " in " + r.get("precision");
            double mu = law.mean();
            double sd = law.standardDeviation();
            // atoms far out in the tails (mass below 1e-300) may differ in number where the CDFs underflow
            assertThat(java.util.Arrays.stream(s.atoms().prob()).sum()).as("total mass " + at)
                    .isCloseTo(1.0, within(1e-13));
            close(s.momentAbout(mu, 2) / (sd * sd), r.get("m2"), "m2 " + at);
            close(s.momentAbout(mu, 4) / (sd * sd * sd * sd), r.get("m4"), "m4 " + at);
            assertThat(s.momentAbout(mu, 1) / sd).as("mean " + at).isCloseTo(ReferenceCsv.num(r.get("mean_sd")),
                    within(1e-12 + Math.abs(ReferenceCsv.num(r.get("mean_sd"))) * SUMS));
            close(s.collisionProbability(), r.get("collision"), "collision " + at);
            close(cdfGap(s), r.get("cdf_gap"), "gap " + at);
            if (law instanceof Normal n) {
                close(s.probabilityBeyond(mu, 2 * n.sd()), r.get("tail_probability"), "tail " + at);
            }
        }
    }

    @Test
    void chernoffThresholdsEqualTheReference() throws IOException {
        for (Map<String, String> r : ReferenceCsv.read("stored/chernoff.csv")) {
            Normal law = Normal.of(ReferenceCsv.num(r.get("mean")), ReferenceCsv.num(r.get("sd")));
            StoredLaw s = StoredLaw.of(law, Precision.parse(r.get("precision")));
            long n = Long.parseLong(r.get("n"));
            double alpha = ReferenceCsv.num(r.get("alpha"));
            MomentIntervals.Interval iv = r.get("power").equals("2") ? MomentIntervals.secondMomentInterval(s, n, alpha)
                    : MomentIntervals.meanInterval(s, n, alpha);
            String at = r.get("name") + " " + r.get("precision") + " power " + r.get("power") + " n " + n;
            assertThat(iv.test()).startsWith("Chernoff");
            assertThat(iv.lower()).as("lower " + at).isCloseTo(ReferenceCsv.num(r.get("lower")),
                    within(CHERNOFF * (1 + Math.abs(iv.lower()))));
            assertThat(iv.upper()).as("upper " + at).isCloseTo(ReferenceCsv.num(r.get("upper")),
                    within(CHERNOFF * (1 + Math.abs(iv.upper()))));
        }
    }

    /** sup |G - F| over the grid: at each value and just below it. */
    private static double cdfGap(StoredLaw s) {
        Precision p = s.precision();
        Distribution law = s.declared();
        double gap = 0;
        for (double g = -p.maxFinite(); g <= p.maxFinite(); g = p.nextUp(g)) {
            double f = law.cdf(g);
            if (f == 0 && s.cdfAtOrBelow(g) == 0) {
                continue;
            }
            gap = Math.max(gap, Math.max(Math.abs(s.cdfAtOrBelow(g) - f), Math.abs(f - s.cdfStrictlyBelow(g))));
            if (f == 1 && s.cdfStrictlyBelow(g) == 1) {
                break;
            }
        }
        return gap;
    }

    private static Distribution law(Map<String, String> r) {
        double a = ReferenceCsv.num(r.get("a"));
        double b = ReferenceCsv.num(r.get("b"));
        return switch (r.get("kind")) {
            case "normal" -> Normal.of(a, b);
            case "uniform" -> Uniform.of(a, b);
            case "truncnorm" -> TruncatedNormal.of(a, b, ReferenceCsv.num(r.get("c")), ReferenceCsv.num(r.get("d")));
            default -> throw new IllegalArgumentException(r.get("kind"));
        };
    }

    private static void close(double mine, String reference, String what) {
        double ref = ReferenceCsv.num(reference);
        assertThat(mine).as(what).isCloseTo(ref, within(SUMS * Math.abs(ref) + 1e-300));
    }
}
