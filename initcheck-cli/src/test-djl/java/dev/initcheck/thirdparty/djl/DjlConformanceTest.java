package dev.initcheck.thirdparty.djl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.shape.Shape;
import dev.initcheck.thirdparty.ConformanceAssertions;
import dev.initcheck.thirdparty.ThirdPartyCase;
import dev.initcheck.thirdparty.ThirdPartyMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdicts of the DJL 0.36.0 rows (PyTorch engine, offline) at the report's seed, each tensor at false-alarm
 * probability 1e-8 (run with {@code -Pdjl}). The findings (evidence in {@link DjlCases}): the default
 * {@code XavierInitializer()} uses magnitude 6 where its Javadoc gives 3 (bound sqrt(2) x the documented), and the
 * documented GAUSSIAN/AVG law has sqrt(3) x Glorot's sd.
 */
class DjlConformanceTest {

    static List<ThirdPartyCase> cases() {
        return DjlCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictMatchesTheDeclaration(ThirdPartyCase c) {
        ConformanceAssertions.assertAsDeclared(ThirdPartyMatrix.evaluate(c, ThirdPartyMatrix.SEED));
    }

    @Test
    void runsOnThePyTorchEngineFromTheClasspathAndSeedsFromTheProvider() {
        assertThat(DjlInit.engine()).isEqualTo("PyTorch 2.7.1");
        var init = DjlInit.of(ai.djl.training.initializer.XavierInitializer::new);
        Shape s = Shape.of(4, 3);
        double[] a = init.initialize(s, SeededRandom.of(1).create());
        assertThat(a).containsExactly(init.initialize(s, SeededRandom.of(1).create()));
        assertThat(a).isNotEqualTo(init.initialize(s, SeededRandom.of(2).create()));
    }
}
