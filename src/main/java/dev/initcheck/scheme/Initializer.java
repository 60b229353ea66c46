package dev.initcheck.scheme;

import dev.initcheck.shape.Shape;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Anything that fills a weight tensor: a reference sampler, a framework adapter, a user's own code.
 * Values are returned in C (row-major) order of {@code shape}; randomness comes only from {@code rng}.
 */
@FunctionalInterface
public interface Initializer {
    double[] initialize(Shape shape, UniformRandomProvider rng);

    /** A readable name for messages: the object's own toString, else its class, or the class a lambda was written in. */
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
