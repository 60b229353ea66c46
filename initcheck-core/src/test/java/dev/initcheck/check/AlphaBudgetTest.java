package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import org.junit.jupiter.api.Test;

class AlphaBudgetTest {

    @Test
    void bonferroniSplitsEquallyOverTensorsPairsAndChecks() {
        AlphaBudget b = AlphaBudget.defaults(8).withTensorPairs(2);
        assertThat(b.units()).isEqualTo(10);
        assertThat(b.tensorShare().value()).isEqualTo(1e-7);
        assertThat(b.pairShare().value()).isEqualTo(1e-7);
        assertThat(b.tensorShare().split(5).value()).isEqualTo(2e-8);
    }

    @Test
    void aTensorsShareIsSplitAmongItsStochasticChecksAndSpentInFull() {
        Expectation e = Scheme.parse("he_uniform").resolve(Shape.of(64, 32), Layout.KERAS);
        double[] x = ReferenceInitializer.sample(e, SeededRandom.of(7).create());
        AlphaShare share = AlphaBudget.defaults(4).tensorShare();
        Verdict v = Conformance.check(x, e, Precision.FLOAT64, share);
        int k = Conformance.stochasticChecks(e, x.length, Precision.FLOAT64, share).size();
        assertThat(k).isEqualTo(5); // endpoint, ks, second_moment, mean, lag1_correlation
        assertThat(v.checks()).filteredOn(c -> !c.hard()).hasSize(k)
                .allSatisfy(c -> assertThat(c.alpha()).isEqualTo(share.value() / k));
        assertThat(v.checks()).filteredOn(CheckResult::hard).allSatisfy(c -> assertThat(c.alpha()).isZero());
        assertThat(v.alpha()).isCloseTo(share.value(), org.assertj.core.data.Offset.offset(1e-22));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> AlphaBudget.of(0, 1)).hasMessageContaining("alpha must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> AlphaBudget.of(1e-6, 0)).hasMessageContaining("at least one tensor or pair");
        assertThatThrownBy(() -> AlphaShare.of(Double.NaN)).hasMessageContaining("alpha must be in (0, 1)");
        assertThatThrownBy(() -> AlphaShare.of(1)).hasMessageContaining("alpha must be in (0, 1)");
        assertThatThrownBy(() -> AlphaShare.of(1e-6).split(0)).hasMessageContaining("at least one part");
    }
}
