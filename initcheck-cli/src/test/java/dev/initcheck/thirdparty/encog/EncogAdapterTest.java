package dev.initcheck.thirdparty.encog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.encog.engine.network.activation.ActivationLinear;
import org.encog.engine.network.activation.ActivationSigmoid;
import org.encog.engine.network.activation.ActivationTANH;
import org.encog.mathutil.randomize.XaiverRandomizer;
import org.encog.neural.networks.BasicNetwork;
import org.junit.jupiter.api.Test;

/**
 * The Encog adapters read what Encog wrote, where it wrote it, from our stream only; and the behaviours the
 * findings rest on, observed directly on Encog 3.4 (each quoted from its source in {@link EncogCases}).
 */
class EncogAdapterTest {
    private static final EncogDense TANH = EncogDense.biased(ActivationLinear::new, ActivationTANH::new);
    private static final Shape SMALL = Shape.of(3, 5); // [out, in]

    @Test
    void weightMatrixIsOutByInAndExcludesTheBiasColumn() {
        BasicNetwork net = TANH.network(5, 3);
        for (int from = 0; from <= 5; from++) { // from = 5 is the bias neuron
            for (int to = 0; to < 3; to++) {
                net.setWeight(0, from, to, from * 10 + to);
            }
        }
        double[] w = EncogDense.weights(net);
        for (int to = 0; to < 3; to++) {
            for (int from = 0; from < 5; from++) {
                assertThat(w[to * 5 + from]).as("(to=%d, from=%d)", to, from).isEqualTo(from * 10 + to);
            }
        }
        assertThat(EncogDense.biases(net)).containsExactly(50, 51, 52);
        // Encog's own flat storage is [to][from + bias], the same row-major order
        assertThat(net.getFlat().getWeights()).hasSize(3 * 6);
    }

    @Test
    void drawsComeOnlyFromTheInjectedProvider() {
        var range = EncogAdapters.range(TANH, -0.5, 0.5).weights();
        double[] a = range.initialize(SMALL, SeededRandom.of(11).create());
        double[] b = range.initialize(SMALL, SeededRandom.of(11).create());
        double[] c = range.initialize(SMALL, SeededRandom.of(12).create());
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        // a provider that only returns 0 bits makes nextDouble() 0, so every weight is exactly min
        double[] zero = range.initialize(SMALL, zeroBits());
        assertThat(zero).containsOnly(-0.5);
    }

    @Test
    void xaiverWithoutAnInputBiasWritesPastItsLayer() {
        // XaiverRandomizer.randomize(BasicNetwork, int): `network.setWeight(fromLayer, fromCount, toNeuron, 0);`
        // addresses the bias neuron even when the layer has none.
        EncogDense unbiased = EncogDense.unbiased(ActivationLinear::new, ActivationTANH::new);
        XaiverRandomizer x = new XaiverRandomizer(0L);
        x.setRandom(new EncogRandom(SeededRandom.of(1).create()));
        assertThatThrownBy(() -> EncogAdapters.weightsOf(unbiased, x, Shape.of(8, 16)))
                .isInstanceOf(ArrayIndexOutOfBoundsException.class);
    }

    @Test
    void nguyenWidrowWeightsAreAllNonNegativeAndBiasesSymmetric() {
        var layer = EncogAdapters.nguyenWidrow(TANH);
        double[] w = layer.weights().initialize(Shape.of(64, 256), SeededRandom.of(3).create());
        double b = 0.7 * Math.pow(64, 1.0 / 256); // tanh(MAX) - tanh(MIN_VALUE) = 1
        assertThat(Arrays.stream(w).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(Arrays.stream(w).max().orElseThrow()).isLessThan(b).isGreaterThan(0.99 * b);
        double[] bias = layer.biases(16).initialize(Shape.of(4096), SeededRandom.of(3).create());
        assertThat(Arrays.stream(bias).min().orElseThrow()).isLessThan(0);
    }

    @Test
    void nguyenWidrowSigmoidRangeIsTwiceTheActivationRangeRule() {
        // low = sigmoid(Double.MIN_VALUE) = 0.5, not sigmoid(-inf) = 0
        var layer = EncogAdapters.nguyenWidrow(EncogDense.biased(ActivationLinear::new, ActivationSigmoid::new));
        double[] bias = layer.biases(16).initialize(Shape.of(4096), SeededRandom.of(5).create());
        double beta = 0.7 * Math.pow(4096, 1.0 / 16);
        double maxAbs = Arrays.stream(bias).map(Math::abs).max().orElseThrow();
        assertThat(maxAbs).isGreaterThan(1.99 * beta).isLessThan(2 * beta);
    }

    @Test
    void consistentRandomizerWithANegativeSeedLeavesItsRange() {
        BasicNetwork net = TANH.network(64, 32);
        net.reset(-7); // BasicNetwork.reset(int seed): `(new ConsistentRandomizer(-1,1,seed)).randomize(this);`
        double[] w = EncogDense.weights(net);
        assertThat(Arrays.stream(w).max().orElseThrow()).isLessThanOrEqualTo(-1);
        assertThat(Arrays.stream(w).min().orElseThrow()).isGreaterThan(-3);
        net.reset(7);
        double[] ok = EncogDense.weights(net);
        assertThat(Arrays.stream(ok).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(1);
    }

    @Test
    void fanInRandomizerDividesByTheReceivingLayerSize() {
        double[] w = EncogAdapters.fanIn(TANH).weights().initialize(Shape.of(64, 512), SeededRandom.of(9).create());
        double maxAbs = Arrays.stream(w).map(Math::abs).max().orElseThrow();
        assertThat(maxAbs).isLessThanOrEqualTo(2.4 / 64).isGreaterThan(0.99 * 2.4 / 64);
    }

    /** A provider whose every bit is 0. */
    private static UniformRandomProvider zeroBits() {
        return new UniformRandomProvider() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public int nextInt() {
                return 0;
            }
        };
    }
}
