package dev.initcheck.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract's seeded search and shrinking, on properties whose smallest counterexample is known. */
class ShapeSearchTest {
    @Test
    void shrinksToTheSmallestFailingShapeAndSeedZero() {
        ShapeSearch search = ShapeSearch.of(7, 30);
        // fails whenever the first dimension exceeds the second: smallest failing case [2, 1], seed 0
        Optional<ShapeSearch.Failure<String>> f = search.run(Layout.PYTORCH, 2048,
                c -> c.shape().dim(0) > c.shape().dim(1) ? Optional.of("out > in") : Optional.empty());
        assertThat(f).isPresent();
        assertThat(f.get().smallest()).isEqualTo(new ShapeSearch.Case(Shape.of(2, 1), Layout.PYTORCH, 0));
        assertThat(f.get().reason()).isEqualTo("out > in");
        assertThat(f.get().tryNumber()).isBetween(1, 30);
    }

    @Test
    void theSameSeedDrawsTheSameCasesWithinTheBounds() {
        List<ShapeSearch.Case> first = new ArrayList<>();
        List<ShapeSearch.Case> second = new ArrayList<>();
        assertThat(ShapeSearch.of(3, 50).run(Layout.KERAS, 100, c -> record(first, c))).isEmpty();
        assertThat(ShapeSearch.of(3, 50).run(Layout.KERAS, 100, c -> record(second, c))).isEmpty();
        assertThat(first).hasSize(50).isEqualTo(second);
        assertThat(first).allSatisfy(c -> {
            assertThat(c.shape().rank()).isBetween(2, 5);
            assertThat(c.shape().size()).isBetween(1L, 100L);
            assertThat(c.seed()).isNotNegative();
        });
        assertThat(first.stream().map(c -> c.shape().rank()).distinct()).hasSize(4);
    }

    @Test
    void replayFlagsAndBudget() {
        ShapeSearch s = ShapeSearch.of(11, 40);
        assertThat(s.replay()).isEqualTo("-Dinitcheck.seed=11 -Dinitcheck.tries=40");
        assertThat(s.alphaPerTry().value()).isEqualTo(ShapeSearch.RUN_BUDGET / 40);
    }

    private static Optional<String> record(List<ShapeSearch.Case> into, ShapeSearch.Case c) {
        into.add(c);
        return Optional.empty();
    }
}
