package dev.initcheck.thirdparty.dl4j;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.shape.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The kernel of a Keras {@code Dense} layer as Deeplearning4j 1.0.0-M2.1's Keras model import
 * ({@code deeplearning4j-modelimport}) initialises it from the model's JSON configuration alone:
 * {@code KerasModelImport.importKerasSequentialConfiguration(path)} (or {@code importKerasModelConfiguration(path)}
 * for a functional model), then {@code new MultiLayerNetwork(conf).init()} (or {@code new ComputationGraph(conf)
 * .init()}). No weights are imported: DL4J draws them with the {@code IWeightInit} that
 * {@code KerasInitilizationUtils.mapWeightInitialization} picks for the layer's {@code kernel_initializer}.
 *
 * <p><b>Configurations.</b> The files under {@code src/test-dl4j/resources/dev/initcheck/thirdparty/dl4j/keras/}
 * are written by hand in the layout Keras' {@code Model.to_json()} writes, one line of {@code json.dumps}: the
 * document {@code {"class_name", "config", "keras_version", "backend"}} ({@code Model._updated_config},
 * keras-team/keras v2.12.0 {@code keras/engine/training.py:2966-2981}); a Sequential's {@code config} is
 * {@code {"name", "layers"}} with each layer as {@code {"class_name", "config"}}
 * ({@code keras/engine/sequential.py:450-463}); an initializer as {@code {"class_name", "config"}} with the
 * initializer's {@code get_config()} ({@code VarianceScaling}: scale, mode, distribution, seed,
 * {@code keras/initializers/initializers.py:666-672}; {@code LecunUniform}: seed only, :1012-1013). Two layouts:
 * Keras 2.12 (tf.keras; an {@code InputLayer} first, {@code "distribution": "truncated_normal"}, the class
 * {@code LecunUniform}) and Keras 2.2.4 (no {@code InputLayer}, {@code batch_input_shape} on the Dense layer,
 * {@code "distribution": "normal"}, and {@code lecun_uniform} serialised as
 * {@code VarianceScaling(1.0, fan_in, uniform)}, {@code keras/initializers.py:303-323} at tag 2.2.4). DL4J reads
 * {@code class_name}, {@code config.layers}, {@code keras_version} (its major version), and per Dense layer
 * {@code name}, {@code batch_input_shape}, {@code units}, {@code activation}, {@code use_bias},
 * {@code kernel_initializer} ({@code Keras2LayerConfiguration.LAYER_FIELD_INIT}) with its {@code class_name} and
 * {@code config} ({@code KerasInitilizationUtils.getWeightInitFromConfig}, lines 211-218).
 *
 * <p><b>Layout.</b> DL4J's Dense weight {@code "0_W"} ({@code "dense_W"} in a graph) is {@code [nIn, nOut]}, the
 * Keras kernel layout {@code [in, out]}; the adapter checks the shape and returns the values in C order.
 *
 * <p><b>Randomness.</b> The imported configuration's seed is {@code System.currentTimeMillis()} (the
 * {@code NeuralNetConfiguration.Builder} default); the adapter sets every layer configuration's seed (the graph's
 * default configuration) to a long drawn from the injected provider before {@code init()}, which seeds ND4J's
 * generator with it.
 */
public final class Dl4jKeras {
    private static final String RESOURCES = "/dev/initcheck/thirdparty/dl4j/keras/";

    private Dl4jKeras() {
    }

    /** The Dense kernel of the one-Dense-layer Sequential model {@code file}, imported and initialised by DL4J. */
    public static Initializer sequentialKernel(String file) {
        return (shape, rng) -> kernelValues(sequentialNetwork(file, rng).getParam("0_W"), shape, file);
    }

    /** The kernel of the functional model {@code file}'s Dense layer named {@code dense}. */
    public static Initializer functionalKernel(String file) {
        return (shape, rng) -> kernelValues(functionalGraph(file, rng).getParam("dense_W"), shape, file);
    }

    /** The imported Sequential configuration, as {@code importKerasSequentialConfiguration} returns it. */
    static MultiLayerConfiguration sequentialConfiguration(String file) {
        try {
            return KerasModelImport.importKerasSequentialConfiguration(resource(file).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidKerasConfigurationException | UnsupportedKerasConfigurationException e) {
            throw new IllegalStateException("DL4J cannot import " + file + ": " + e.getMessage(), e);
        }
    }

    /** The imported functional configuration, as {@code importKerasModelConfiguration} returns it. */
    static ComputationGraphConfiguration functionalConfiguration(String file) {
        try {
            return KerasModelImport.importKerasModelConfiguration(resource(file).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidKerasConfigurationException | UnsupportedKerasConfigurationException e) {
            throw new IllegalStateException("DL4J cannot import " + file + ": " + e.getMessage(), e);
        }
    }

    static MultiLayerNetwork sequentialNetwork(String file, UniformRandomProvider rng) {
        MultiLayerConfiguration conf = sequentialConfiguration(file);
        long seed = rng.nextLong();
        for (NeuralNetConfiguration c : conf.getConfs()) {
            c.setSeed(seed);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static ComputationGraph functionalGraph(String file, UniformRandomProvider rng) {
        ComputationGraphConfiguration conf = functionalConfiguration(file);
        conf.getDefaultConfiguration().setSeed(rng.nextLong());
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    private static double[] kernelValues(INDArray w, Shape shape, String file) {
        long[] expected = {shape.dim(0), shape.dim(1)};
        if (shape.rank() != 2 || !Arrays.equals(w.shape(), expected)) {
            throw new IllegalStateException(String.format("%s: DL4J's Dense weight has shape %s, the row asks for %s"
                    + " (the configuration fixes [in, out])", file, Arrays.toString(w.shape()), shape));
        }
        return w.dup('c').data().asDouble();
    }

    /** The resource as a file: the importer takes a path. */
    private static Path resource(String file) throws IOException {
        try (InputStream in = Dl4jKeras.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IOException("no resource " + RESOURCES + file);
            }
            Path tmp = Files.createTempFile("initcheck-keras-", ".json");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        }
    }
}
