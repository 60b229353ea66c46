package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.StreamingSummary;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.junit.jupiter.api.Test;

/**
 * Honest tensors of the sizes and dtypes real checkpoints hold pass; mutants of them fail. Values are drawn in
 * float64, cast to float32 and rounded to bfloat16/float16 by {@link Precision#round} (which
 * {@link GoldenStoredLawTest} pins to PyTorch's rounding bit for bit), then summarised chunk by chunk on the
 * streaming path, as {@code check} does with a file. Before the checks tested the stored law, every honest bf16
 * row here from 4.2e6 values up failed {@code ks} (and the normals {@code tail}).
 *
 * <p>False alarms: each honest row spends the default budget 1e-6, so the 16 honest rows fail together with
 * probability below 1.6e-5. Power: each mutant differs from the declared law by far more than the detectable
 * error at its n (stated per row).
 */
class StoredPrecisionTest {
    private static final double ALPHA = 1e-6;
    private static final AlphaShare SHARE = AlphaShare.of(ALPHA);
    private static final int CHUNK = 1 << 16;

    private static Expectation resolve(String scheme, Layout layout, long... shape) {
        return Scheme.parse(scheme).resolve(Shape.of(shape), layout);
    }

    /** he_uniform with fan_in 380: the bound 0.12566 lies just above 2^-3, where bf16's rounding gap is largest. */
    private static Expectation heUniform380(long rows) {
        return resolve("he_uniform", Layout.PYTORCH, rows, 380);
    }

    @Test
    void honestBf16TensorsPassAt4And17MillionValues() {
        List<Expectation> cases = List.of(
                heUniform380(11_052), heUniform380(44_737),
                resolve("torch.linear_default", Layout.PYTORCH, 4096, 1024),
                resolve("torch.linear_default", Layout.PYTORCH, 4096, 4096),
                resolve("he_normal", Layout.KERAS, 1024, 4096),
                resolve("he_normal", Layout.KERAS, 4096, 4096),
                resolve("torch.kaiming_normal", Layout.PYTORCH, 4096, 1024),
                resolve("torch.kaiming_normal", Layout.PYTORCH, 4096, 4096),
                resolve("normal(stddev=0.02)", Layout.PYTORCH, 4096, 1024),
                resolve("normal(stddev=0.02)", Layout.PYTORCH, 16_600, 1024));
        int seed = 0;
        for (Expectation e : cases) {
            Verdict v = streamed(e, e.distribution(), Precision.BFLOAT16, seed++);
            assertThat(v.status()).as("%s %s in bf16:\n%s", e.scheme(), e.shape(), v.explain())
                    .isEqualTo(Verdict.Status.PASS);
            assertThat(v.check(CheckName.KS).orElseThrow().details())
                    .containsEntry("law", "declared CDF at the bfloat16 rounding-cell edges");
        }
    }

    @Test
    void honest16BitTensorsPassAt130MillionValues() {
        Expectation embed = resolve("normal(stddev=0.02)", Layout.PYTORCH, 128_000, 1024); // 1.3e8
        Expectation he = heUniform380(342_105); // 1.3e8
        for (Precision p : new Precision[] {Precision.BFLOAT16, Precision.FLOAT16}) {
            for (Expectation e : List.of(embed, he)) {
                Verdict v = streamed(e, e.distribution(), p, 7);
                assertThat(v.status()).as("%s %s in %s:\n%s", e.scheme(), e.shape(), p, v.explain())
                        .isEqualTo(Verdict.Status.PASS);
            }
        }
    }

    @Test
    void honestBf16TensorsPassOnTheExactPathToo() {
        Expectation e = heUniform380(11_052);
        double[] x = drawn(e.distribution(), Precision.BFLOAT16, e.shape().size(), 11);
        Verdict v = Conformance.check(x, e, Precision.BFLOAT16, ALPHA);
        assertThat(v.status()).as(v.explain()).isEqualTo(Verdict.Status.PASS);
        // the continuous law is 0.0019 away: the same values fail against it (the defect this guards against)
        Verdict asIfFloat64 = Conformance.check(x, e, Precision.FLOAT64, ALPHA);
        assertThat(asIfFloat64.failures()).extracting(CheckResult::name).contains(CheckName.KS);
    }

    /**
     * Mutants at 1.7e7 bf16 values. Detectable scale error there: second moment about 0.25% (normal, Chernoff),
     * KS about 0.7%; the mutants are 1% in scale, 13.7% (missing 0.8796), a different shape at equal variance.
     */
    @Test
    void bf16MutantsAt17MillionValuesFail() {
        Expectation normal = resolve("normal(stddev=0.02)", Layout.PYTORCH, 16_600, 1024);
        assertFails(normal, Normal.of(0, 0.0202), CheckName.SECOND_MOMENT);
        Expectation keras = resolve("he_normal", Layout.KERAS, 4096, 4096);
        TruncatedNormal declared = (TruncatedNormal) keras.distribution();
        double s = declared.parentSd() * TruncatedNormal.KERAS_CORRECTION; // parent sd without the correction
        assertFails(keras, TruncatedNormal.keras(0, s), CheckName.SECOND_MOMENT);
        assertFails(keras, Normal.of(0, declared.standardDeviation()), CheckName.SUPPORT);
        Expectation torch = resolve("torch.kaiming_normal", Layout.PYTORCH, 4096, 4096);
        double sd = torch.distribution().standardDeviation();
        assertFails(torch, Uniform.symmetric(sd * Math.sqrt(3)), CheckName.KS);
        assertFails(torch, Uniform.symmetric(sd * Math.sqrt(3)), CheckName.TAIL);
    }

    @Test
    void powerIsStatedForTheStoredLaw() {
        Distribution law = Normal.of(0, 0.02);
        long n = 17_000_000;
        double bf16 = Power.detectableScaleError(CheckKind.SECOND_MOMENT, StoredLaw.of(law, Precision.BFLOAT16), n,
                ALPHA / 6, Power.DEFAULT_BETA);
        double f32 = Power.detectableScaleError(CheckKind.SECOND_MOMENT, StoredLaw.of(law, Precision.FLOAT32), n,
                ALPHA / 6, Power.DEFAULT_BETA);
        // Chernoff replaces the exact chi-square in bf16: a few per cent more, still well under 1%
        assertThat(bf16).isGreaterThan(f32).isLessThan(1.15 * f32).isLessThan(0.005);
        double ksBf16 = Power.detectableScaleError(CheckKind.KS, StoredLaw.of(law, Precision.BFLOAT16), n, ALPHA / 6,
                Power.DEFAULT_BETA);
        double ksF32 = Power.detectableScaleError(CheckKind.KS, StoredLaw.of(law, Precision.FLOAT32), n, ALPHA / 6,
                Power.DEFAULT_BETA);
        assertThat(ksBf16).isGreaterThanOrEqualTo(ksF32 * (1 - 1e-9)).isLessThan(1.1 * ksF32);
    }

    /** README's power table, bf16 column at n = 1e7 and alpha = 1e-6 (the figures it quotes, to 3 digits). */
    @Test
    void readmePowerRowForBf16() {
        StoredLaw n = StoredLaw.of(Normal.of(0, 0.02), Precision.BFLOAT16);
        StoredLaw u = StoredLaw.of(Uniform.symmetric(Math.sqrt(6.0 / 380)), Precision.BFLOAT16);
        long size = 10_000_000;
        assertThat(Power.detectableScaleError(CheckKind.SECOND_MOMENT, n, size, 1e-6, 1e-3))
                .isBetween(0.001895, 0.001905);
        assertThat(Power.detectableScaleError(CheckKind.SECOND_MOMENT, u, size, 1e-6, 1e-3))
                .isBetween(0.001285, 0.001295);
        assertThat(Power.detectableScaleError(CheckKind.KS, n, size, 1e-6, 1e-3)).isBetween(0.005965, 0.005975);
    }

    private static void assertFails(Expectation e, Distribution mutant, CheckName expected) {
        Verdict v = streamed(e, mutant, Precision.BFLOAT16, 99);
        assertThat(v.status()).as("%s declared, %s drawn:\n%s", e.scheme(), mutant.describe(), v.explain())
                .isEqualTo(Verdict.Status.FAIL);
        assertThat(v.failures()).as(v.explain()).extracting(CheckResult::name).contains(expected);
    }

    /** Draws the values of {@code drawn} in chunks, stores them in {@code p}, checks them against {@code e}. */
    private static Verdict streamed(Expectation e, Distribution drawn, Precision p, int seed) {
        BinEdges edges = BinEdges.of(e.distribution(), p, StreamingSummary.DEFAULT_BINS);
        StreamingSummary summary = StreamingSummary.empty(edges);
        ContinuousSampler sampler = ReferenceInitializer.sampler(drawn, SeededRandom.of(seed).create());
        double[] chunk = new double[CHUNK];
        long n = e.shape().size();
        for (long done = 0; done < n; done += CHUNK) {
            int len = (int) Math.min(CHUNK, n - done);
            for (int i = 0; i < len; i++) {
                chunk[i] = p.round((float) sampler.sample());
            }
            summary.add(chunk, 0, len);
        }
        return Conformance.check(summary.moments(), summary, e, p, SHARE);
    }

    private static double[] drawn(Distribution law, Precision p, long n, int seed) {
        ContinuousSampler sampler = ReferenceInitializer.sampler(law, SeededRandom.of(seed).create());
        double[] x = new double[Math.toIntExact(n)];
        for (int i = 0; i < x.length; i++) {
            x[i] = p.round((float) sampler.sample());
        }
        return x;
    }
}
