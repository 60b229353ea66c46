package dev.initcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.check.Conformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import org.junit.jupiter.api.Test;

/**
 * The bands the charts draw, against values computed outside the code: SciPy 1.10.1 {@code norm.isf} for z, and
 * {@code math.sqrt(math.log(2/alpha)/(2*n))} in Python for the DKW ε (both printed by
 * {@code /usr/bin/python3 -c "from scipy.stats import norm; print(norm.isf(0.01/120))"} and the like). Tolerance
 * 1e-12 relative: the same closed forms in double precision.
 */
class BandsTest {
    private static final double REL = 1e-12;

    @Test
    void dkwEpsilonIsMassartsBound() {
        assertThat(Bands.dkw(131072, 1e-8)).isCloseTo(0.008538938289931828, within(0.008538938289931828 * REL));
        assertThat(Bands.dkw(5120000, 2e-7)).isCloseTo(0.0012546046303174153, within(0.0012546046303174153 * REL));
    }

    @Test
    void binBandIsBonferroniOverBinsWithTheNormalApproximation() {
        assertThat(Bands.binZ(60, 0.99)).isCloseTo(3.764823649533899, within(3.764823649533899 * 1e-9));
        assertThat(Bands.binZ(10, 0.99)).isCloseTo(3.2905267314918945, within(3.2905267314918945 * 1e-9));
        assertThat(Bands.binHalfWidth(100_000, 0.02, 3.7625)).isCloseTo(166.5729757493694, within(166.57 * REL));
    }

    @Test
    void withoutAKsCheckTheDeviationBandIsDkwAtTheTensorsShare() {
        Scheme s = Scheme.parse("orthogonal");
        Expectation e = s.resolve(Shape.of(64, 128), Layout.PYTORCH);
        double[] w = ReferenceInitializer.sample(e, SeededRandom.of(5).derive("o").create());
        Verdict v = Conformance.check(w, e, Precision.FLOAT64, 1e-6);
        double[] g = DistributionCharts.gate(v);
        assertThat(g[2]).as("no KS check on an orthogonal law").isZero();
        double alpha = v.alpha() > 0 ? v.alpha() : 1e-6; // an orthogonal law spends no share: the band says 1e-6
        assertThat(g[1]).isEqualTo(alpha);
        assertThat(g[0]).isCloseTo(Math.sqrt(Math.log(2 / alpha) / (2.0 * 64 * 128)), within(1e-15));
    }

    @Test
    void withAKsCheckTheBandIsItsGate() {
        Scheme s = Scheme.parse("he_uniform");
        Expectation e = s.resolve(Shape.of(256, 512), Layout.PYTORCH);
        double[] w = ReferenceInitializer.sample(e, SeededRandom.of(5).derive("u").create());
        Verdict v = Conformance.check(w, e, Precision.FLOAT64, 1e-6);
        var ks = v.check(dev.initcheck.check.CheckName.KS).orElseThrow();
        double[] g = DistributionCharts.gate(v);
        assertThat(g).containsExactly(ks.threshold(), ks.alpha(), 1);
        // the KS gate is the DKW ε at the check's share, plus at most the float32 slack of ~1e-6
        assertThat(g[0]).isCloseTo(Math.sqrt(Math.log(2 / ks.alpha()) / (2.0 * 256 * 512)), within(2e-6));
    }

    /**
     * The tail band's counts are the exact binomial quantiles at a = (1 − c)/(2m), recomputed here by summing the
     * Binomial(n, q) probabilities with their ratio recursion: lo is the least k with P(K ≤ k) ≥ a, hi the least k
     * with P(K &gt; k) ≤ a.
     */
    @Test
    void tailBandIsTheExactBinomialRange() {
        int n = 1000;
        for (double q : new double[] {0.001, 0.01, 0.2}) {
            double a = (1 - 0.99) / (2.0 * 120);
            double pmf = Math.pow(1 - q, n);
            double cdf = 0;
            int lo = -1;
            int hi = -1;
            for (int k = 0; k <= n; k++) {
                cdf += pmf;
                if (lo < 0 && cdf >= a) {
                    lo = k;
                }
                if (hi < 0 && 1 - cdf <= a) {
                    hi = k;
                }
                pmf *= (double) (n - k) / (k + 1) * q / (1 - q);
            }
            double[] band = Bands.tailShare(n, q, 120, 0.99);
            assertThat(band[0] * n).as("lower count, q = " + q).isCloseTo(lo, within(1e-9));
            assertThat(band[1] * n).as("upper count, q = " + q).isCloseTo(hi, within(1e-9));
            assertThat(band[0]).isLessThan(q);
            assertThat(band[1]).isGreaterThan(q);
        }
    }
}
