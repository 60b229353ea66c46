package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.sample.EmpiricalCdf;
import dev.initcheck.sample.KsStatistic;
import dev.initcheck.sample.SampleMoments;
import dev.initcheck.sample.SortedSample;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceTest {
    private static final double ALPHA = AlphaBudget.DEFAULT_TOTAL;
    private static final AlphaShare SHARE = AlphaShare.of(ALPHA);

    private static Expectation resolve(String scheme, Shape shape, Layout layout) {
        return Scheme.parse(scheme).resolve(shape, layout);
    }

    @Test
    void correctSamplesPassAndRecordTheirSeed() {
        Expectation e = resolve("torch.kaiming_normal", Shape.of(128, 64), Layout.PYTORCH);
        SeededRandom seed = SeededRandom.of(7).derive("kaiming");
        Verdict v = Conformance.check(ReferenceInitializer.sample(e, seed.create()), e, Precision.FLOAT64, SHARE, seed);
        assertThat(v.passed()).as(v.explain()).isTrue();
        assertThat(v.checks()).extracting(CheckResult::name).containsExactly(CheckName.FINITE, CheckName.KS,
                CheckName.SECOND_MOMENT, CheckName.MEAN, CheckName.TAIL, CheckName.DUPLICATE_ROWS,
                CheckName.DUPLICATE_COLUMNS, CheckName.LAG1_CORRELATION);
        assertThat(v.alpha()).isEqualTo(ALPHA);
        assertThat(v.checks()).filteredOn(c -> !c.hard()).allSatisfy(c -> assertThat(c.alpha()).isEqualTo(ALPHA / 5));
        assertThat(v.explain()).contains("conforms, all 8 checks passed").contains("seed=");
    }

    @Test
    void nonFiniteValuesSkipEveryOtherCheckAndFail() {
        Expectation e = resolve("he_uniform", Shape.of(64, 32), Layout.KERAS);
        double[] x = ReferenceInitializer.sample(e, SeededRandom.of(1).create());
        x[5] = Double.NaN;
        Verdict v = Conformance.check(x, e, Precision.FLOAT32, ALPHA);
        assertThat(v.passed()).isFalse();
        assertThat(v.failures()).extracting(CheckResult::name).containsExactly(CheckName.FINITE);
        assertThat(v.notRun()).isNotEmpty().allSatisfy(c -> assertThat(c.message()).isEqualTo(
                "not run: the tensor has NaN or infinite values"));
        assertThat(v.explain()).contains("does NOT conform, 1 of").contains("not run");
    }

    @Test
    void pointMassLawsGetTheExactCheckAndNoDuplicateCheck() {
        Expectation e = resolve("zeros", Shape.of(16, 16), Layout.PYTORCH);
        Verdict ok = Conformance.check(new double[256], e, Precision.FLOAT32, ALPHA);
        assertThat(ok.passed()).isTrue();
        assertThat(ok.checks()).extracting(CheckResult::name).containsExactly(CheckName.FINITE, CheckName.POINT_MASS);
        assertThat(ok.alpha()).isZero();
        double[] x = new double[256];
        x[3] = 1e-3;
        assertThat(Conformance.check(x, e, Precision.FLOAT32, ALPHA).failures()).extracting(CheckResult::name)
                .containsExactly(CheckName.POINT_MASS);
    }

    @Test
    void orthogonalSchemesAreCheckedAsOrthonormalRowsOrColumns() {
        for (Shape shape : List.of(Shape.of(20, 50), Shape.of(50, 20), Shape.of(8, 4, 3, 3))) {
            Expectation e = resolve("orthogonal(gain=1.5)", shape, Layout.PYTORCH);
            double[] w = ReferenceInitializer.sample(e, SeededRandom.of(3).create());
            Verdict v = Conformance.check(w, e, Precision.FLOAT64, ALPHA);
            assertThat(v.passed()).as(v.explain()).isTrue();
            assertThat(v.check(CheckName.ORTHOGONALITY).orElseThrow().statistic()).isLessThan(1e-13);
            float[] f = new float[w.length];
            double[] rounded = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                f[i] = (float) w[i];
                rounded[i] = f[i];
            }
            assertThat(Conformance.check(rounded, e, Precision.FLOAT32, ALPHA).passed()).isTrue();
            // i.i.d. normal entries of the same variance are not orthogonal
            double[] iid = ReferenceInitializer.sample(resolve("normal(stddev=" + Math.sqrt(1.5 * 1.5 / 50) + ")",
                    shape, Layout.PYTORCH), SeededRandom.of(4).create());
            assertThat(Conformance.check(iid, e, Precision.FLOAT64, ALPHA).failures()).extracting(CheckResult::name)
                    .contains(CheckName.ORTHOGONALITY);
        }
    }

    @Test
    void summaryPathAgreesWithTheArrayPath() {
        Expectation e = resolve("he_normal", Shape.of(3, 3, 32, 64), Layout.KERAS);
        double[] x = ReferenceInitializer.sample(e, SeededRandom.of(11).create());
        SampleMoments chunked = SampleMoments.forLaw(e.distribution());
        for (int from = 0; from < x.length; from += 4096) {
            chunked.merge(SampleMoments.forLaw(e.distribution()).addAll(
                    Arrays.copyOfRange(x, from, Math.min(x.length, from + 4096))));
        }
        Verdict fromSummary = Conformance.check(chunked, SortedSample.of(x), e, Precision.FLOAT64, SHARE);
        Verdict fromArray = Conformance.check(x, e, Precision.FLOAT64, ALPHA);
        for (CheckResult s : fromSummary.checks()) {
            CheckResult a = fromArray.check(s.name()).orElseThrow();
            assertThat(s.passed()).isEqualTo(a.passed());
            assertThat(s.statistic()).as(s.name().id()).isCloseTo(a.statistic(),
                    org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(a.statistic()))));
        }
        // the summary path has no matrix: no duplicate checks, and lag-1 still runs (chunks merged in order)
        assertThat(fromSummary.check(CheckName.DUPLICATE_ROWS)).isEmpty();
        assertThat(fromSummary.check(CheckName.LAG1_CORRELATION)).isPresent();
    }

    @Test
    void aBinnedSourceIsGatedOnItsLowerBound() {
        Expectation e = resolve("he_uniform", Shape.of(100, 100), Layout.KERAS);
        double[] x = ReferenceInitializer.sample(e, SeededRandom.of(12).create());
        double c = KolmogorovSmirnovCheck.threshold(x.length, ALPHA / 5);
        // A stand-in for a binned streaming source: D_lo just below the gate, resolution 1/64 above it.
        EmpiricalCdf binned = new EmpiricalCdf() {
            @Override
            public long size() {
                return x.length;
            }

            @Override
            public KsStatistic distanceTo(StoredLaw law) {
                return new KsStatistic(x.length, 0.99 * c, 0.99 * c, 0, Double.NaN, 1.0 / 64);
            }
        };
        Verdict v = Conformance.check(SampleMoments.of(x, e.distribution()), binned, e, Precision.FLOAT64, SHARE);
        CheckResult ks = v.check(CheckName.KS).orElseThrow();
        assertThat(ks.passed()).isTrue();
        assertThat(ks.details()).containsKey("p_value_note").containsEntry("resolution", 1.0 / 64);
    }

    @Test
    void orthogonalityNeedsTheMatrix() {
        Expectation e = resolve("orthogonal", Shape.of(16, 32), Layout.PYTORCH);
        double[] w = ReferenceInitializer.sample(e, SeededRandom.of(2).create());
        Verdict v = Conformance.check(SampleMoments.of(w, e.distribution()), SortedSample.of(w), e,
                Precision.FLOAT64, SHARE);
        assertThat(v.status()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.notRun()).extracting(CheckResult::message).containsExactly(
                "not run: needs the whole matrix, not a summary");
    }

    @Test
    void duplicateChecksAreLeftOutWhereChanceCoincidencesArePossible() {
        double f16 = StoredLaw.of(Normal.of(0, 1), Precision.FLOAT16).collisionProbability();
        double f32 = StoredLaw.of(Normal.of(0, 1), Precision.FLOAT32).collisionProbability();
        double f64 = StoredLaw.of(Normal.of(0, 1), Precision.FLOAT64).collisionProbability();
        assertThat(DuplicateLinesCheck.meaningful(100_000, 1, f16)).isFalse();
        assertThat(DuplicateLinesCheck.meaningful(100_000, 1, f64)).isFalse();
        assertThat(DuplicateLinesCheck.meaningful(1000, 8, f16)).isTrue();
        assertThat(DuplicateLinesCheck.meaningful(1000, 2, f32)).isFalse(); // ~1e-8
        assertThat(DuplicateLinesCheck.meaningful(1000, 3, f32)).isTrue();
    }

    /** A law centred far from 0 has wide rounding cells: coincidences are likely, so the hard check must not run. */
    @Test
    void duplicateChanceAccountsForALawFarFromZero() {
        Normal offset = Normal.of(1, 1e-4);
        double q32 = StoredLaw.of(offset, Precision.FLOAT32).collisionProbability();
        // cells near 1 are 2^-23 wide and carry up to f(1)·2^-23 = 3989·1.19e-7 = 4.8e-4 each
        assertThat(q32).isBetween(4.0e-4, 5.0e-4);
        assertThat(DuplicateLinesCheck.meaningful(1000, 3, q32)).isFalse();
        double q16 = StoredLaw.of(offset, Precision.BFLOAT16).collisionProbability();
        assertThat(q16).isGreaterThan(0.9); // bf16 spacing at 1 is 2^-7 = 78 sd: every value rounds to 1
        Expectation e = resolve("normal(mean=1,stddev=0.0001)", Shape.of(64, 64), Layout.PYTORCH);
        double[] w = ReferenceInitializer.sample(e, SeededRandom.of(3).create());
        for (int i = 0; i < w.length; i++) {
            w[i] = Precision.BFLOAT16.round(w[i]);
        }
        Verdict v = Conformance.check(w, e, Precision.BFLOAT16, ALPHA);
        assertThat(v.check(CheckName.DUPLICATE_ROWS)).isEmpty();
    }

    @Test
    void crossCorrelationFindsAReusedSeed() {
        Expectation a = resolve("he_normal", Shape.of(256, 128), Layout.KERAS);
        Expectation b = resolve("he_normal", Shape.of(128, 64), Layout.KERAS);
        double[] x = ReferenceInitializer.sample(a, SeededRandom.of(5).create());
        double[] same = ReferenceInitializer.sample(b, SeededRandom.of(5).create());
        double[] other = ReferenceInitializer.sample(b, SeededRandom.of(6).create());
        assertThat(Conformance.crossCorrelation(x, same, SHARE).passed()).isFalse();
        assertThat(Conformance.crossCorrelation(x, other, SHARE).passed()).isTrue();
    }

    @Test
    void rejectsAWrongNumberOfValues() {
        Expectation e = resolve("he_normal", Shape.of(4, 4), Layout.KERAS);
        assertThatThrownBy(() -> Conformance.check(new double[15], e, Precision.FLOAT32, ALPHA))
                .hasMessage("got 15 values but shape [4, 4] has 16");
    }
}
