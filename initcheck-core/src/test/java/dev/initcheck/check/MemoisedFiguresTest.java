package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.distribution.Uniform;
import org.junit.jupiter.api.Test;

/**
 * Memoised figures belong to one law: a tensor's thresholds and power figures are the same to the last bit whichever
 * tensor of the run (same family, another scale, same n) was checked first, as they are when tensors are checked on
 * several threads in any order.
 */
class MemoisedFiguresTest {
    private static final long N = 120;
    private static final double ALPHA = 1e-6 / 63 / 5;

    @Test
    void anIntervalDoesNotComeFromAnotherScaleOfTheSameFamily() {
        // U(±0.258199): torch's default for a Conv1d weight [8, 3, 5] (fan_in 15); the other scales are other fans
        Distribution target = Uniform.symmetric(1 / Math.sqrt(15));
        StoredLaw stored = StoredLaw.of(target, Precision.FLOAT32);
        MomentIntervals.Interval direct = MomentIntervals.computeSecondMoment(stored, N, ALPHA);
        // U(±1/√5) and U(±1/√10) give an interval that differs in its last bits: were it shared, the answer would
        // depend on which tensor came first
        for (double bound : new double[] {1 / Math.sqrt(5), 1 / Math.sqrt(10)}) {
            assertThat(MomentIntervals.computeSecondMoment(StoredLaw.of(Uniform.symmetric(bound), Precision.FLOAT32),
                    N, ALPHA)).isNotEqualTo(direct);
            MomentIntervals.secondMomentInterval(StoredLaw.of(Uniform.symmetric(bound), Precision.FLOAT32), N, ALPHA);
        }
        assertThat(MomentIntervals.secondMomentInterval(stored, N, ALPHA)).isEqualTo(direct);
    }

    @Test
    void lawKeysTellScalesApart() {
        assertThat(Power.lawKey(Uniform.symmetric(0.1))).isNotEqualTo(Power.lawKey(Uniform.symmetric(0.2)));
        assertThat(Power.lawKey(Uniform.symmetric(0.1))).isEqualTo(Power.lawKey(Uniform.symmetric(0.1)));
    }
}
