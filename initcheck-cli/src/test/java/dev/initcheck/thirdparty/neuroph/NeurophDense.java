package dev.initcheck.thirdparty.neuroph;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Shape;
import dev.initcheck.thirdparty.ProviderRandom;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.neuroph.core.Connection;
import org.neuroph.core.Layer;
import org.neuroph.core.Neuron;
import org.neuroph.nnet.MultiLayerPerceptron;
import org.neuroph.nnet.comp.neuron.BiasNeuron;
import org.neuroph.util.random.WeightsRandomizer;

/**
 * The first hidden layer of a Neuroph 2.92 {@link MultiLayerPerceptron}, built as users build it:
 * {@code new MultiLayerPerceptron(nIn, nHidden, 1)} (sigmoid units, {@code useBias = true}), then
 * {@code network.randomizeWeights(randomizer)}.
 *
 * <p><b>Layout.</b> {@code createNetwork} adds a {@code BiasNeuron} as the last neuron of the input layer and
 * {@code ConnectionFactory.fullConnect(prevLayer, layer)} gives every neuron of the hidden layer one input
 * {@code Connection} per neuron of the input layer, the bias neuron included ({@code BiasNeuron.addInputConnection}
 * is a no-op, so the hidden layer's own bias neuron has none). The weight of input {@code i} into hidden unit
 * {@code j} is returned at C index {@code j * nIn + i} of {@code [nHidden, nIn]} (PyTorch layout, fan_in = nIn);
 * the weight from the bias neuron into unit {@code j} is bias {@code j}.
 *
 * <p><b>Randomness.</b> Every randomizer draws from its {@code java.util.Random}; the adapter sets it to a
 * {@link ProviderRandom} over the injected provider ({@code setRandomGenerator}) before
 * {@code randomizeWeights}. The constructor's own {@code randomizeWeights(new RangeRandomizer(-0.7, 0.7))}, drawn
 * from an unseeded {@code java.util.Random}, is overwritten entirely.
 */
public final class NeurophDense {
    private NeurophDense() {
    }

    /** Weights {@code [nHidden, nIn]} after {@code randomizeWeights(randomizer)}. */
    public static Initializer weights(Supplier<WeightsRandomizer> randomizer) {
        return fromNetwork(randomizer, NeurophDense::outIn, true);
    }

    /** Biases {@code [nHidden]} of a hidden layer with {@code nIn} inputs after {@code randomizeWeights}. */
    public static Initializer biases(Supplier<WeightsRandomizer> randomizer, int nIn) {
        return fromNetwork(randomizer, (shape) -> {
            if (shape.rank() != 1) {
                throw new IllegalArgumentException("a bias vector has shape [out], got " + shape);
            }
            return new int[] {Math.toIntExact(shape.dim(0)), nIn};
        }, false);
    }

    /** {@code network.randomizeWeights(Random)}: the library's own entry point that takes a generator. */
    public static Initializer weightsByRandom() {
        return (shape, rng) -> {
            int[] oi = outIn(shape);
            MultiLayerPerceptron net = new MultiLayerPerceptron(oi[1], oi[0], 1);
            net.randomizeWeights(new ProviderRandom(rng));
            return read(net, oi[1], true);
        };
    }

    private static Initializer fromNetwork(Supplier<WeightsRandomizer> randomizer,
                                           Function<Shape, int[]> hiddenIn, boolean weights) {
        return (shape, rng) -> {
            int[] hi = hiddenIn.apply(shape);
            MultiLayerPerceptron net = network(hi[1], hi[0], randomizer.get(), rng);
            return read(net, hi[1], weights);
        };
    }

    /** An MLP {@code nIn -> nHidden -> 1} randomized by {@code randomizer}, which draws from {@code rng}. */
    static MultiLayerPerceptron network(int nIn, int nHidden, WeightsRandomizer randomizer,
                                       UniformRandomProvider rng) {
        MultiLayerPerceptron net = new MultiLayerPerceptron(nIn, nHidden, 1);
        randomizer.setRandomGenerator(new ProviderRandom(rng));
        net.randomizeWeights(randomizer);
        return net;
    }

    /** The hidden layer's weights ({@code [nHidden, nIn]}, C order) or biases ({@code [nHidden]}). */
    static double[] read(MultiLayerPerceptron net, int nIn, boolean weights) {
        List<Neuron> inputs = List.of(net.getLayerAt(0).getNeurons());
        List<Neuron> hidden = units(net.getLayerAt(1));
        double[] out = new double[weights ? hidden.size() * nIn : hidden.size()];
        for (int j = 0; j < hidden.size(); j++) {
            Connection[] in = hidden.get(j).getInputConnections();
            if (in.length != nIn + 1) {
                throw new IllegalStateException("hidden unit " + j + " has " + in.length + " inputs, expected "
                        + (nIn + 1));
            }
            for (Connection c : in) {
                double w = c.getWeight().getValue();
                if (c.getFromNeuron() instanceof BiasNeuron) {
                    if (!weights) {
                        out[j] = w;
                    }
                } else if (weights) {
                    out[j * nIn + inputs.indexOf(c.getFromNeuron())] = w;
                }
            }
        }
        return out;
    }

    /** The neurons of a layer that compute (every neuron but its {@code BiasNeuron}). */
    static List<Neuron> units(Layer layer) {
        return List.of(layer.getNeurons()).stream().filter(n -> !(n instanceof BiasNeuron)).toList();
    }

    /** Every input weight of every unit of {@code layer}, the bias weights included (what Neuroph normalizes). */
    static double[] incoming(Layer layer) {
        return units(layer).stream().flatMap(n -> List.of(n.getInputConnections()).stream())
                .mapToDouble(c -> c.getWeight().getValue()).toArray();
    }

    static int[] outIn(Shape shape) {
        if (shape.rank() != 2) {
            throw new IllegalArgumentException("a Neuroph dense weight has shape [out, in], got " + shape);
        }
        return new int[] {Math.toIntExact(shape.dim(0)), Math.toIntExact(shape.dim(1))};
    }
}
