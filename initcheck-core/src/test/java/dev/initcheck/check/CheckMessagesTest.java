package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.PointMass;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.sample.SampleMoments;
import dev.initcheck.sample.SortedSample;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The words users read: each check's message on a constructed failure and on a pass. */
class CheckMessagesTest {
    private static final double ALPHA = 1e-3;
    private static final double BETA = Power.DEFAULT_BETA;

    /** n evenly spread quantiles of the law: a sample as close to the law as n values can be. */
    private static double[] quantiles(dev.initcheck.distribution.Distribution law, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = law.inverseCdf((i + 0.5) / n);
        }
        return x;
    }

    @Test
    void supportSaysHowFarValuesExceedTheBound() {
        Uniform u = Uniform.symmetric(1 / Math.sqrt(512)); // 0.04419
        SampleMoments m = SampleMoments.forLaw(u).addAll(new double[] {0.01, -0.1414, 0.02});
        CheckResult r = SupportCheck.check(m, u, Precision.FLOAT32, BETA);
        assertThat(r.passed()).isFalse();
        assertThat(r.hard()).isTrue();
        assertThat(r.alpha()).isZero();
        assertThat(r.message()).isEqualTo("largest |w| is 0.1414, the scheme allows 0.04419: values exceed the bound");
        CheckResult ok = SupportCheck.check(SampleMoments.forLaw(u).addAll(quantiles(u, 100)), u, Precision.FLOAT32,
                BETA);
        assertThat(ok.message()).startsWith("all values lie within the bound: largest |w| is 0.04375, the scheme allows 0.04419");
    }

    @Test
    void supportAllowsOneUlpOfTheStoredPrecision() {
        Uniform u = Uniform.symmetric(0.05);
        double above = 0.05 + Math.ulp(0.05f);
        SampleMoments m = SampleMoments.forLaw(u).addAll(new double[] {above, -0.01});
        assertThat(SupportCheck.check(m, u, Precision.FLOAT32, BETA).passed()).isTrue();
        assertThat(SupportCheck.check(m, u, Precision.FLOAT64, BETA).passed()).isFalse();
    }

    @Test
    void endpointSaysTheBoundIsTooLarge() {
        Uniform u = Uniform.symmetric(0.05);
        double[] x = quantiles(Uniform.symmetric(0.04), 10_000);
        CheckResult r = EndpointCheck.check(SampleMoments.forLaw(u).addAll(x), u, Precision.FLOAT32, ALPHA);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).startsWith("largest |w| is 0.04 but the declared bound is 0.05: a correct sample of"
                + " 10000 values reaches at least 0.04997").endsWith("so the declared bound (scale) is too large");
        CheckResult ok = EndpointCheck.check(SampleMoments.forLaw(u).addAll(quantiles(u, 10_000)), u,
                Precision.FLOAT32, ALPHA);
        assertThat(ok.passed()).isTrue();
        assertThat(ok.message()).startsWith("the sample reaches the declared bound as it must");
    }

    @Test
    void endpointOnAnAsymmetricTruncationNamesTheSide() {
        TruncatedNormal t = TruncatedNormal.of(0, 1, -1, 3); // torch.trunc_normal(a=-1, b=3)
        double[] x = quantiles(TruncatedNormal.of(0, 1, -1, 2), 5000); // never reaches 3
        CheckResult r = EndpointCheck.check(SampleMoments.forLaw(t).addAll(x), t, Precision.FLOAT64, ALPHA);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).contains("declared upper bound 3").endsWith("the declared support is too wide");
    }

    @Test
    void ksNamesTheLocationAndTheLaw() {
        Normal declared = Normal.of(0, 0.0625);
        double[] x = quantiles(Uniform.symmetric(0.0625 * Math.sqrt(3)), 20_000);
        CheckResult r = KolmogorovSmirnovCheck.check(SortedSample.of(x).distanceTo(declared),
                StoredLaw.continuous(declared), ALPHA, BETA);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).startsWith("largest gap between the sample's CDF and the declared CDF is ")
                .contains("a correct sample of 20000 values stays within 0.01378 (false-alarm probability 0.001)")
                .endsWith("the values do not follow N(0.00000, sd=0.0625000)");
        assertThat(r.details()).containsEntry("p_value_method", "asymptotic");
        assertThat(r.pValue()).isLessThan(1e-9);
    }

    @Test
    void secondMomentStatesTheScale() {
        Normal declared = Normal.of(0, 0.0625);
        double[] x = quantiles(Normal.of(0, 0.0625 * 1.1), 10_000);
        CheckResult r = SecondMomentCheck.check(SampleMoments.forLaw(declared).addAll(x),
                StoredLaw.continuous(declared), ALPHA, BETA);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).startsWith("mean square about the declared mean is 1.21 × the declared variance; a"
                + " correct sample of 10000 values gives 0.9541 to 1.047: the scale is about 1.1 × the declared"
                + " (sd 0.06875 instead of 0.0625)");
        assertThat(r.details()).containsEntry("test", "chi-square (exact)");
        Uniform u = Uniform.symmetric(0.1);
        CheckResult b = SecondMomentCheck.check(SampleMoments.forLaw(u).addAll(quantiles(u, 10_000)),
                StoredLaw.continuous(u), ALPHA, BETA);
        assertThat(b.passed()).isTrue();
        assertThat(b.details()).containsEntry("test", "Bernstein");
        assertThat(b.message()).startsWith("mean square about the declared mean is 1 × the declared variance");
    }

    @Test
    void meanSaysTheValuesAreShifted() {
        Normal declared = Normal.of(0, 1);
        double[] x = quantiles(Normal.of(0.2, 1), 10_000);
        CheckResult r = MeanCheck.check(SampleMoments.forLaw(declared).addAll(x), StoredLaw.continuous(declared), ALPHA);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).isEqualTo("sample mean is 0.2, 0.2 sd from the declared mean 0; a correct sample of"
                + " 10000 values stays within 0.03291 sd: the values are shifted");
    }

    @Test
    void tailTellsATruncatedNormalFromAnUntruncatedOne() {
        Normal declared = Normal.of(0, 1);
        double[] x = quantiles(TruncatedNormal.keras(0, 1), 10_000);
        CheckResult r = TailCheck.check(SampleMoments.forLaw(declared).addAll(x), StoredLaw.continuous(declared), ALPHA);
        assertThat(r.passed()).isFalse();
        assertThat(r.message()).startsWith("0 of 10000 values (0%) lie beyond ±2 sd = ±2; an untruncated normal gives"
                + " 4.55%, between ").endsWith("the tails do not match an untruncated normal (truncated, or another law)");
    }

    @Test
    void pointMassAndFinite() {
        SampleMoments m = SampleMoments.forLaw(PointMass.of(0.1)).addAll(new double[] {0.1f, 0.1, 0.2});
        CheckResult r = PointMassCheck.check(m, PointMass.of(0.1), Precision.FLOAT32);
        assertThat(r.message()).isEqualTo("values range over [0.1, 0.2] but the scheme sets every weight to 0.1"
                + " (largest difference 0.1, allowed 7.451e-09)");
        SampleMoments ok = SampleMoments.forLaw(PointMass.of(0.1)).addAll(new double[] {0.1f, 0.1});
        assertThat(PointMassCheck.check(ok, PointMass.of(0.1), Precision.FLOAT32).passed()).isTrue();
        SampleMoments bad = SampleMoments.about(0, 1).addAll(new double[] {1, Double.NaN});
        assertThat(FiniteCheck.check(bad).message()).isEqualTo("1 of 2 values are NaN or infinite: the tensor is"
                + " corrupt, and the statistical checks were not run");
    }

    @Test
    void independenceMessages() {
        double[] w = new double[12];
        Arrays.setAll(w, i -> Math.sin(i + 1.0));
        System.arraycopy(w, 0, w, 8, 4); // row 2 = row 0 (3 x 4)
        CheckResult rows = DuplicateLinesCheck.check(w, 3, 4, true);
        assertThat(rows.message()).isEqualTo("1 of the 3 rows repeat an earlier one (first: rows 0 and 2 are"
                + " identical): the values are not independent draws");
        assertThat(DuplicateLinesCheck.check(w, 3, 4, false).message()).isEqualTo("no two of the 4 columns are"
                + " identical");
        double[] a = new double[100];
        Arrays.setAll(a, i -> Math.sin(3.7 * i));
        double[] b = Arrays.stream(a).map(v -> 2 * v).toArray();
        CheckResult cross = CrossCorrelationCheck.check(a, b, ALPHA);
        assertThat(cross.message()).startsWith("the two tensors are correlated: r = 1 over 100 aligned values")
                .endsWith("one is a copy or a multiple of the other, as when the same random seed is reused");
        double[] sorted = quantiles(Normal.of(0, 1), 2000);
        CheckResult lag = Lag1CorrelationCheck.check(SampleMoments.about(0, 2).addAll(sorted), ALPHA);
        assertThat(lag.message()).startsWith("consecutive values are correlated: r1 = ")
                .contains("asymptotic normal limit");
    }
}
