package dev.initcheck.thirdparty.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.shape.Shape;
import dev.initcheck.thirdparty.ConformanceAssertions;
import dev.initcheck.thirdparty.ThirdPartyCase;
import dev.initcheck.thirdparty.ThirdPartyMatrix;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.framework.initializers.Glorot;
import org.tensorflow.framework.initializers.VarianceScaling.Distribution;

/**
 * The verdicts of the TensorFlow Java 1.1.0 rows at the report's seed, each tensor at false-alarm probability 1e-8
 * (run with {@code -Ptensorflow}). The truncated-normal variance-scaling initializers and Orthogonal do what their
 * Javadoc says on a dense kernel; the findings (evidence in {@link TfCases}) are rejected by the checks they name:
 * <ul>
 *   <li>UNIFORM (Glorot, He, LeCun): documented U[-limit, limit], delivered U[0, limit): mean limit/2, KS D 0.5.</li>
 *   <li>Rank >= 3 fans: in-channels counted twice, sd 1/8 of the documented on [3, 3, 64, 128].</li>
 *   <li>TruncatedNormal: "Standard deviation of the random values" is the sd before truncation: sd 0.88 x.</li>
 * </ul>
 */
class TfConformanceTest {

    static List<ThirdPartyCase> cases() {
        return TfCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verdictMatchesTheDeclaration(ThirdPartyCase c) {
        ConformanceAssertions.assertAsDeclared(ThirdPartyMatrix.evaluate(c, ThirdPartyMatrix.SEED));
    }

    /** The UNIFORM finding without statistics: not one of 65,536 values is negative (U[-L, L] gives half). */
    @Test
    void uniformValuesAreNeverNegative() {
        double[] w = TfInit.of(s -> new Glorot<>(Distribution.UNIFORM, s)).initialize(TfCases.DENSE,
                SeededRandom.of(ThirdPartyMatrix.SEED).create());
        assertThat(Arrays.stream(w).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    }

    /** The adapter's seed comes from the provider: same stream, same tensor; another stream, another tensor. */
    @Test
    void theSeedComesFromTheInjectedProvider() {
        var init = TfInit.of(s -> new Glorot<>(Distribution.TRUNCATED_NORMAL, s));
        Shape s = Shape.of(4, 3);
        double[] a = init.initialize(s, SeededRandom.of(1).create());
        assertThat(a).containsExactly(init.initialize(s, SeededRandom.of(1).create()));
        assertThat(a).isNotEqualTo(init.initialize(s, SeededRandom.of(2).create()));
    }
}
