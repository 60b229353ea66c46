package dev.initcheck.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** What each law answers for the checks: its parent, its symmetry, its CDF operator and its sampler. */
class LawBehaviourTest {
    private static final List<Distribution> LAWS = List.of(Uniform.of(-0.5, 1.5), Normal.of(0.25, 2),
            TruncatedNormal.keras(0.1, 0.02), TruncatedNormal.of(0, 1, -1, 3), PointMass.of(0.7),
            OrthogonalEntry.of(1.5, 64));

    @Test
    void symmetryIsAboutTheMean() {
        assertThat(Uniform.of(-0.5, 1.5).isSymmetric()).isTrue();
        assertThat(Normal.of(0.25, 2).isSymmetric()).isTrue();
        assertThat(TruncatedNormal.keras(0.1, 0.02).isSymmetric()).isTrue();
        assertThat(TruncatedNormal.of(0, 1, -1, 3).isSymmetric()).isFalse();
        assertThat(TruncatedNormal.of(0, 1, -2, 2 + 1e-9).isSymmetric()).isFalse();
        assertThat(OrthogonalEntry.of(1.5, 64).isSymmetric()).isTrue();
        assertThat(PointMass.of(0.7).isSymmetric()).isFalse();
    }

    @Test
    void aTruncatedNormalIsCutFromItsParent() {
        TruncatedNormal t = TruncatedNormal.keras(0.1, 0.02);
        assertThat(t.parent()).isEqualTo(Normal.of(0.1, 0.02));
        assertThat(t.parent().standardDeviation()).isGreaterThan(t.standardDeviation());
        for (Distribution law : LAWS) {
            if (law.family() != Family.TRUNCATED_NORMAL) {
                assertThat(law.parent()).as(law.describe()).isSameAs(law);
            }
        }
    }

    /** The prebuilt operator gives the law's own CDF: equal within 4 ulps of 1 at every probe. */
    @Test
    void cdfOperatorAgreesWithCdf() {
        for (Distribution law : LAWS) {
            var op = law.cdfOperator();
            double lo = law.isBounded() ? law.lowerBound() : law.mean() - 8 * law.standardDeviation();
            double hi = law.isBounded() ? law.upperBound() : law.mean() + 8 * law.standardDeviation();
            for (int i = 0; i <= 64; i++) {
                double x = lo + (hi - lo) * i / 64 + (law.variance() > 0 ? 0 : 0.1 * (i - 32));
                assertThat(op.applyAsDouble(x)).as(law.describe() + " at " + x)
                        .isCloseTo(law.cdf(x), org.assertj.core.api.Assertions.within(4 * Math.ulp(1.0)));
            }
        }
    }

    /**
     * Every draw of an i.i.d. law lies in its support, a point mass returns its value, and the mean of 10^5 draws
     * is within 6 standard errors of the law's mean (false-alarm probability below 2e-9 per law).
     */
    @Test
    void samplersDrawFromTheirLaw() {
        for (Distribution law : LAWS) {
            if (law.family() == Family.ORTHOGONAL_ENTRY) {
                continue;
            }
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261130L);
            ContinuousSampler s = law.sampler(rng);
            int n = 100_000;
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double x = s.sample();
                min = Math.min(min, x);
                max = Math.max(max, x);
                sum += x;
            }
            assertThat(min).as(law.describe()).isGreaterThanOrEqualTo(law.lowerBound());
            assertThat(max).as(law.describe()).isLessThanOrEqualTo(law.upperBound());
            // 6 standard errors, plus the rounding of a sum of n doubles (n ulps of the largest partial sum)
            double tolerance = 6 * Math.sqrt(law.variance() / n) + n * Math.ulp(Math.abs(law.mean()) + max - min);
            assertThat(Math.abs(sum / n - law.mean())).as(law.describe()).isLessThanOrEqualTo(tolerance);
        }
        assertThat(PointMass.of(0.7).sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(1L)).sample()).isEqualTo(0.7);
    }

    @Test
    void orthogonalEntriesHaveNoIidSampler() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        assertThatThrownBy(() -> OrthogonalEntry.of(1.5, 64).sampler(rng))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no i.i.d. sampler");
    }
}
