package dev.initcheck.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Conformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.sample.KsStatistic;
import dev.initcheck.sample.SampleMoments;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streaming path against the exact one. Samples come from the reference samplers (fixed seeds); mutants are the
 * declared law scaled or replaced, each far beyond the detectable error at n = 2^20 (about 1% for KS, 0.4% for the
 * second moment at alpha 1e-6), so both paths must reject them.
 */
class StreamingEngineTest {
    static final Shape SHAPE = Shape.of(1024, 1024);

    static double[] sample(String scheme, double scale) {
        Expectation e = Scheme.parse(scheme).resolve(SHAPE, Layout.PYTORCH);
        double[] x = ReferenceInitializer.sample(e, SeededRandom.of(17).derive(scheme).create());
        for (int i = 0; i < x.length; i++) {
            x[i] *= scale;
        }
        return x;
    }

    static String failedChecks(Verdict v) {
        return v.failures().stream().map(c -> c.name().id()).sorted().collect(Collectors.joining(","));
    }

    @ParameterizedTest
    @CsvSource({"he_uniform,he_uniform,1.0", "he_normal,he_normal,1.0", "torch.kaiming_normal,torch.kaiming_normal,1.0",
        "he_uniform,he_uniform,1.05", "he_normal,he_normal,0.95", "glorot_uniform,he_uniform,1.0",
        "torch.kaiming_normal(nonlinearity=relu),he_normal,1.0", "he_uniform,torch.kaiming_normal,1.0"})
    void streamingAndExactReachTheSameVerdicts(String sampled, String declared, double scale) {
        double[] x = sample(sampled, scale);
        Expectation e = Scheme.parse(declared).resolve(SHAPE, Layout.PYTORCH);
        Verdict exact = Conformance.check(x, e, Precision.FLOAT64, 1e-6);
        StreamingSummary s = StreamingEngine.summarize(x, BinEdges.of(e.distribution(), 1 << 16), 2);
        Verdict streaming = Conformance.check(s.moments(), s, e, Precision.FLOAT64, AlphaShare.of(1e-6));
        assertThat(streaming.passed()).isEqualTo(exact.passed());
        // duplicate rows/columns need the matrix: only the exact path runs them
        assertThat(failedChecks(streaming)).isEqualTo(failedChecks(exact).replaceAll(",?duplicate_\\w+", ""));
        KsStatistic exactKs = dev.initcheck.sample.SortedSampleAccess.ks(x, e.distribution());
        KsStatistic lo = s.distanceTo(e.distribution());
        assertThat(lo.d()).isLessThanOrEqualTo(exactKs.d()).isGreaterThanOrEqualTo(exactKs.d() - lo.resolution());
        assertThat(exact.passed()).isEqualTo(scale == 1.0 && sampled.equals(declared));
    }

    @Test
    void parallelSlicesMergeToTheSequentialSummary() {
        double[] x = sample("he_normal", 1);
        Distribution law = Scheme.parse("he_normal").resolve(SHAPE, Layout.PYTORCH).distribution();
        BinEdges edges = BinEdges.of(law, 1 << 12);
        StreamingSummary par = StreamingEngine.summarize(x, edges, 3);
        SampleMoments seq = SampleMoments.of(x, law);
        assertThat(par.size()).isEqualTo(x.length);
        assertThat(par.moments().sumSquares()).isCloseTo(seq.sumSquares(), org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(par.moments().lag1Correlation()).isCloseTo(seq.lag1Correlation(), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(par.moments().max()).isEqualTo(seq.max());
        assertThat(par.moments().beyondTail()).isEqualTo(seq.beyondTail());
        PitHistogram one = new PitHistogram(edges);
        one.add(x, x.length);
        assertThat(par.histogram().dLower()).isEqualTo(one.dLower());
    }

    @Test
    void nonFiniteValuesAreCountedNotBinned() {
        double[] x = sample("he_uniform", 1);
        x[10] = Double.NaN;
        x[500_000] = Double.POSITIVE_INFINITY;
        Expectation e = Scheme.parse("he_uniform").resolve(SHAPE, Layout.PYTORCH);
        StreamingSummary s = StreamingEngine.summarize(x, BinEdges.of(e.distribution(), 1 << 10), 2);
        assertThat(s.moments().nonFiniteCount()).isEqualTo(2);
        assertThat(s.size()).isEqualTo(x.length - 2);
        List<CheckResult> failed = Conformance.check(s.moments(), s, e, Precision.FLOAT64, AlphaShare.of(1e-6)).failures();
        assertThat(failed).extracting(c -> c.name().id()).containsExactly("finite");
    }
}
