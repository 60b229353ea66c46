package dev.initcheck.thirdparty.dl4j;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.Distribution;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Deeplearning4j 1.0.0-M2.1 {@link DenseLayer} initialised the way users do it:
 * {@code new NeuralNetConfiguration.Builder().seed(s).weightInit(w).list().layer(new DenseLayer.Builder().nIn(a)
 * .nOut(b).build()).build()}, then {@code new MultiLayerNetwork(conf).init()}.
 *
 * <p><b>Layout.</b> {@code DefaultParamInitializer.createWeightMatrix} builds the weight as
 * {@code shape = new long[] {nIn, nOut}} and calls {@code weightInit.init(nIn, nOut, shape,
 * IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, view)} — fan_in = nIn = shape[0], fan_out = nOut = shape[1], order
 * {@code 'f'}: the Keras layout {@code [in, out]}. The adapter checks the shape of {@code getParam("0_W")} and
 * returns its values in C order ({@code dup('c')}).
 *
 * <p><b>Randomness.</b> {@code MultiLayerNetwork.init()} runs {@code Nd4j.getRandom().setSeed(
 * getDefaultConfiguration().getSeed())} before initialising parameters, and every {@code IWeightInit} draws from
 * {@code Nd4j.getRandom()}; the configuration seed is drawn from the injected provider. ND4J's generator (a
 * native counter-based one) cannot be replaced by ours; the seed is what we inject.
 *
 * <p>Values are ND4J's default {@code FLOAT} (float32), widened exactly to double.
 */
public final class Dl4jDense {
    private Dl4jDense() {
    }

    /** {@code .weightInit(WeightInit)}. */
    public static Initializer weights(WeightInit init) {
        return fromBuilder(b -> b.weightInit(init));
    }

    /** {@code .weightInit(IWeightInit)}: an initializer object, e.g. {@code new WeightInitVarScalingUniformFanIn(2.0)}. */
    public static Initializer weights(IWeightInit init) {
        return fromBuilder(b -> b.weightInit(init));
    }

    /** {@code .weightInit(Distribution)}: {@code WeightInit.DISTRIBUTION} with that distribution. */
    public static Initializer weights(Distribution distribution) {
        return fromBuilder(b -> b.weightInit(distribution));
    }

    /** The bias vector {@code [nOut]} of a layer of {@code nIn} inputs (DL4J's {@code biasInit}, default 0). */
    public static Initializer biases(WeightInit init, int nIn) {
        return (shape, rng) -> {
            if (shape.rank() != 1) {
                throw new IllegalArgumentException("a bias vector has shape [out], got " + shape);
            }
            MultiLayerNetwork net = network(b -> b.weightInit(init), nIn, Math.toIntExact(shape.dim(0)), rng);
            return net.getParam("0_b").dup('c').data().asDouble();
        };
    }

    private static Initializer fromBuilder(Consumer<NeuralNetConfiguration.Builder> config) {
        return (shape, rng) -> {
            if (shape.rank() != 2) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a DL4J dense weight has shape [nIn, nOut], got %s", shape));
            }
            int nIn = Math.toIntExact(shape.dim(0));
            int nOut = Math.toIntExact(shape.dim(1));
            INDArray w = network(config, nIn, nOut, rng).getParam("0_W");
            if (!Arrays.equals(w.shape(), new long[] {nIn, nOut})) {
                throw new IllegalStateException("DL4J dense weight has shape " + Arrays.toString(w.shape())
                        + ", expected [nIn, nOut] = " + shape);
            }
            return w.dup('c').data().asDouble();
        };
    }

    /** A one-layer network, initialised, with the configuration seed drawn from {@code rng}. */
    static MultiLayerNetwork network(Consumer<NeuralNetConfiguration.Builder> config, int nIn, int nOut,
                                     UniformRandomProvider rng) {
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(rng.nextLong());
        config.accept(b);
        MultiLayerConfiguration conf = b.list().layer(new DenseLayer.Builder().nIn(nIn).nOut(nOut).build()).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The raw buffer of the weight view in DL4J's storage order ('f', index i + j·nIn). */
    static double[] storageOrder(WeightInit init, Shape shape, UniformRandomProvider rng) {
        int nIn = Math.toIntExact(shape.dim(0));
        int nOut = Math.toIntExact(shape.dim(1));
        INDArray w = network(b -> b.weightInit(init), nIn, nOut, rng).getParam("0_W");
        return w.dup('f').data().asDouble();
    }
}
