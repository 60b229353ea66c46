package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Negative controls: every known initializer bug must be rejected at the default budget (1e-6 per tensor, so
 * 2e-7 per stochastic check: five stochastic checks run on each of these tensors), and for the right reason.
 * Every rejection below is guaranteed with probability at least 0.999 by the power figure in its comment
 * (from {@link Power}, alpha 2e-7, beta 1e-3), most of them with a wide margin; the seeds are fixed, so the
 * outcome is reproducible. Each correct sampler passes with the same seeds.
 */
class MutantPowerTest {
    private static final double ALPHA = AlphaBudget.DEFAULT_TOTAL;
    private static final AlphaShare SHARE = AlphaShare.of(ALPHA);
    private static final SeededRandom SEED = SeededRandom.of(20260101);

    private static Expectation keras(String scheme, long... dims) {
        return Scheme.parse(scheme).resolve(Shape.of(dims), Layout.KERAS);
    }

    private static Expectation torch(String scheme, long... dims) {
        return Scheme.parse(scheme).resolve(Shape.of(dims), Layout.PYTORCH);
    }

    private static Verdict assertRejectedBy(Expectation declared, double[] values, SeededRandom seed,
                                            CheckName... reasons) {
        Verdict v = Conformance.check(values, declared, Precision.FLOAT64, SHARE, seed);
        assertThat(v.passed()).as("mutant passed: %s", v.explain()).isFalse();
        assertThat(v.failures()).as(v.explain()).extracting(CheckResult::name).contains(reasons);
        return v;
    }

    static Stream<Arguments> onePercentAtOneMillion() {
        // n = 10^6. Second moment detects (power 0.999): uniform 0.42%, truncated normal 0.55%, normal 0.59%.
        // Upward: support detects a scale error of ln(1/beta)/n-ish (7e-6 here); downward: endpoint, eps ~ 1e-5.
        Expectation u = keras("he_uniform", 1000, 1000);
        Expectation n = torch("torch.kaiming_normal", 1000, 1000);
        Expectation t = keras("he_normal", 1000, 1000);
        return Stream.of(
                Arguments.of("uniform +1%", u, 1.01, new CheckName[] {CheckName.SUPPORT, CheckName.SECOND_MOMENT}),
                Arguments.of("uniform -1%", u, 0.99, new CheckName[] {CheckName.ENDPOINT, CheckName.SECOND_MOMENT}),
                Arguments.of("normal +1%", n, 1.01, new CheckName[] {CheckName.SECOND_MOMENT}),
                Arguments.of("normal -1%", n, 0.99, new CheckName[] {CheckName.SECOND_MOMENT}),
                Arguments.of("trunc +1%", t, 1.01, new CheckName[] {CheckName.SUPPORT, CheckName.SECOND_MOMENT}),
                Arguments.of("trunc -1%", t, 0.99, new CheckName[] {CheckName.ENDPOINT, CheckName.SECOND_MOMENT}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onePercentAtOneMillion")
    void onePercentScaleErrorAtOneMillionValues(String label, Expectation declared, double factor,
                                                CheckName[] reasons) {
        SeededRandom seed = SEED.derive(label);
        Verdict v = assertRejectedBy(declared, Mutants.scaled(declared, factor, seed), seed, reasons);
        CheckResult m2 = v.check(CheckName.SECOND_MOMENT).orElseThrow();
        assertThat(m2.detectableScaleError()).as("power statement").isLessThan(0.006);
    }

    @Test
    void farTruncatedNormalIsTestedAsItsParent() {
        // torch.trunc_normal(std=0.02) keeps the default cut-offs ±2, i.e. ±100 sd: tested as N(0, 0.02) (exact
        // chi-square, detects 0.59% at n = 10^6) instead of Bernstein with B = 10^4 (which would need about 5%).
        Expectation declared = torch("torch.trunc_normal(std=0.02)", 1000, 1000);
        SeededRandom seed = SEED.derive("timm +1%");
        Verdict v = assertRejectedBy(declared, Mutants.scaled(declared, 1.01, seed), seed, CheckName.SECOND_MOMENT);
        CheckResult m2 = v.check(CheckName.SECOND_MOMENT).orElseThrow();
        assertThat(m2.details()).containsEntry("test", "chi-square (exact)");
        assertThat(m2.detectableScaleError()).isLessThan(0.006);
        assertThat(v.check(CheckName.ENDPOINT)).isEmpty();
        assertThat(v.check(CheckName.TAIL)).isPresent();
    }

    @Test
    void kerasTruncatedNormalWithoutTheCorrection() {
        // parent sd sqrt(2/fan_in) instead of sqrt(2/fan_in)/0.8796: sd 12% short, bound 12% short.
        // n = 131072: second moment detects 1.54%, endpoint 5e-4 (certain), KS distance 0.0325 > 0.0130 needed.
        Expectation declared = keras("he_normal", 256, 512);
        double sd = Math.sqrt(2.0 / 256);
        SeededRandom seed = SEED.derive("no correction");
        assertRejectedBy(declared, Mutants.drawFrom(declared, TruncatedNormal.keras(0, sd), seed), seed,
                CheckName.SECOND_MOMENT, CheckName.ENDPOINT, CheckName.KS);
    }

    @Test
    void fanAvgSampledWhereFanInIsDeclared() {
        // Keras [512, 128]: fan_in 512, fan_avg 320, sd x sqrt(512/320) = 1.265. n = 65536: support detects any
        // upward error above 1e-4, second moment 2.2%.
        Expectation declared = keras("he_normal", 512, 128);
        Expectation fanAvg = keras("variance_scaling(scale=2,mode=fan_avg)", 512, 128);
        SeededRandom seed = SEED.derive("fan_avg");
        assertRejectedBy(declared, ReferenceInitializer.sample(fanAvg, seed.create()), seed,
                CheckName.SUPPORT, CheckName.SECOND_MOMENT);
    }

    @Test
    void uniformWhereTheNormalOfTheSameVarianceIsDeclared() {
        // U(±sqrt3·sd) vs N(0, sd): sup-CDF distance 0.0572 > 0.0130 needed at n = 131072 (KS), and no value
        // beyond 2 sd while 5964 are expected (tail, certain). Same variance: the second moment must pass.
        Expectation declared = torch("torch.kaiming_normal", 256, 512);
        double sd = ((Normal) declared.distribution()).sd();
        SeededRandom seed = SEED.derive("uniform for normal");
        Verdict v = assertRejectedBy(declared, Mutants.drawFrom(declared, Uniform.symmetric(Math.sqrt(3) * sd), seed),
                seed, CheckName.KS, CheckName.TAIL);
        assertThat(v.check(CheckName.SECOND_MOMENT).orElseThrow().passed()).isTrue();
    }

    @Test
    void untruncatedNormalDeclaredAsKerasHeNormal() {
        // torch.kaiming_normal's law where Keras he_normal is declared: 2.3% of the values lie beyond the cut-off
        // 2 parent sd = 2.27 sd, about 3000 of 131072 (support, certain); KS distance 0.0167 > 0.0130 needed.
        Expectation declared = keras("he_normal", 256, 512);
        SeededRandom seed = SEED.derive("untruncated");
        Verdict v = assertRejectedBy(declared,
                Mutants.drawFrom(declared, Normal.of(0, declared.distribution().standardDeviation()), seed), seed,
                CheckName.SUPPORT);
        assertThat(v.check(CheckName.SUPPORT).orElseThrow().message()).endsWith("values exceed the bound");
    }

    @Test
    void kerasHeNormalDeclaredAsTheUntruncatedNormal() {
        // The reverse: no value beyond 2 sd... of the truncated law's own sd (cut-off at 2.27 sd): 2.3% beyond
        // 2 sd against 4.55% expected (tail, certain at n = 131072); KS distance 0.0167 > 0.0130.
        Expectation declared = torch("torch.kaiming_normal", 512, 256);
        Expectation keras = Scheme.parse("he_normal").resolve(Shape.of(512, 256), Layout.KERAS,
                Fans.explicit(256, 512));
        SeededRandom seed = SEED.derive("truncated for untruncated");
        assertRejectedBy(declared, ReferenceInitializer.sample(keras, seed.create()), seed, CheckName.TAIL,
                CheckName.KS);
    }

    @Test
    void convolutionFansWithoutTheReceptiveField() {
        // [64, 32, 3, 3]: fan_in 288 declared, 32 used: sd x3. n = 18432: second moment detects 4.4%.
        Expectation declared = torch("torch.kaiming_normal", 64, 32, 3, 3);
        Expectation noKernel = Scheme.parse("torch.kaiming_normal").resolve(Shape.of(64, 32, 3, 3), Layout.PYTORCH,
                Fans.explicit(32, 64));
        SeededRandom seed = SEED.derive("conv fans");
        assertRejectedBy(declared, ReferenceInitializer.sample(noKernel, seed.create()), seed,
                CheckName.SECOND_MOMENT, CheckName.KS);
    }

    @Test
    void duplicatedRowsAndColumns() {
        // Hard checks: two identical rows (columns) of 512 (256) continuous values never occur by chance.
        Expectation declared = keras("he_uniform", 256, 512);
        SeededRandom seed = SEED.derive("duplicates");
        Verdict rows = assertRejectedBy(declared, Mutants.duplicatedRow(declared, 7, 200, seed), seed,
                CheckName.DUPLICATE_ROWS);
        assertThat(rows.failures()).hasSize(1);
        Verdict cols = assertRejectedBy(declared, Mutants.duplicatedColumn(declared, 3, 10, seed), seed,
                CheckName.DUPLICATE_COLUMNS);
        assertThat(cols.failures()).hasSize(1);
    }

    @Test
    void sortedValuesAreCaughtByTheLagOneCorrelation() {
        // The right values in a dependent order: every distributional check passes, r1 is near 1 and
        // sqrt(n)·r1 is about 360 against a limit of 5.3.
        Expectation declared = torch("torch.kaiming_normal", 256, 512);
        SeededRandom seed = SEED.derive("sorted");
        Verdict v = assertRejectedBy(declared, Mutants.sorted(declared, seed), seed, CheckName.LAG1_CORRELATION);
        assertThat(v.check(CheckName.KS).orElseThrow().passed()).isTrue();
    }

    @Test
    void reusedSeedMakesTwoTensorsProportional() {
        Expectation a = torch("torch.kaiming_normal", 256, 512);
        Expectation b = torch("torch.xavier_normal", 128, 256);
        SeededRandom seed = SEED.derive("layer");
        CheckResult r = Conformance.crossCorrelation(ReferenceInitializer.sample(a, seed.create()),
                ReferenceInitializer.sample(b, seed.create()), AlphaBudget.defaults(2).withTensorPairs(1).pairShare());
        assertThat(r.passed()).isFalse();
        assertThat(r.statistic()).isGreaterThan(0.999999);
    }

    static Stream<Expectation> declaredLaws() {
        return Stream.of(keras("he_uniform", 1000, 1000), torch("torch.kaiming_normal", 1000, 1000),
                keras("he_normal", 1000, 1000), keras("he_normal", 256, 512), keras("he_normal", 512, 128),
                torch("torch.kaiming_normal", 256, 512), torch("torch.kaiming_normal", 512, 256),
                torch("torch.kaiming_normal", 64, 32, 3, 3), keras("he_uniform", 256, 512),
                torch("torch.trunc_normal(std=0.02)", 1000, 1000), torch("torch.trunc_normal(std=1,a=-1,b=3)", 300, 200));
    }

    @ParameterizedTest
    @MethodSource("declaredLaws")
    void correctSamplersPass(Expectation declared) {
        SeededRandom seed = SEED.derive("correct " + declared.scheme() + declared.shape());
        Verdict v = Conformance.check(ReferenceInitializer.sample(declared, seed.create()), declared,
                Precision.FLOAT64, SHARE, seed);
        assertThat(v.passed()).as(v.explain()).isTrue();
    }
}
