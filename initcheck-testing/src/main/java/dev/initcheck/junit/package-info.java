/**
 * A JUnit 5 contract for a user's initializer: implement {@link dev.initcheck.junit.InitializerContract} in a test
 * class, supply the initializer and the scheme it declares, and its default tests check conformance on generated
 * shapes, symmetry breaking and signal propagation. JUnit Jupiter API is an optional dependency: the user's build
 * provides it.
 *
 * <p><b>Supported API.</b> The public types of this package are initcheck's supported library API: their signatures
 * are listed in {@code docs/api/initcheck-testing.txt} and guarded by {@code TestingApiSurfaceTest}; a change to
 * them is deliberate and shows in that file.
 */
package dev.initcheck.junit;
