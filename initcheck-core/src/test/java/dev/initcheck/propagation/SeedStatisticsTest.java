package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quartiles, the median's order-statistic interval and the paired sign test, against values computed by hand:
 * numpy.quantile (type 7) of [1..10] at 0.25 is 3.25; for n = 10 the 95% interval is [x_(2), x_(9)] with coverage
 * 1 − 2·(1 + 10)/1024 = 0.978515625; P(Bin(10, ½) ≥ 10) = 1/1024, P(Bin(10, ½) ≥ 9) = 11/1024.
 */
class SeedStatisticsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void type7QuantilesAndInfinity() {
        double[] v = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        assertThat(SeedStatistics.quantile(v, 0.25)).isEqualTo(3.25);
        assertThat(SeedStatistics.quantile(v, 0.5)).isEqualTo(5.5);
        assertThat(SeedStatistics.quantile(v, 0.75)).isEqualTo(7.75);
        assertThat(SeedStatistics.quantile(new double[] {1, 2, INF, Double.NaN}, 0.5)).isEqualTo(INF);
        assertThat(SeedStatistics.quantile(new double[] {1, 2, 3, INF}, 0.5)).isEqualTo(2.5);
    }

    @Test
    void medianIntervalOfTenIsSecondToNinthOrderStatistic() {
        double[] v = {10, 9, 8, 7, 6, 5, 4, 3, INF, 1};
        SeedStatistics.Interval i = SeedStatistics.medianInterval(v);
        assertThat(i.lower()).isEqualTo(3);
        assertThat(i.upper()).isEqualTo(10);
        assertThat(i.coverage()).isEqualTo(1 - 2 * 11.0 / 1024);
        assertThat(i.median()).isEqualTo(6.5);
        // n = 5: no k reaches 95%, so the whole range, coverage 1 − 2/32
        assertThat(SeedStatistics.medianInterval(new double[] {5, 4, 3, 2, 1}).coverage()).isEqualTo(1 - 2 / 32.0);
    }

    @Test
    void signTestPValuesAreExactAndTiesAreDropped() {
        double[] fast = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
        double[] slow = {20, 20, 20, 20, 20, 20, 20, 20, 20, 20};
        PairedComparison all = PairedComparison.of(result("a", fast), result("b", slow), 1e-3);
        assertThat(all.wins()).isEqualTo(10);
        assertThat(all.pValue()).isEqualTo(1 / 1024.0);
        assertThat(all.holds()).isTrue();
        double[] nine = slow.clone();
        nine[0] = 5;
        PairedComparison n = PairedComparison.of(result("a", fast), result("b", nine), 1e-3);
        assertThat(n.wins()).isEqualTo(9);
        assertThat(n.losses()).isEqualTo(1);
        assertThat(n.pValue()).isEqualTo(11 / 1024.0);
        assertThat(n.holds()).isFalse();
        PairedComparison self = PairedComparison.of(result("a", fast), result("a", fast), 1e-3);
        assertThat(self.ties()).isEqualTo(10);
        assertThat(self.pValue()).isEqualTo(1);
        assertThat(self.holds()).as("a scheme never beats itself").isFalse();
    }

    /** Never reaching the target loses to reaching it; among runs that never reach it, the lower final loss wins. */
    @Test
    void neverReachingLosesAndFinalLossBreaksTheTie() {
        TrainingResult.SeedRun reached = new TrainingResult.SeedRun(0, 190, 0.04, false, false, new double[1], new double[1]);
        TrainingResult.SeedRun never = new TrainingResult.SeedRun(0, null, 0.06, false, false, new double[1], new double[1]);
        TrainingResult.SeedRun worse = new TrainingResult.SeedRun(0, null, INF, true, false, new double[1], new double[1]);
        assertThat(PairedComparison.compare(reached, never)).isNegative();
        assertThat(PairedComparison.compare(never, worse)).isNegative();
        assertThat(PairedComparison.compare(worse, worse)).isZero();
    }

    static TrainingResult result(String scheme, double[] steps) {
        List<TrainingResult.SeedRun> runs = new ArrayList<>();
        for (int s = 0; s < steps.length; s++) {
            runs.add(new TrainingResult.SeedRun(s, (int) steps[s], 0.01, false, false, new double[] {1, 0.01},
                    new double[] {1}));
        }
        return new TrainingResult(scheme, Activation.TANH, 5, 50, 0.01, 0.05, runs, null, null, new double[] {1});
    }
}
