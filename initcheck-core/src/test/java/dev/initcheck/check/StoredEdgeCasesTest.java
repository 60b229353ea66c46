package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

/**
 * Wrong verdicts the checks gave on stored weights before: an f16/bf16 tolerance that admitted any matrix as
 * orthogonal, an endpoint slack taken from the half-width instead of the bound, and a constant tensor making
 * correlation checks fail. Each honest row spends 1e-6.
 */
class StoredEdgeCasesTest {
    private static final double ALPHA = 1e-6;
    private static final AlphaShare SHARE = AlphaShare.of(ALPHA);

    private static double[] stored(double[] x, Precision p) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] = p.round((float) y[i]);
        }
        return y;
    }

    @Test
    void aGaussianMatrixIsNotOrthogonalInAnyPrecision() {
        Expectation orth = Scheme.parse("orthogonal").resolve(Shape.of(512, 512), Layout.PYTORCH);
        UniformRandomProvider rng = SeededRandom.of(4).create();
        ContinuousSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] gauss = new double[512 * 512];
        for (int i = 0; i < gauss.length; i++) {
            gauss[i] = z.sample() / Math.sqrt(512); // rows of norm about 1, but not orthogonal (deviation ~0.2)
        }
        double[] honest = ReferenceInitializer.sample(orth, SeededRandom.of(5).create());
        for (Precision p : Precision.values()) {
            Verdict bad = Conformance.check(stored(gauss, p), orth, p, ALPHA);
            assertThat(bad.failures()).as("gaussian in %s:%n%s", p, bad.explain())
                    .extracting(CheckResult::name).contains(CheckName.ORTHOGONALITY);
            Verdict good = Conformance.check(p == Precision.FLOAT64 ? honest : stored(honest, p), orth, p, ALPHA);
            assertThat(good.status()).as("orthogonal in %s:%n%s", p, good.explain()).isEqualTo(Verdict.Status.PASS);
        }
        // storage rounding is bounded by 2u_s·g² per entry, not by u_s·d: the bf16 tolerance stays below 0.01
        assertThat(OrthogonalityCheck.tolerance(1, 512, Precision.BFLOAT16)).isLessThan(0.01);
        assertThat(OrthogonalityCheck.tolerance(1, 512, Precision.FLOAT16)).isLessThan(0.0015);
    }

    @Test
    void theEndpointAllowsOneUlpAtTheBoundForASupportFarFromZero() {
        Expectation e = Scheme.parse("torch.uniform(a=1.0001,b=1.0011)").resolve(Shape.of(1000, 1000),
                Layout.PYTORCH);
        double[] x = stored(ReferenceInitializer.sample(e, SeededRandom.of(6).create()), Precision.FLOAT32);
        Verdict v = Conformance.check(x, e, Precision.FLOAT32, ALPHA);
        assertThat(v.status()).as(v.explain()).isEqualTo(Verdict.Status.PASS);
        // and a declared support 20% too wide on both sides is still caught by the endpoint
        Expectation wide = Scheme.parse("torch.uniform(a=1.0000,b=1.0012)").resolve(Shape.of(1000, 1000),
                Layout.PYTORCH);
        assertThat(Conformance.check(x, wide, Precision.FLOAT32, ALPHA).failures())
                .extracting(CheckResult::name).contains(CheckName.ENDPOINT);
    }

    @Test
    void zeroVarianceIsNotRunNeverAFailureOfAnotherTensor() {
        double[] zeros = new double[4096];
        double[] other = ReferenceInitializer.sample(
                Scheme.parse("he_normal").resolve(Shape.of(64, 64), Layout.KERAS), SeededRandom.of(7).create());
        CheckResult pair = Conformance.crossCorrelation(other, zeros, SHARE);
        assertThat(pair.outcome()).isEqualTo(CheckResult.Outcome.NOT_RUN);
        assertThat(pair.message()).contains("zero variance in the second tensor");
        assertThat(pair.failed()).isFalse();
        // a constant tensor declared random fails its own checks, but lag-1 is not run rather than "correlated"
        Expectation e = Scheme.parse("he_normal").resolve(Shape.of(64, 64), Layout.KERAS);
        double[] constant = new double[4096];
        Arrays.fill(constant, 0.25);
        Verdict v = Conformance.check(constant, e, Precision.FLOAT32, ALPHA);
        assertThat(v.status()).isEqualTo(Verdict.Status.FAIL);
        assertThat(v.check(CheckName.LAG1_CORRELATION).orElseThrow().outcome())
                .isEqualTo(CheckResult.Outcome.NOT_RUN);
    }
}
