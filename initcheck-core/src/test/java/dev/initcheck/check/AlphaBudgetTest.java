package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlphaBudgetTest {

    @Test
    void bonferroniSplitsEquallyOverTensorsPairsAndChecks() {
        AlphaBudget b = AlphaBudget.defaults(8).withTensorPairs(2);
        assertThat(b.units()).isEqualTo(10);
        assertThat(b.perTensor()).isEqualTo(1e-7);
        assertThat(AlphaBudget.perCheck(b.perTensor(), 5)).isEqualTo(2e-8);
    }

    @Test
    void holmRejectsInStepsAndStopsAtTheFirstAcceptance() {
        double[] p = {0.01, 0.04, 0.03, 0.005};
        // sorted 0.005 <= 0.05/4, 0.01 <= 0.05/3, 0.03 > 0.05/2: stop
        assertThat(AlphaBudget.holm(p, 0.05)).containsExactly(true, false, false, true);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> AlphaBudget.of(0, 1)).hasMessageContaining("0 < total < 1");
        assertThatThrownBy(() -> AlphaBudget.perCheck(1e-6, 0)).hasMessageContaining("at least one");
    }
}
