package dev.initcheck.thirdparty.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;

/**
 * What the DL4J adapter relies on (layout, seeding) and the mechanism behind the VAR_SCALING_NORMAL finding,
 * observed directly on deeplearning4j-nn / nd4j-native 1.0.0-M2.1.
 */
class Dl4jBehaviourTest {

    @Test
    void denseWeightIsNInByNOutAndReproducibleFromTheInjectedSeed() {
        Shape s = Shape.of(20, 7);
        double[] a = Dl4jDense.weights(WeightInit.XAVIER).initialize(s, SeededRandom.of(4).create());
        double[] b = Dl4jDense.weights(WeightInit.XAVIER).initialize(s, SeededRandom.of(4).create());
        double[] c = Dl4jDense.weights(WeightInit.XAVIER).initialize(s, SeededRandom.of(5).create());
        assertThat(a).hasSize(140).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void adapterValuesAreTheWeightInCOrderOfNInByNOut() {
        Shape s = Shape.of(6, 4);
        double[] c = Dl4jDense.weights(WeightInit.XAVIER).initialize(s, SeededRandom.of(8).create());
        org.nd4j.linalg.api.ndarray.INDArray w = Dl4jDense.network(b -> b.weightInit(WeightInit.XAVIER), 6, 4,
                SeededRandom.of(8).create()).getParam("0_W");
        assertThat(w.shape()).containsExactly(6, 4); // DefaultParamInitializer: shape = {nIn, nOut}
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(c[i * 4 + j]).isEqualTo(w.getDouble(i, j));
            }
        }
    }

    /**
     * libnd4j's TruncatedNormalDistribution (C++ source not shipped in the M2.1 jars; the libnd4j source of that
     * line re-draws a value beyond mean ± 2 sd once, from the same Box-Muller inputs for the first half of the
     * buffer, then sets it to {@code mean + DataTypeUtils::min<T>()}). Observed on M2.1: the first half of the
     * weight buffer (storage order 'f') carries exact zeros (0.0, not a tiny number) at rate P(|Z| > 2) = 0.0455,
     * the second half almost none, and nothing lies beyond 2 sd. Bounds: binomial, 32,768 draws, rate 0.0455: sd 0.00115, so
     * [0.040, 0.051] is ±4.7 sd (false alarm < 3e-6).
     */
    @Test
    void varScalingNormalZeroesOutOfRangeDrawsInTheFirstHalfOfTheBuffer() {
        Shape s = Shape.of(512, 128);
        double sd = Math.sqrt(1.0 / 512);
        double[] f = Dl4jDense.storageOrder(WeightInit.VAR_SCALING_NORMAL_FAN_IN, s, SeededRandom.of(21).create());
        int half = f.length / 2;
        double firstHalfZeros = Arrays.stream(f, 0, half).filter(x -> x == 0).count() / (double) half;
        double secondHalfZeros = Arrays.stream(f, half, f.length).filter(x -> x == 0).count() / (double) half;
        assertThat(firstHalfZeros).isBetween(0.040, 0.051);
        assertThat(secondHalfZeros).isLessThan(0.005);
        assertThat(Arrays.stream(f).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(2 * sd * (1 + 1e-6));
    }
}
