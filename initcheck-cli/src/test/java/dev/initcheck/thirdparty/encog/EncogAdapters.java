package dev.initcheck.thirdparty.encog;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Shape;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.encog.mathutil.randomize.BasicRandomizer;
import org.encog.mathutil.randomize.ConsistentRandomizer;
import org.encog.mathutil.randomize.ConstRandomizer;
import org.encog.mathutil.randomize.FanInRandomizer;
import org.encog.mathutil.randomize.GaussianRandomizer;
import org.encog.mathutil.randomize.NguyenWidrowRandomizer;
import org.encog.mathutil.randomize.RangeRandomizer;
import org.encog.mathutil.randomize.Randomizer;
import org.encog.mathutil.randomize.XaiverRandomizer;

/**
 * Encog 3.4 randomizers ({@code org.encog.mathutil.randomize}) as {@link Initializer}s of one dense layer pair
 * (see {@link EncogDense} for the layout and the bias column). Each call builds a fresh network, randomizes it
 * through {@code Randomizer.randomize(MLMethod)} — what {@code BasicNetwork.reset()} calls — and reads the weight
 * matrix {@code [out, in]} or the bias vector {@code [out]}. Every random draw comes from the injected provider:
 * {@code setRandom(new EncogRandom(rng))} replaces the Mersenne twister that {@code BasicRandomizer}'s constructor
 * seeds from {@code System.nanoTime()} (and {@code XaiverRandomizer}'s from its {@code seed} argument) before any
 * draw; {@code ConsistentRandomizer}, which owns a private LCG, gets its {@code int} seed from the provider.
 */
public final class EncogAdapters {
    private EncogAdapters() {
    }

    /** A randomizer bound to one layer topology; gives the weight and the bias initializers. */
    public record Layer(EncogDense topology, Function<UniformRandomProvider, Randomizer> randomizer) {

        /** Shape {@code [out, in]}, C order. */
        public Initializer weights() {
            return (shape, rng) -> {
                int[] oi = EncogDense.outIn(shape);
                return EncogDense.weights(EncogDense.randomize(topology.network(oi[1], oi[0]), randomizer.apply(rng)));
            };
        }

        /** Shape {@code [out]}: the bias weights of a layer pair with {@code nIn} inputs. */
        public Initializer biases(int nIn) {
            return (shape, rng) -> {
                if (shape.rank() != 1) {
                    throw new IllegalArgumentException("a bias vector has shape [out], got " + shape);
                }
                int nOut = Math.toIntExact(shape.dim(0));
                return EncogDense.biases(EncogDense.randomize(topology.network(nIn, nOut), randomizer.apply(rng)));
            };
        }
    }

    private static <R extends BasicRandomizer> Function<UniformRandomProvider, Randomizer> injected(
            java.util.function.Supplier<R> make) {
        return rng -> {
            R r = make.get();
            r.setRandom(new EncogRandom(rng));
            return r;
        };
    }

    /**
     * {@code new RangeRandomizer(min, max)}. Javadoc: "A randomizer that will create random weight and bias values
     * that are between a specified range." Code: {@code nextDouble(min, max) = (max - min) * random.nextDouble()
     * + min} for every weight and bias ({@code BasicRandomizer.randomize(BasicNetwork, int)} loops to
     * {@code getLayerTotalNeuronCount}, bias included).
     */
    public static Layer range(EncogDense topology, double min, double max) {
        return new Layer(topology, injected(() -> new RangeRandomizer(min, max)));
    }

    /**
     * {@code new GaussianRandomizer(mean, sd)}. Javadoc: "Generate random numbers that fall within a Gaussian
     * curve. The mean represents the center of the curve, and the standard deviation helps determine the length
     * of the curve on each side. [...] Uses the "Box Muller" method." Code: Marsaglia's polar form
     * ({@code w = x1*x1 + x2*x2} rejected unless {@code w < 1}, {@code w = sqrt(-2 ln w / w)}), returning
     * {@code m + y1 * s}; weights and biases alike.
     */
    public static Layer gaussian(EncogDense topology, double mean, double sd) {
        return new Layer(topology, injected(() -> new GaussianRandomizer(mean, sd)));
    }

    /**
     * {@code new ConstRandomizer(value)}. Javadoc: "A randomizer that will create always set the random number to
     * a const value, used mainly for testing." Every weight and bias equals {@code value}.
     */
    public static Layer constant(EncogDense topology, double value) {
        return new Layer(topology, injected(() -> new ConstRandomizer(value)));
    }

    /**
     * {@code new FanInRandomizer()} (defaults {@code -2.4, 2.4, sqrt=false}). Javadoc: "A randomizer that attempts
     * to create starting weight values that are conducive to propagation training. [...] From: Neural Networks -
     * A Comprehensive Foundation, Haykin, chapter 6.7"; {@code calculateValue(rows)}: "Calculate the fan-in
     * value", {@code lowerBound / rows + nextDouble() * (upperBound - lowerBound) / rows}, i.e.
     * U(±2.4 / F) — Haykin's rule with F the number of inputs (fan-in) of the neuron. Code path for a network:
     * {@code randomize(BasicNetwork, fromLayer)} calls {@code calculateValue(toCount)} with
     * {@code toCount = network.getLayerNeuronCount(fromLayer+1)}, the size of the <em>receiving</em> layer.
     */
    public static Layer fanIn(EncogDense topology) {
        return new Layer(topology, injected(FanInRandomizer::new));
    }

    /**
     * {@code new NguyenWidrowRandomizer()}, the randomizer {@code BasicNetwork.reset()} uses for sigmoid/tanh
     * networks of 3 or more layers. Javadoc: "Implementation of <i>Nguyen-Widrow</i> weight initialization. This
     * is the default weight initialization used by Encog, as it generally provides the most train-able neural
     * network." Nguyen and Widrow (IJCNN 1990): weights drawn symmetric about 0 and each hidden unit's weight
     * vector rescaled to norm beta = 0.7 H^(1/n) (n inputs, H units), biases U(-beta, beta). Code:
     * {@code b = 0.7d * Math.pow(toCount, (1d / fromCount)) / (high-low)} with {@code low = f(Double.MIN_VALUE)},
     * {@code high = f(Double.MAX_VALUE)} of the receiving layer's activation f; biases {@code nextDouble(-b, b)},
     * weights {@code nextDouble(0, b)}, no rescaling.
     */
    public static Layer nguyenWidrow(EncogDense topology) {
        return new Layer(topology, injected(NguyenWidrowRandomizer::new));
    }

    /**
     * {@code new XaiverRandomizer()} (sic). No Javadoc on the class or its formula; the name refers to Xavier
     * Glorot's initialisation (Glorot and Bengio, AISTATS 2010, eq. 16, "normalized initialization":
     * U(±sqrt(6)/sqrt(n_j + n_{j+1}))). Code ({@code randomize(BasicNetwork, fromLayer)}): biases
     * {@code network.setWeight(fromLayer, fromCount, toNeuron, 0)}; weights {@code rnd.nextDouble(-d, d)} with
     * {@code d = 2/Math.sqrt((fromCount+toCount))}, or {@code d = 2/Math.sqrt(fromCount)} when
     * {@code network.getActivation(fromLayer) instanceof ActivationReLU}.
     */
    public static Layer xavier(EncogDense topology) {
        return new Layer(topology, rng -> {
            XaiverRandomizer r = new XaiverRandomizer(0L); // seed replaced below, before any draw
            r.setRandom(new EncogRandom(rng));
            return r;
        });
    }

    /**
     * {@code new ConsistentRandomizer(min, max, seed)}. Javadoc: "A randomizer that takes a seed and will always
     * produce consistent results"; constructor: "@param min The minimum random value. @param max The maximum random
     * value. @param seed The seed value." Its generator is Encog's own {@code LinearCongruentialRandom(seed)}
     * (GCC constants, modulus 2^32), which cannot be replaced; the seed is drawn from the injected provider by
     * {@code seedPolicy}. {@code BasicNetwork.reset(int seed)} is {@code new ConsistentRandomizer(-1,1,seed)}.
     */
    public static Layer consistent(EncogDense topology, double min, double max, SeedPolicy seedPolicy) {
        return new Layer(topology, rng -> new ConsistentRandomizer(min, max, seedPolicy.draw(rng)));
    }

    /** How a test draws the {@code int} seed of a randomizer that only takes a seed. */
    public enum SeedPolicy {
        /** A uniformly drawn seed in [0, 2^31). */
        NON_NEGATIVE,
        /** A uniformly drawn seed in [-2^31, 0). */
        NEGATIVE;

        int draw(UniformRandomProvider rng) {
            int bits = rng.nextInt();
            return this == NON_NEGATIVE ? bits >>> 1 : bits | Integer.MIN_VALUE;
        }
    }

    /** For tests that need a whole randomized network. */
    static double[] weightsOf(EncogDense topology, Randomizer randomizer, Shape shape) {
        int[] oi = EncogDense.outIn(shape);
        return EncogDense.weights(EncogDense.randomize(topology.network(oi[1], oi[0]), randomizer));
    }
}
