package dev.initcheck.thirdparty.gpl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.shape.Shape;
import dev.initcheck.thirdparty.ConformanceAssertions;
import dev.initcheck.thirdparty.ThirdPartyCase;
import dev.initcheck.thirdparty.ThirdPartyMatrix;
import java.util.List;
import jsat.classifiers.neuralnetwork.BackPropagationNet.WeightInitialization;
import jsat.classifiers.neuralnetwork.initializers.TanhInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdicts of the JSAT 0.0.9 rows at the report's seed (run with {@code -Pgpl}): every initializer does what its
 * Javadoc, its name or (for the undocumented constants) its code says; the section's conforming controls.
 */
class JsatConformanceTest {

    static List<ThirdPartyCase> cases() {
        return JsatCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictMatchesTheDeclaration(ThirdPartyCase c) {
        ConformanceAssertions.assertAsDeclared(ThirdPartyMatrix.evaluate(c, ThirdPartyMatrix.SEED));
    }

    @Test
    void everyDrawComesFromTheInjectedProvider() {
        Shape s = Shape.of(6, 4);
        for (var init : List.of(JsatCases.weights(new TanhInitializer()),
                JsatCases.backProp(WeightInitialization.GUASSIAN))) {
            double[] a = init.initialize(s, SeededRandom.of(1).create());
            assertThat(a).containsExactly(init.initialize(s, SeededRandom.of(1).create()));
            assertThat(a).isNotEqualTo(init.initialize(s, SeededRandom.of(2).create()));
        }
    }

    @Test
    void theGplSectionHoldsBothLibraries() {
        assertThat(GplCases.all()).hasSize(DeepNettsCases.all().size() + JsatCases.all().size());
        assertThat(GplCases.all()).extracting(ThirdPartyCase::library).contains(DeepNettsCases.LIBRARY,
                JsatCases.LIBRARY);
    }
}
