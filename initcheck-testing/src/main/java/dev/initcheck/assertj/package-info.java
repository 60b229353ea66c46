/**
 * AssertJ assertions for weights and initializers: {@link
 * dev.initcheck.assertj.InitcheckAssertions#assertThat(double[])} and its overloads for {@code float[]} and {@link
 * dev.initcheck.scheme.Initializer}, ending in {@code conformsTo(scheme)}, which runs initcheck's checks at a
 * stated false-alarm probability (1e-6 by default). AssertJ is an optional dependency: the user's build provides
 * it.
 *
 * <p><b>Supported API.</b> The public types of this package are initcheck's supported library API: their signatures
 * are listed in {@code docs/api/initcheck-testing.txt} and guarded by {@code TestingApiSurfaceTest}; a change to
 * them is deliberate and shows in that file.
 */
package dev.initcheck.assertj;
