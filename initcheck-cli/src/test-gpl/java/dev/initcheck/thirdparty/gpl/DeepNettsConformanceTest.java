package dev.initcheck.thirdparty.gpl;

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
 * The verdicts of the Deep Netts 1.13.2 rows at the report's seed (run with {@code -Pgpl}): a ReLU dense layer's
 * He initialisation uses the layer's own width as the fan (sd 2 x on 512 -> 128); the tanh layer's Xavier and
 * {@code RandomWeights.randomize} do what their Javadoc says; a 3x3 convolution's {@code RandomWeights.uniform}
 * counts (9 + 1) inputs per channel: bound and sd 0.9487 x the documented 1/sqrt(fan_in).
 */
class DeepNettsConformanceTest {

    static List<ThirdPartyCase> cases() {
        return DeepNettsCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictMatchesTheDeclaration(ThirdPartyCase c) {
        ConformanceAssertions.assertAsDeclared(ThirdPartyMatrix.evaluate(c, ThirdPartyMatrix.SEED));
    }

    @Test
    void theSeedComesFromTheInjectedProvider() {
        var init = DeepNettsCases.dense(deepnetts.net.layers.activation.ActivationType.TANH);
        Shape s = Shape.of(6, 4);
        double[] a = init.initialize(s, SeededRandom.of(1).create());
        assertThat(a).containsExactly(init.initialize(s, SeededRandom.of(1).create()));
        assertThat(a).isNotEqualTo(init.initialize(s, SeededRandom.of(2).create()));
        Shape k = Shape.of(4, 2, 3, 3);
        double[] b = DeepNettsCases.conv().initialize(k, SeededRandom.of(1).create());
        assertThat(b).hasSize(72).containsExactly(DeepNettsCases.conv().initialize(k, SeededRandom.of(1).create()));
        assertThat(b).isNotEqualTo(DeepNettsCases.conv().initialize(k, SeededRandom.of(2).create()));
    }
}
