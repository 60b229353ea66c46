package dev.initcheck.thirdparty.tensorflow;

import dev.initcheck.scheme.Initializer;
import java.util.function.LongFunction;
import org.tensorflow.Operand;
import org.tensorflow.framework.initializers.BaseInitializer;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A TensorFlow Java ({@code org.tensorflow:tensorflow-framework}) initializer as an {@link Initializer}: an eager
 * session ({@code Ops.create()}), {@code initializer.call(tf, tf.constant(shape), TFloat32.class)}, the result read
 * in C order (TensorFlow's own order; a dense kernel is {@code [in, out]}, a 2-D convolution kernel
 * {@code [kh, kw, in, out]}: the Keras layout).
 *
 * <p>Randomness: every initializer takes a {@code long seed} and draws through a stateless random op with seeds
 * {@code {seed, 0}}; the seed is drawn from the injected provider. TensorFlow's Philox generator, not ours, makes
 * the values.
 */
final class TfInit {
    private TfInit() {
    }

    static Initializer of(LongFunction<BaseInitializer<TFloat32>> make) {
        return (shape, rng) -> {
            BaseInitializer<TFloat32> init = make.apply(rng.nextLong());
            try (var session = org.tensorflow.EagerSession.create()) {
                Ops tf = Ops.create(session);
                Operand<TFloat32> out = init.call(tf, tf.constant(shape.dims()), TFloat32.class);
                try (TFloat32 t = out.asTensor()) {
                    long size = t.size();
                    if (size != shape.size()) {
                        throw new IllegalStateException("TensorFlow returned " + t.shape() + " for " + shape);
                    }
                    float[] f = new float[Math.toIntExact(size)];
                    t.asRawTensor().data().asFloats().read(f);
                    double[] d = new double[f.length];
                    for (int i = 0; i < f.length; i++) {
                        d[i] = f[i];
                    }
                    return d;
                }
            }
        };
    }
}
