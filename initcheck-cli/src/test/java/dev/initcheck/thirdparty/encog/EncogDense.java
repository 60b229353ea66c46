package dev.initcheck.thirdparty.encog;

import dev.initcheck.shape.Shape;
import java.util.Locale;
import java.util.function.Supplier;
import org.encog.engine.network.activation.ActivationFunction;
import org.encog.ml.MLMethod;
import org.encog.neural.networks.BasicNetwork;
import org.encog.neural.networks.layers.BasicLayer;

/**
 * One dense layer pair of an Encog {@link BasicNetwork}, as users build it:
 * {@code addLayer(new BasicLayer(inputActivation, bias, nIn)); addLayer(new BasicLayer(outputActivation, false,
 * nOut)); getStructure().finalizeStructure()}.
 *
 * <p><b>Layout.</b> Encog addresses a weight as {@code getWeight(fromLayer, fromNeuron, toNeuron)}; the flat
 * array stores it at {@code weightIndex[toLayer] + fromNeuron + toNeuron * layerCounts[fromLayer]}
 * ({@code BasicNetwork.setWeight}), i.e. row-major {@code [to][from + bias]}. The weight matrix is therefore
 * read as PyTorch-layout {@code [out, in]} (fan_in = in), value {@code (to, from)} at C index
 * {@code to * in + from}.
 *
 * <p><b>Biases.</b> "The bias neuron is always the last neuron on a layer" ({@code BasicNetwork.setWeight}
 * Javadoc): the bias weight into {@code toNeuron} is {@code getWeight(0, nIn, toNeuron)}. Weights and biases are
 * returned separately; the weight matrix never contains the bias column.
 */
public final class EncogDense {
    private final boolean inputBias;
    private final Supplier<ActivationFunction> inputActivation;
    private final Supplier<ActivationFunction> outputActivation;

    private EncogDense(boolean inputBias, Supplier<ActivationFunction> inputActivation,
                       Supplier<ActivationFunction> outputActivation) {
        this.inputBias = inputBias;
        this.inputActivation = inputActivation;
        this.outputActivation = outputActivation;
    }

    /** A layer pair with a bias neuron on the input layer (Encog's usual {@code BasicLayer(null, true, n)}). */
    public static EncogDense biased(Supplier<ActivationFunction> inputActivation,
                             Supplier<ActivationFunction> outputActivation) {
        return new EncogDense(true, inputActivation, outputActivation);
    }

    /** A layer pair without a bias neuron. */
    public static EncogDense unbiased(Supplier<ActivationFunction> inputActivation,
                               Supplier<ActivationFunction> outputActivation) {
        return new EncogDense(false, inputActivation, outputActivation);
    }

    /** A finalized network with {@code nIn} inputs and {@code nOut} outputs; weights all 0 until randomized. */
    BasicNetwork network(int nIn, int nOut) {
        BasicNetwork net = new BasicNetwork();
        net.addLayer(new BasicLayer(inputActivation == null ? null : inputActivation.get(), inputBias, nIn));
        net.addLayer(new BasicLayer(outputActivation.get(), false, nOut));
        net.getStructure().finalizeStructure();
        return net;
    }

    /** The weight matrix of layer pair 0 in C order of {@code [nOut, nIn]}. */
    static double[] weights(BasicNetwork net) {
        int nIn = net.getLayerNeuronCount(0);
        int nOut = net.getLayerNeuronCount(1);
        double[] out = new double[nIn * nOut];
        for (int to = 0; to < nOut; to++) {
            for (int from = 0; from < nIn; from++) {
                out[to * nIn + from] = net.getWeight(0, from, to);
            }
        }
        return out;
    }

    /** The bias weights into each output neuron, {@code [nOut]}. */
    static double[] biases(BasicNetwork net) {
        int nIn = net.getLayerNeuronCount(0);
        if (!net.isLayerBiased(0)) {
            throw new IllegalStateException("the input layer has no bias neuron");
        }
        int nOut = net.getLayerNeuronCount(1);
        double[] out = new double[nOut];
        for (int to = 0; to < nOut; to++) {
            out[to] = net.getWeight(0, nIn, to);
        }
        return out;
    }

    /** Randomizes a fresh network the way {@code BasicNetwork.reset()} does: {@code randomizer.randomize(net)}. */
    static <M extends MLMethod> M randomize(M net, org.encog.mathutil.randomize.Randomizer randomizer) {
        randomizer.randomize(net); // the MLMethod overload, the interface method every Encog caller uses
        return net;
    }

    /** {@code [out, in]} of a PyTorch-layout weight shape, checked to be a matrix. */
    static int[] outIn(Shape shape) {
        if (shape.rank() != 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an Encog layer pair has a rank-2 weight matrix [out, in], got %s", shape));
        }
        return new int[] {Math.toIntExact(shape.dim(0)), Math.toIntExact(shape.dim(1))};
    }
}
