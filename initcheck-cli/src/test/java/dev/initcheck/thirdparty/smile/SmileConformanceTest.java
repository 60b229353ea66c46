package dev.initcheck.thirdparty.smile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.thirdparty.ConformanceAssertions;
import dev.initcheck.thirdparty.MatrixRow;
import dev.initcheck.thirdparty.ThirdPartyCase;
import dev.initcheck.thirdparty.ThirdPartyMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conforming control: SMILE 1.5.3's perceptron weights and biases are U(±1/sqrt(fan_in)) as its code says
 * (each tensor at false-alarm probability 1e-8); and the same adapter held to the fan_out bound (a wrong-fan
 * mutant of the declaration, 2x the bound on [128, 512]) is rejected, so the pass is evidence.
 */
class SmileConformanceTest {

    static List<ThirdPartyCase> cases() {
        return SmileCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictMatchesTheDeclaration(ThirdPartyCase c) {
        ConformanceAssertions.assertAsDeclared(ThirdPartyMatrix.evaluate(c, ThirdPartyMatrix.SEED));
    }

    @Test
    void theWeightsRowRejectsTheFanOutBound() {
        ThirdPartyCase c = SmileCases.all().get(0);
        ThirdPartyCase wrongFan = new ThirdPartyCase(c.library(), c.version(), c.initializer(), c.tensor(),
                c.documented(), c.basis(), SmileCases.uniformLimit(1 / Math.sqrt(c.shape().dim(0))), c.shape(),
                c.layout(), c.precision(), c.adapter(), null);
        MatrixRow row = ThirdPartyMatrix.evaluate(wrongFan, ThirdPartyMatrix.SEED);
        assertThat(row.verdict().passed()).as(row.verdict().explain()).isFalse();
        assertThat(row.failedChecks()).contains("endpoint", "second_moment", "ks");
    }

    @Test
    void theSeedComesFromTheInjectedProvider() {
        var w = SmileCases.weights();
        var s = dev.initcheck.shape.Shape.of(3, 4);
        double[] a = w.initialize(s, SeededRandom.of(1).create());
        assertThat(a).containsExactly(w.initialize(s, SeededRandom.of(1).create()));
        assertThat(a).isNotEqualTo(w.initialize(s, SeededRandom.of(2).create()));
    }
}
