package dev.initcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ExactSum returns the correctly rounded exact sum (reference: BigDecimal, exact for doubles), whatever the order
 * and grouping of the terms. Deterministic (fixed seeds), no statistical assertion.
 */
class ExactSumTest {
    /** Terms over a wide range of magnitudes and signs, with cancellations: plain summation loses digits here. */
    private static List<Double> terms(long seed, int n) {
        Random r = new Random(seed);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = Math.scalb(r.nextDouble() + 0.5, r.nextInt(200) - 100) * (r.nextBoolean() ? 1 : -1);
            out.add(x);
            if (i % 7 == 0) {
                out.add(-x * (1 + 0x1p-40)); // near-cancelling pair
            }
        }
        return out;
    }

    private static double exact(List<Double> terms) {
        BigDecimal s = BigDecimal.ZERO;
        for (double t : terms) {
            s = s.add(new BigDecimal(t));
        }
        return s.doubleValue(); // correctly rounded (parsed from the exact decimal)
    }

    @Test
    void isTheCorrectlyRoundedSumInAnyOrderAndGrouping() {
        for (long seed = 1; seed <= 20; seed++) {
            List<Double> terms = terms(seed, 2000);
            double expected = exact(terms);
            ExactSum whole = new ExactSum();
            terms.forEach(whole::add);
            assertThat(whole.value()).as("seed %d", seed).isEqualTo(expected);

            List<Double> shuffled = new ArrayList<>(terms);
            Collections.shuffle(shuffled, new Random(seed));
            Random cut = new Random(seed + 1000);
            List<ExactSum> parts = new ArrayList<>();
            ExactSum part = new ExactSum();
            for (double t : shuffled) {
                part.add(t);
                if (cut.nextInt(50) == 0) {
                    parts.add(part);
                    part = new ExactSum();
                }
            }
            parts.add(part);
            Collections.shuffle(parts, new Random(seed + 2000));
            ExactSum merged = new ExactSum();
            parts.forEach(merged::merge);
            assertThat(merged.value()).as("seed %d, %d parts merged", seed, parts.size()).isEqualTo(expected);
        }
    }

    @Test
    void extremesAndNonFiniteTerms() {
        ExactSum big = new ExactSum();
        big.add(Double.MAX_VALUE);
        big.add(Double.MAX_VALUE);
        big.add(-Double.MAX_VALUE);
        assertThat(big.value()).isEqualTo(Double.MAX_VALUE); // the intermediate overflow is carried exactly
        ExactSum tiny = new ExactSum();
        tiny.add(Double.MIN_VALUE);
        tiny.add(1.0);
        tiny.add(-1.0);
        assertThat(tiny.value()).isEqualTo(Double.MIN_VALUE);
        ExactSum nan = new ExactSum();
        nan.add(1.0);
        nan.add(Double.POSITIVE_INFINITY);
        assertThat(nan.value()).isNaN();
        assertThat(new ExactSum().value()).isZero();
    }
}
