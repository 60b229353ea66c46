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
}
