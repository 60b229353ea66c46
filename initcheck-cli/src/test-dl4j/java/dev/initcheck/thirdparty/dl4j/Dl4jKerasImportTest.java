package dev.initcheck.thirdparty.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitLecunUniform;
import org.deeplearning4j.nn.weights.WeightInitVarScalingNormalFanAvg;
import org.deeplearning4j.nn.weights.WeightInitVarScalingNormalFanIn;
import org.deeplearning4j.nn.weights.WeightInitVarScalingUniformFanAvg;
import org.deeplearning4j.nn.weights.WeightInitVarScalingUniformFanIn;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the Keras-import rows rely on, observed on deeplearning4j-modelimport 1.0.0-M2.1: the hand-written Keras
 * configurations import offline, each {@code kernel_initializer} becomes the DL4J initializer that
 * {@code KerasInitilizationUtils.mapWeightInitialization} names for it, the kernel is {@code [in, out]}, and its
 * values follow the injected seed. Deterministic: no statistical assertion.
 */
class Dl4jKerasImportTest {

    /** Every configuration file of {@link Dl4jKerasCases} and the initializer DL4J builds from it. */
    private static final Map<String, IWeightInit> MAPPING = Map.ofEntries(
            Map.entry("sequential-vs-truncated_normal-fan_in-scale1.json", new WeightInitVarScalingUniformFanIn(1.0)),
            Map.entry("sequential-vs-truncated_normal-fan_in-scale2.json", new WeightInitVarScalingUniformFanIn(2.0)),
            Map.entry("sequential-vs-truncated_normal-fan_avg-scale1.json", new WeightInitVarScalingUniformFanAvg(1.0)),
            Map.entry("sequential-vs-truncated_normal-fan_avg-scale2.json", new WeightInitVarScalingUniformFanAvg(2.0)),
            Map.entry("sequential-vs-normal-fan_in-scale1.json", new WeightInitVarScalingNormalFanIn(1.0)),
            Map.entry("sequential-vs-normal-fan_in-scale2.json", new WeightInitVarScalingNormalFanIn(2.0)),
            Map.entry("sequential-vs-normal-fan_avg-scale1.json", new WeightInitVarScalingNormalFanAvg(1.0)),
            Map.entry("sequential-vs-normal-fan_avg-scale2.json", new WeightInitVarScalingNormalFanAvg(2.0)),
            Map.entry("sequential-lecun_uniform.json", new WeightInitLecunUniform()),
            Map.entry("sequential-lecun_uniform-keras-2.2.4.json", new WeightInitVarScalingUniformFanIn(1.0)));

    @Test
    void eachKerasInitializerBecomesTheDl4jInitializerTheMappingNames() {
        MAPPING.forEach((file, expected) -> {
            var conf = Dl4jKeras.sequentialConfiguration(file);
            assertThat(conf.getConfs()).as(file).hasSize(1);
            DenseLayer dense = (DenseLayer) conf.getConf(0).getLayer();
            assertThat(dense.getWeightInitFn()).as(file).isEqualTo(expected);
            assertThat(dense.getNIn()).as(file).isEqualTo(Dl4jKerasCases.IN);
            assertThat(dense.getNOut()).as(file).isEqualTo(Dl4jKerasCases.OUT);
        });
    }

    @Test
    void functionalImportMapsTruncatedNormalAsTheSequentialOneDoes() {
        var graph = Dl4jKeras.functionalConfiguration("functional-vs-truncated_normal-fan_in-scale1.json");
        var layer = ((LayerVertex) graph.getVertices().get("dense")).getLayerConf().getLayer();
        assertThat(((BaseLayer) layer).getWeightInitFn()).isEqualTo(new WeightInitVarScalingUniformFanIn(1.0));
        assertThat(((FeedForwardLayer) layer).getNIn()).isEqualTo(Dl4jKerasCases.IN);
    }

    @Test
    void kernelIsInByOutInCOrderAndFollowsTheInjectedSeed() {
        String file = "sequential-lecun_uniform.json";
        Shape s = Dl4jKerasCases.KERNEL;
        double[] a = Dl4jKeras.sequentialKernel(file).initialize(s, SeededRandom.of(4).create());
        double[] b = Dl4jKeras.sequentialKernel(file).initialize(s, SeededRandom.of(4).create());
        double[] c = Dl4jKeras.sequentialKernel(file).initialize(s, SeededRandom.of(5).create());
        assertThat(a).hasSize(Dl4jKerasCases.IN * Dl4jKerasCases.OUT);
        assertThat(Arrays.equals(a, b)).as("the same seed draws the same kernel").isTrue();
        assertThat(Arrays.equals(a, c)).as("another seed draws another kernel").isFalse();
        INDArray w = Dl4jKeras.sequentialNetwork(file, SeededRandom.of(4).create()).getParam("0_W");
        assertThat(w.shape()).containsExactly(Dl4jKerasCases.IN, Dl4jKerasCases.OUT);
        for (int i : new int[] {0, 1, 255, 511}) {
            for (int j : new int[] {0, 1, 128, 255}) {
                assertThat(a[i * Dl4jKerasCases.OUT + j]).isEqualTo(w.getDouble(i, j));
            }
        }
    }
}
