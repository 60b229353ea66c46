/**
 * Initialization schemes: the catalogue ({@link dev.initcheck.scheme.Catalogue}), the grammar
 * {@code name(key=value,...)} read by {@link dev.initcheck.scheme.Scheme#parse(String)}, the law a scheme promises for a
 * shape ({@link dev.initcheck.scheme.Expectation}), the {@link dev.initcheck.scheme.Initializer} interface a user's
 * code implements and the exact reference samplers ({@link dev.initcheck.scheme.ReferenceInitializer}).
 *
 * <p><b>Supported API.</b> The public types of this package are initcheck's supported library API: their signatures
 * are listed in {@code docs/api/initcheck-core.txt} and guarded by {@code ApiSurfaceTest}; a change to them is
 * deliberate and shows in that file.
 */
package dev.initcheck.scheme;
