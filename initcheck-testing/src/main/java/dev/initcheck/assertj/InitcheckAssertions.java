package dev.initcheck.assertj;

import dev.initcheck.scheme.Initializer;

/**
 * Entry point of initcheck's AssertJ assertions (AssertJ is an optional dependency: add {@code assertj-core} to
 * your test classpath). Use it qualified, {@code InitcheckAssertions.assertThat(...)}, or import only these methods
 * statically: a wildcard import beside AssertJ's own {@code Assertions.*} makes {@code assertThat(double[])}
 * ambiguous.
 *
 * <pre>{@code
 * InitcheckAssertions.assertThat(weights).withShape(256, 512).inLayout(Layout.PYTORCH).conformsTo("he_uniform");
 * InitcheckAssertions.assertThat(myInit).forShapes(Shape.of(256, 512), Shape.of(64, 3, 3, 3)).conformsTo("he_uniform");
 * }</pre>
 */
public final class InitcheckAssertions {
    private InitcheckAssertions() {
    }

    /**
     * Samples stored as float32, checked against the law as stored in float32 (bounds with float32 slack).
     *
     * @param samples the tensor's values in C order (widened exactly to double); null fails {@code conformsTo}
     * @return the assertion; give the shape with {@link SamplesAssert#withShape} before {@code conformsTo}
     */
    public static SamplesAssert assertThat(float[] samples) {
        return SamplesAssert.of(samples);
    }

    /**
     * Samples stored as float64, compared as they are.
     *
     * @param samples the tensor's values in C order (not copied); null fails {@code conformsTo}
     * @return the assertion; give the shape with {@link SamplesAssert#withShape} before {@code conformsTo}
     */
    public static SamplesAssert assertThat(double[] samples) {
        return SamplesAssert.of(samples);
    }

    /**
     * An initializer, checked by {@link InitializerAssert#conformsTo} on tensors it draws: of the shapes given to
     * {@link InitializerAssert#forShapes} before, or of {@link InitializerAssert#defaultShapes}.
     *
     * @param initializer the initializer under test; null fails {@code conformsTo}
     * @return the assertion
     */
    public static InitializerAssert assertThat(Initializer initializer) {
        return new InitializerAssert(initializer);
    }
}
