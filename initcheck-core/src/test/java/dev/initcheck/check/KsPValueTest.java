package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KsPValueTest {
    /** Relative agreement required with closed forms / tabulated values (both are accurate to ~1e-15). */
    private static final double REL = 1e-12;

    @Test
    void kolmogorovLimitMatchesKnownValues() {
        // scipy.stats.kstwobign.sf: 1.0 -> 0.26999967167735456, 1.3580986393225505 -> 0.05 (its isf(0.05))
        assertThat(KsPValue.kolmogorovSurvival(1.0)).isCloseTo(0.26999967167735456, within(REL));
        assertThat(KsPValue.kolmogorovSurvival(1.3580986393225505)).isCloseTo(0.05, within(0.05 * 1e-9));
        assertThat(KsPValue.kolmogorovSurvival(0)).isEqualTo(1);
        // continuity at the switch between the two series (z = 0.82)
        assertThat(KsPValue.kolmogorovSurvival(0.82)).isCloseTo(KsPValue.kolmogorovSurvival(Math.nextUp(0.82)),
                within(1e-14));
    }

    @Test
    void exactSmallSampleClosedForms() {
        // n = 1: P(D >= d) = 2(1 - d) for d >= 1/2; n = 2, d in (1/4, 1/2]: 1 - 2(2d - 1/2)^2
        assertThat(KsPValue.exact(0.75, 1)).isCloseTo(0.5, within(REL));
        assertThat(KsPValue.exact(0.4, 2)).isCloseTo(1 - 2 * Math.pow(0.8 - 0.5, 2), within(REL));
        assertThat(KsPValue.exact(0.2, 2)).isEqualTo(1.0);
        assertThat(KsPValue.exact(1.0, 5)).isEqualTo(0.0);
    }

    @Test
    void methodSwitchesAtTheCutOver() {
        assertThat(KsPValue.methodFor(KsPValue.EXACT_MAX_N)).isEqualTo(KsPValue.Method.EXACT);
        assertThat(KsPValue.methodFor(KsPValue.EXACT_MAX_N + 1)).isEqualTo(KsPValue.Method.ASYMPTOTIC);
        assertThat(KsPValue.of(0.01, 20_000)).isEqualTo(KsPValue.asymptotic(0.01, 20_000));
    }
}
