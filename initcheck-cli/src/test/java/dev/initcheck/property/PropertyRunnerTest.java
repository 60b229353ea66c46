package dev.initcheck.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initcheck.shape.Shape;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PropertyRunnerTest {

    @Test
    void shrinksToTheSmallestFailingShape() {
        // fails whenever the shape has a receptive field (rank >= 3 with a kernel dim >= 2): smallest is [1, 1, 2]
        Outcome<Shape> o = PropertyRunner.run("no kernels", Generators.shapes(2, 5, 8, 4096),
                new PropertyConfig(1, 200, 1e-6, 5000),
                s -> s.rank() >= 3 && s.size() / (s.dim(0) * s.dim(1)) >= 2 ? Optional.of("has a kernel") : Optional.empty());
        assertThat(o.passed()).isFalse();
        assertThat(o.counterexample()).isEqualTo(Shape.of(1, 1, 2));
        assertThat(o.reason()).isEqualTo("has a kernel");
        assertThat(o.describe()).contains("replay with -Dinitcheck.seed=1");
    }

    @Test
    void aHoldingPropertyPasses() {
        Outcome<Shape> o = PropertyRunner.assertHolds("bounded", Generators.shapes(2, 5, 8, 512),
                new PropertyConfig(2, 300, 1e-6, 100), s -> s.size() <= 512 ? Optional.empty() : Optional.of("too big"));
        assertThat(o.passed()).isTrue();
        assertThat(o.config().alphaPerTry().value()).isEqualTo(1e-6 / 300);
    }

    @Test
    void assertHoldsThrowsWithTheCounterexample() {
        assertThatThrownBy(() -> PropertyRunner.assertHolds("square", Generators.shapes(2, 2, 8, 64),
                new PropertyConfig(3, 100, 1e-6, 1000),
                s -> s.dim(0) == s.dim(1) ? Optional.empty() : Optional.of("not square")))
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching("(?s).*smallest counterexample \\[(1, 2|2, 1)\\]: not square.*");
    }

    @Test
    void clampKeepsTheTotalSizeBounded() {
        assertThat(Generators.clamp(4, new int[] {8, 8, 8, 8, 8}, 100).size()).isLessThanOrEqualTo(100);
        assertThat(Generators.clamp(2, new int[] {3, 4, 8, 8, 8}, 100)).isEqualTo(Shape.of(3, 4));
    }
}
