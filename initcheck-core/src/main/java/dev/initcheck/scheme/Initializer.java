package dev.initcheck.scheme;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.shape.Shape;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Anything that fills a weight tensor: a reference sampler, a framework adapter, a user's own code.
 * Values are returned in C (row-major) order of {@code shape}; randomness comes only from {@code rng}.
 */
@FunctionalInterface
public interface Initializer {
    /**
     * Fills one weight tensor.
     *
     * @param shape the tensor's shape; its meaning (which dimension is in, which out) is the layout the initializer
     *     was written for
     * @param rng the only source of randomness: the same generator state must give the same values
     * @return {@code shape.size()} values in C (row-major) order
     */
    double[] initialize(Shape shape, UniformRandomProvider rng);

    /**
     * Tensor k of a run, drawn from its own stream {@code root.derive(label + k)}.
     *
     * @param init the initializer
     * @param shape the tensor's shape
     * @param root the run's stream; tensor k uses {@code root.derive(label + k)}, so draws do not depend on order
     * @param label names the run, e.g. the scheme
     * @param k the tensor's index, 0 or more
     * @return the tensor's values, C order
     * @throws IllegalStateException when the initializer returns null or a number of values other than the shape's
     *     size
     */
    static double[] draw(Initializer init, Shape shape, SeededRandom root, String label, int k) {
        double[] w = init.initialize(shape, root.derive(label + k).create());
        if (w == null || w.length != shape.size()) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the initializer %s returned %s values for shape %s (%d expected)", nameOf(init),
                    w == null ? "no" : String.valueOf(w.length), shape, shape.size()));
        }
        return w;
    }

    /**
     * The first n values of tensors 0, 1, 2, ... of one shape, each drawn as by {@link #draw}: independent draws of
     * one law (it depends on the shape only through its fans), so small shapes can be checked with more values.
     *
     * @param init the initializer
     * @param shape the tensor's shape
     * @param root the run's stream
     * @param label names the run
     * @param n how many values, 0 or more; ceil(n / size) tensors are drawn
     * @return n values: tensor 0's in C order, then tensor 1's, ...
     * @throws IllegalStateException as {@link #draw}
     * @throws ArithmeticException when the shape has more than {@link Integer#MAX_VALUE} elements
     */
    static double[] pool(Initializer init, Shape shape, SeededRandom root, String label, int n) {
        double[] out = new double[n];
        int size = Math.toIntExact(shape.size());
        for (int k = 0, at = 0; at < n; k++, at += size) {
            System.arraycopy(draw(init, shape, root, label, k), 0, out, at, Math.min(size, n - at));
        }
        return out;
    }

    /**
     * A readable name for messages: the object's own toString, else its class, or the class a lambda was written in.
     *
     * @param o any object, or null
     * @return its {@code toString()} unless that is {@code Object}'s default; else the simple class name, or
     *     {@code "a lambda in Outer"}
     */
    static String nameOf(Object o) {
        String s = String.valueOf(o);
        if (o == null || !s.equals(o.getClass().getName() + "@" + Integer.toHexString(o.hashCode()))) {
            return s;
        }
        String n = o.getClass().getName();
        int lambda = n.indexOf("$$Lambda");
        return lambda >= 0 ? "a lambda in " + n.substring(n.lastIndexOf('.') + 1, lambda)
                : n.substring(n.lastIndexOf('.') + 1);
    }
}
