/**
 * Reproducible randomness: {@link dev.initcheck.random.SeededRandom}, a Commons RNG generator with its seed and
 * order-independent derived streams. Every random result in initcheck records the stream it came from.
 *
 * <p><b>Supported API.</b> The public types of this package are initcheck's supported library API: their signatures
 * are listed in {@code docs/api/initcheck-core.txt} and guarded by {@code ApiSurfaceTest}; a change to them is
 * deliberate and shows in that file.
 */
package dev.initcheck.random;
