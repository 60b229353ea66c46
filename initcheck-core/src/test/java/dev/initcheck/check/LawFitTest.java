package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorSource;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.junit.jupiter.api.Test;

/**
 * {@link LawFit} on reference samples (Commons RNG, fixed seeds) rounded to float32, bfloat16 or float16 with
 * {@link Precision#round}, PyTorch layout, budget 1e-6 per fit unless stated. Expected values are recomputed here
 * from their formulas (1/sqrt(512), sqrt(6/500), ...), not taken from the code under test.
 */
class LawFitTest {
    static final double ALPHA = 1e-6;

    static double[] draw(Distribution law, int n, long seed, Precision p) {
        ContinuousSampler s = ReferenceInitializer.sampler(law, SeededRandom.of(seed).create());
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = p.round(s.sample());
        }
        return x;
    }

    static LawFit.Result fit(double[] x, Shape shape, Precision p) {
        return LawFit.fit(x, shape, Layout.PYTORCH, Fans.of(shape, Layout.PYTORCH), p, AlphaShare.of(ALPHA));
    }

    @Test
    void recoversSd002AsTheRoundValue002() {
        Object[][] cases = {{Precision.FLOAT32, Shape.of(1000), 1L}, {Precision.BFLOAT16, Shape.of(1000, 100), 2L},
            {Precision.FLOAT32, Shape.of(1000, 1000), 3L}};
        for (Object[] c : cases) {
            Precision p = (Precision) c[0];
            Shape shape = (Shape) c[1];
            int n = (int) shape.size();
            LawFit.Result r = fit(draw(Normal.of(0, 0.02), n, (long) c[2], p), shape, p);
            String at = p.id() + " n=" + n + ": " + r.description();
            assertThat(r.explained()).as(at).isTrue();
            assertThat(r.family()).as(at).isEqualTo("normal");
            assertThat(r.parameters()).as(at).containsOnlyKeys("stddev"); // the mean is not detectably 0: not fitted
            double sd = r.parameters().get("stddev");
            double se = r.standardErrors().get("stddev");
            assertThat(se).as(at).isCloseTo(sd / Math.sqrt(2.0 * n), within(1e-12 * sd));
            assertThat(Math.abs(sd - 0.02)).as(at).isLessThanOrEqualTo(3 * se);
            assertThat(r.recognized()).as(at).isEqualTo("0.02");
            assertThat(r.recognizedScheme()).as(at).hasToString("normal(stddev=0.02)");
            assertThat(r.description()).as(at).startsWith("normal, sd 0.0").endsWith(" = 0.02");
            assertThat(r.verdict().passed()).as(at).isTrue();
            assertThat(r.verdict().expectation().scheme()).as(at).isEqualTo(r.scheme());
            assertThat(r.verdict().alpha()).as(at).isLessThanOrEqualTo(ALPHA / LawFit.CANDIDATES * (1 + 1e-12));
        }
    }

    @Test
    void aThreePercentScaleIsFittedNotRoundedTo002() {
        LawFit.Result r = fit(draw(Normal.of(0, 0.0206), 100_000, 4, Precision.FLOAT32), Shape.of(100, 1000),
                Precision.FLOAT32);
        double sd = r.parameters().get("stddev");
        double se = r.standardErrors().get("stddev");
        assertThat(Math.abs(sd - 0.0206)).as(r.description()).isLessThanOrEqualTo(3 * se);
        assertThat(Math.abs(sd - 0.02)).isGreaterThan(3 * se);
        assertThat(r.recognized()).as(r.description()).isNull();
        assertThat(r.description()).startsWith("normal, sd 0.020").doesNotContain("=");
        assertThat(r.scheme().toString()).startsWith("normal(stddev=0.020");
    }

    @Test
    void torchDefaultUniformIsOneOverRootFanIn() {
        Shape shape = Shape.of(256, 512);
        double b = 1 / Math.sqrt(512);
        for (Precision p : new Precision[] {Precision.FLOAT32, Precision.BFLOAT16}) {
            double[] x = draw(Uniform.symmetric(b), (int) shape.size(), 5, p);
            LawFit.Result r = fit(x, shape, p);
            String at = p.id() + ": " + r.description();
            assertThat(r.family()).as(at).isEqualTo("uniform");
            assertThat(r.recognized()).as(at).isEqualTo("1/√512 (1/√fan_in)");
            assertThat(r.recognizedScheme()).as(at).hasToString("torch.linear_default");
            assertThat(r.description()).as(at).startsWith("uniform ±0.0441").endsWith("= 1/√512 (1/√fan_in)");
            double limit = r.parameters().get("limit");
            double se = r.standardErrors().get("limit");
            assertThat(Math.abs(limit - b)).as(at).isLessThanOrEqualTo(3 * se);
            if (p == Precision.FLOAT32) { // the unbiased max·(n+1)/n, se b/n
                double max = java.util.Arrays.stream(x).map(Math::abs).max().orElseThrow();
                int n = x.length;
                assertThat(limit).isEqualTo(max * (1 + 1.0 / n));
                assertThat(se).isCloseTo(limit / n, within(1e-12 * limit / n));
            }
        }
    }

    @Test
    void aBiasOfLength256IsRecognizedThroughItsWeightsFanIn() {
        double b = 1 / Math.sqrt(768); // nn.Linear(768, 256).bias: U(±1/sqrt(fan_in of the weight))
        for (long seed = 6; seed < 11; seed++) {
            LawFit.Result r = fit(draw(Uniform.symmetric(b), 256, seed, Precision.FLOAT32), Shape.of(256),
                    Precision.FLOAT32);
            assertThat(r.family()).as(r.description()).isEqualTo("uniform");
            assertThat(r.recognized()).as(r.description()).isEqualTo("1/√768");
            assertThat(r.recognizedScheme().resolve(Shape.of(256), Layout.PYTORCH).distribution())
                    .isEqualTo(Uniform.symmetric(b));
        }
    }

    @Test
    void rnnWeightsAreUniformOneOverRootHidden() {
        Shape ih = Shape.of(4 * 200, 100); // LSTM(100, 200).weight_ih_l0: U(±1/sqrt(hidden)), hidden not a dim
        LawFit.Result r = fit(draw(Uniform.symmetric(1 / Math.sqrt(200)), (int) ih.size(), 11, Precision.FLOAT32),
                ih, Precision.FLOAT32);
        assertThat(r.recognized()).as(r.description()).isEqualTo("1/√200");
        Shape bias = Shape.of(4 * 200);
        LawFit.Result rb = fit(draw(Uniform.symmetric(1 / Math.sqrt(200)), 800, 12, Precision.FLOAT32), bias,
                Precision.FLOAT32);
        assertThat(rb.recognized()).as(rb.description()).isEqualTo("1/√200");
    }

    @Test
    void glorotUniformFor300By200() {
        Shape shape = Shape.of(300, 200); // fan_in 200, fan_out 300
        LawFit.Result r = fit(draw(Uniform.symmetric(Math.sqrt(6.0 / 500)), 60_000, 13, Precision.FLOAT32), shape,
                Precision.FLOAT32);
        assertThat(r.recognized()).as(r.description())
                .isEqualTo("√(6/(fan_in+fan_out)) = √(6/500), Glorot/Xavier uniform");
        assertThat(r.recognizedScheme()).hasToString("glorot_uniform");
    }

    @Test
    void kerasHeNormalIsTheVarianceCorrectedTruncation() {
        Shape shape = Shape.of(512, 256);
        double parent = Math.sqrt(2.0 / 256) / 0.87962566103423978;
        LawFit.Result r = fit(draw(TruncatedNormal.keras(0, parent), 131_072, 14, Precision.FLOAT32), shape,
                Precision.FLOAT32);
        assertThat(r.family()).as(r.description()).isEqualTo("truncated_normal");
        assertThat(r.scheme().name()).isEqualTo("truncated_normal");
        assertThat(r.recognizedScheme()).as(r.description()).hasToString("he_normal");
    }

    @Test
    void meanAndAsymmetryAreFittedOnlyWhenDetectable() {
        LawFit.Result shifted = fit(draw(Normal.of(0.1, 0.02), 10_000, 15, Precision.FLOAT32), Shape.of(10_000),
                Precision.FLOAT32);
        assertThat(shifted.parameters()).containsOnlyKeys("stddev", "mean");
        assertThat(shifted.standardErrors().get("mean")).isCloseTo(shifted.parameters().get("stddev") / 100,
                within(1e-12));
        assertThat(shifted.standardErrors().get("stddev")).isCloseTo(shifted.parameters().get("stddev")
                / Math.sqrt(2.0 * 9_999), within(1e-12));
        assertThat(shifted.recognizedScheme()).hasToString("normal(stddev=0.02,mean="
                + shifted.scheme().parameters().get("mean") + ")");
        LawFit.Result unit = fit(draw(Uniform.of(0, 1), 10_000, 16, Precision.FLOAT32), Shape.of(10_000),
                Precision.FLOAT32);
        assertThat(unit.parameters()).as(unit.description()).containsOnlyKeys("min", "max");
        assertThat(unit.recognizedScheme()).as(unit.description()).hasToString("uniform(min=0,max=1)");
    }

    @Test
    void torchSampled16BitTensorsAreExplained() throws Exception {
        Path file = Paths.get("src", "test", "resources", "fixtures", "stored", "torch_sampled_16bit.safetensors");
        Object[][] cases = {{"embed.weight", Precision.BFLOAT16, "0.02"},
            {"he_uniform_380.weight", Precision.BFLOAT16, "√(6/fan_in) = √(6/380), He/Kaiming uniform"},
            {"kaiming.weight", Precision.FLOAT16, "√(2/fan_in) = √(2/512), He/Kaiming normal"}};
        for (Object[] c : cases) {
            try (TensorSource src = TensorFiles.open(file, (String) c[0])) {
                Shape shape = Shape.of(src.info().shape());
                LawFit.Result r = fit(src.readAllCOrder(), shape, (Precision) c[1]);
                assertThat(r.explained()).as(c[0] + ": " + r.description()).isTrue();
                assertThat(r.recognized()).as(c[0] + ": " + r.description()).isEqualTo(c[2]);
            }
        }
    }

    /**
     * One NaN in the honest torch tensors: only the NaN is named. Their exact zeros (0.6% in bf16, from PyTorch's
     * bf16 arithmetic) are within the 2^-7 allowance, and float16 N(0, 0.0625) has about 0.08% subnormals.
     */
    @Test
    void honestZerosAndSubnormalsAreNotCountedAsGarbage() throws Exception {
        Path file = Paths.get("src", "test", "resources", "fixtures", "stored", "torch_sampled_16bit.safetensors");
        Object[][] cases = {{"embed.weight", Precision.BFLOAT16}, {"kaiming.weight", Precision.FLOAT16}};
        for (Object[] c : cases) {
            try (TensorSource src = TensorFiles.open(file, (String) c[0])) {
                double[] x = src.readAllCOrder();
                assertThat(java.util.Arrays.stream(x).filter(v -> v == 0).count()).isGreaterThan(50);
                x[1] = Double.NaN;
                LawFit.Result r = fit(x, Shape.of(src.info().shape()), (Precision) c[1]);
                assertThat(r.description()).isEqualTo("no law explains: 1 NaN");
            }
        }
    }

    @Test
    void allZerosIsTheConstantZero() {
        LawFit.Result r = fit(new double[4096], Shape.of(64, 64), Precision.FLOAT32);
        assertThat(r.explained()).isTrue();
        assertThat(r.family()).isEqualTo("constant");
        assertThat(r.description()).isEqualTo("constant 0");
        assertThat(r.scheme()).hasToString("constant(value=0)");
        assertThat(r.verdict().passed()).isTrue();
    }

    @Test
    void nanAndInfiniteValuesAreExplainedByNoLaw() {
        double[] x = draw(Normal.of(0, 0.02), 10_000, 17, Precision.FLOAT32);
        x[5] = Double.NaN;
        x[77] = Double.NaN;
        x[99] = Double.NEGATIVE_INFINITY;
        LawFit.Result r = fit(x, Shape.of(100, 100), Precision.FLOAT32);
        assertThat(r.explained()).isFalse();
        assertThat(r.family()).isEqualTo("none");
        assertThat(r.scheme()).isNull();
        assertThat(r.description()).isEqualTo("no law explains: 2 NaN, 1 infinite");
        assertThat(r.verdict().failures()).extracting(CheckResult::name).containsExactly(CheckName.FINITE);
        double[] allNaN = {Double.NaN, Double.NaN};
        assertThat(fit(allNaN, Shape.of(2), Precision.FLOAT32).description()).isEqualTo("no law explains: 2 NaN");
    }

    /** torch.empty garbage: exact zeros, float32 subnormals near 1e-40 and huge values near 1e30, a third each. */
    @Test
    void uninitializedMemoryIsExplainedByNoLaw() {
        UniformRandomProvider rng = SeededRandom.of(18).create();
        double[] x = new double[10_000];
        for (int i = 0; i < x.length; i++) {
            int k = rng.nextInt(3);
            x[i] = (float) (k == 0 ? 0 : k == 1 ? 1e-40 * (1 + rng.nextDouble()) : 1e30 * (rng.nextDouble() - 0.5));
        }
        LawFit.Result r = fit(x, Shape.of(100, 100), Precision.FLOAT32);
        assertThat(r.explained()).isFalse();
        assertThat(r.description()).startsWith("no law explains: ").contains(" = 10^6 × median |x|")
                .contains(" exact zeros (expected ").contains(" subnormal values below 1.175e-38");
        assertThat(r.candidates()).allMatch(c -> c.verdict().failed());
        // a few huge values among honest ones decide alone, whatever the checks say
        double[] y = draw(Normal.of(0, 0.02), 1000, 19, Precision.FLOAT32);
        y[3] = 1e30;
        y[500] = -3e29;
        LawFit.Result ry = fit(y, Shape.of(1000), Precision.FLOAT32);
        assertThat(ry.explained()).isFalse();
        assertThat(ry.description()).startsWith("no law explains: 2 values above ").endsWith("(largest 1e+30)");
        double[] few = draw(Normal.of(0, 0.02), 10, 19, Precision.FLOAT32); // too few values for any check
        few[4] = 1e30;
        LawFit.Result rf = fit(few, Shape.of(10), Precision.FLOAT32);
        assertThat(rf.verdict().failed()).as(rf.description()).isFalse();
        assertThat(rf.explained()).isFalse();
        assertThat(rf.description()).startsWith("no law explains: 1 value above ");
    }

    @Test
    void tooFewValuesAreInconclusiveAndNotRecognized() {
        LawFit.Result r = fit(draw(Uniform.symmetric(0.05), 10, 21, Precision.FLOAT32), Shape.of(10),
                Precision.FLOAT32);
        assertThat(r.explained()).isTrue();
        assertThat(r.verdict().status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(r.description()).endsWith("(inconclusive: no check could have rejected it at n = 10)");
        assertThat(r.recognized()).isNull();
    }

    /**
     * A Cauchy and a two-point mixture at n = 1e5: every candidate fails. Power: the nearest fitted law is at KS
     * distance above 0.1 from either, while the KS gate is sqrt(ln(2/share)/(2n)) &lt; 0.01 at n = 1e5 for any share
     * down to 1e-12, so each candidate is rejected with probability 1 - 2·exp(-2n(0.1 - 0.01)²) &gt; 1 - 1e-600.
     */
    @Test
    void cauchyAndTwoPointMixtureAreExplainedByNoLaw() {
        UniformRandomProvider rng = SeededRandom.of(20).create();
        double[] cauchy = new double[100_000];
        double[] twoPoint = new double[100_000];
        for (int i = 0; i < cauchy.length; i++) {
            cauchy[i] = (float) (0.02 * Math.tan(Math.PI * (rng.nextDouble() - 0.5)));
            twoPoint[i] = (float) ((rng.nextBoolean() ? 1 : -1) * (rng.nextBoolean() ? 0.01 : 0.03));
        }
        for (double[] x : new double[][] {cauchy, twoPoint}) {
            LawFit.Result r = fit(x, Shape.of(x.length), Precision.FLOAT32);
            assertThat(r.explained()).as(r.description()).isFalse();
            assertThat(r.candidates()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(c -> {
                assertThat(c.verdict().failed()).as(c.description()).isTrue();
                assertThat(c.distance()).as(c.description()).isGreaterThan(0.1);
            });
        }
    }

    /**
     * The estimators' bias and standard errors over 400 seeds of n = 1000: the mean of z = (estimate - true)/se is
     * within 0.2 of 0 (its own sd is about 1/sqrt(400) = 0.05) and the sd of z within [0.85, 1.15]. Dropping the
     * (n+1)/n correction moves the uniform's mean z to -1; swapping sd/sqrt(2n) for sd/sqrt(n) makes the sd of z 0.7.
     */
    @Test
    void estimatorsAreUnbiasedWithCalibratedStandardErrors() {
        int reps = 400;
        int n = 1000;
        double[][] z = new double[4][reps];
        for (int i = 0; i < reps; i++) {
            FitSample nrm = sample(draw(Normal.of(0, 0.02), n, 1000 + i, Precision.FLOAT64));
            FamilyFit.Interval sd = FamilyFit.normal(nrm, ALPHA).intervals().get(0);
            z[0][i] = (sd.value() - 0.02) / sd.se();
            FitSample shifted = sample(draw(Normal.of(1, 0.02), n, 2000 + i, Precision.FLOAT64));
            FamilyFit.Interval mean = FamilyFit.normal(shifted, ALPHA).intervals().get(1);
            z[1][i] = (mean.value() - 1) / mean.se();
            FitSample uni = sample(draw(Uniform.symmetric(0.05), n, 3000 + i, Precision.FLOAT64));
            FamilyFit.Interval b = FamilyFit.uniform(uni, Precision.FLOAT64, ALPHA).intervals().get(0);
            z[2][i] = (b.value() - 0.05) / b.se();
            FitSample tn = sample(draw(TruncatedNormal.keras(0, 0.05), n, 4000 + i, Precision.FLOAT64));
            FamilyFit.Interval c = FamilyFit.kerasTruncated(tn, Precision.FLOAT64).intervals().get(0);
            z[3][i] = (c.value() - 0.05) / c.se();
        }
        String[] names = {"normal sd", "normal mean", "uniform limit", "keras truncated sd"};
        for (int k = 0; k < 4; k++) {
            double m = java.util.Arrays.stream(z[k]).average().orElseThrow();
            double s = Math.sqrt(java.util.Arrays.stream(z[k]).map(v -> (v - m) * (v - m)).sum() / (reps - 1));
            assertThat(m).as(names[k] + " mean z").isBetween(-0.2, 0.2);
            assertThat(s).as(names[k] + " sd z").isBetween(0.85, 1.15);
        }
    }

    /**
     * In bfloat16 the uniform bound comes from the count in the top rounding cell (0.4% wide at 1/sqrt(512),
     * 400 standard errors of the float32 estimator at n = 2^17): over 40 seeds z stays within 4 and averages within
     * 0.5 of 0; the float32 formula max·(n+1)/n would be off by up to half a cell.
     */
    @Test
    void bfloat16BoundIsEstimatedWithinItsRoundingCell() {
        double b = 1 / Math.sqrt(512);
        double sum = 0;
        for (int i = 0; i < 40; i++) {
            FitSample x = sample(draw(Uniform.symmetric(b), 1 << 17, 5000 + i, Precision.BFLOAT16));
            FamilyFit.Interval e = FamilyFit.uniform(x, Precision.BFLOAT16, ALPHA).intervals().get(0);
            double zi = (e.value() - b) / e.se();
            assertThat(Math.abs(zi)).as("seed %d: %s ± %s", 5000 + i, e.value(), e.se()).isLessThan(4);
            assertThat(e.contains(b)).isTrue();
            sum += zi;
        }
        assertThat(sum / 40).isBetween(-0.5, 0.5);
    }

    /**
     * Testing the fitted law keeps the false-alarm rate at or below alpha (Lilliefors): 200 honest tensors of 1000
     * values per family at alpha = 0.05 are declared unexplained at most 20 times (binomial mean 10 if the rate were
     * exactly alpha, sd 3.1; a conservative rate gives fewer).
     */
    @Test
    void fittedLawChecksAreConservative() {
        Distribution[] laws = {Normal.of(0, 0.02), Uniform.symmetric(0.05), TruncatedNormal.keras(0, 0.05)};
        for (Distribution law : laws) {
            int unexplained = 0;
            for (int i = 0; i < 200; i++) {
                double[] x = draw(law, 1000, 6000 + i, Precision.FLOAT32);
                LawFit.Result r = LawFit.fit(x, Shape.of(1000), Layout.PYTORCH, Fans.of(Shape.of(1000),
                        Layout.PYTORCH), Precision.FLOAT32, AlphaShare.of(0.05));
                unexplained += r.explained() ? 0 : 1;
            }
            assertThat(unexplained).as(law.describe()).isLessThanOrEqualTo(20);
        }
    }

    static FitSample sample(double[] x) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        return new FitSample(s);
    }
}
