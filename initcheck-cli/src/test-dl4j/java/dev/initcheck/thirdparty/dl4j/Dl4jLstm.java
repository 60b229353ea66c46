package dev.initcheck.thirdparty.dl4j;

import dev.initcheck.scheme.Initializer;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Deeplearning4j 1.0.0-M2.1 {@link LSTM} layer initialised as users do it ({@code .weightInit(w).list().layer(new
 * LSTM.Builder().nIn(a).nOut(h).build())}, then {@code init()}), the configuration seed drawn from the provider.
 *
 * <p>{@code LSTMParamInitializer.init} builds the input weights {@code "0_W"} as {@code [nIn, 4 nOut]} and the
 * recurrent weights {@code "0_RW"} as {@code [nOut, 4 nOut]} (Keras layout, gates i, f, o, g side by side) and
 * initialises both with {@code fanIn = nL} (the layer's nOut) and {@code fanOut = nLast + nL} (LSTMParamInitializer.java:129-130).
 */
final class Dl4jLstm {
    private Dl4jLstm() {
    }

    /** The input weights {@code [nIn, 4 nOut]}, or the recurrent ones {@code [nOut, 4 nOut]}, in C order. */
    static Initializer weights(WeightInit init, int nIn, int nOut, boolean recurrent) {
        return (shape, rng) -> {
            long[] expected = recurrent ? new long[] {nOut, 4L * nOut} : new long[] {nIn, 4L * nOut};
            if (!Arrays.equals(shape.dims(), expected)) {
                throw new IllegalArgumentException("this LSTM's " + (recurrent ? "recurrent" : "input")
                        + " weight has shape " + Arrays.toString(expected) + ", asked for " + shape);
            }
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(rng.nextLong()).weightInit(init)
                    .list().layer(new LSTM.Builder().nIn(nIn).nOut(nOut).build()).build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            INDArray w = net.getParam(recurrent ? "0_RW" : "0_W");
            if (!Arrays.equals(w.shape(), expected)) {
                throw new IllegalStateException("DL4J LSTM weight has shape " + Arrays.toString(w.shape()));
            }
            return w.dup('c').data().asDouble();
        };
    }
}
