package dev.initcheck.thirdparty.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.initcheck.scheme.Initializer;
import java.util.function.Supplier;

/**
 * A DJL ({@code ai.djl:api}) {@link ai.djl.training.initializer.Initializer} as an initcheck {@link Initializer}:
 * {@code init.initialize(manager, new ai.djl.ndarray.types.Shape(dims), DataType.FLOAT32)} on the PyTorch engine,
 * read in C order. DJL's own layouts: a {@code Linear} weight is {@code [out, in]}, a {@code Conv2d} weight
 * {@code [out, in, kh, kw]} (PyTorch layout); {@code XavierInitializer} takes fan_in = {@code shape.get(1)·hw},
 * fan_out = {@code shape.head()·hw}, hw = the product of the dimensions after the second.
 *
 * <p>Offline: the engine loads libtorch and its JNI library from the {@code pytorch-native-cpu} (linux-x86_64) and
 * {@code pytorch-jni} jars on the classpath ({@code ai.djl.offline=true}, nothing is downloaded), extracting them to
 * {@code target/djl-cache} unless {@code DJL_CACHE_DIR} says otherwise.
 *
 * <p>Randomness: {@code Engine.setRandomSeed(int)} seeds PyTorch's generator with an int drawn from the injected
 * provider just before the draw; PyTorch's generator, not ours, makes the values.
 */
final class DjlInit {
    static {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", "target/djl-cache");
        }
    }

    private DjlInit() {
    }

    static Initializer of(Supplier<ai.djl.training.initializer.Initializer> make) {
        return (shape, rng) -> {
            try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
                manager.getEngine().setRandomSeed(rng.nextInt());
                NDArray w = make.get().initialize(manager, new ai.djl.ndarray.types.Shape(shape.dims()),
                        DataType.FLOAT32);
                if (w.size() != shape.size()) {
                    throw new IllegalStateException("DJL returned " + w.getShape() + " for " + shape);
                }
                float[] f = w.toFloatArray();
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                return d;
            }
        };
    }

    /** The name of the engine that draws, e.g. {@code PyTorch 2.7.1}. */
    static String engine() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            return manager.getEngine().getEngineName() + " " + manager.getEngine().getVersion();
        }
    }
}
