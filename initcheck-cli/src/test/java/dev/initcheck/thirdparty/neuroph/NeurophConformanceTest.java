package dev.initcheck.thirdparty.neuroph;

import dev.initcheck.thirdparty.ConformanceAssertions;
import dev.initcheck.thirdparty.ThirdPartyCase;
import dev.initcheck.thirdparty.ThirdPartyMatrix;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdicts of the Neuroph 2.92 rows at the report's seed ({@link ThirdPartyMatrix#SEED}), each tensor at
 * false-alarm probability 1e-8. RangeRandomizer, GaussianRandomizer and the plain WeightsRandomizer do what their
 * Javadoc (or, without one, their code) says; NguyenWidrowRandomizer scales each whole layer to norm beta instead
 * of each unit (evidence in {@link NeurophCases}): weights' sd 0.088 of the declared, biases' 0.0066, rejected by
 * the endpoint, second-moment and KS checks, each scale error at least 3 times the detectable one.
 */
class NeurophConformanceTest {

    static List<ThirdPartyCase> cases() {
        return NeurophCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictMatchesTheDeclaration(ThirdPartyCase c) {
        ConformanceAssertions.assertAsDeclared(ThirdPartyMatrix.evaluate(c, ThirdPartyMatrix.SEED));
    }
}
