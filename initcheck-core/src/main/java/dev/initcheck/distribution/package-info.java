/**
 * Exact laws of weight entries: {@link dev.initcheck.distribution.Distribution} (CDF, density, quantiles, exact
 * moments, support) and its families {@link dev.initcheck.distribution.Uniform}, {@link
 * dev.initcheck.distribution.Normal}, {@link dev.initcheck.distribution.TruncatedNormal}, {@link
 * dev.initcheck.distribution.PointMass} and {@link dev.initcheck.distribution.OrthogonalEntry}; the storage formats
 * ({@link dev.initcheck.distribution.Precision}: float16, bfloat16, float32, float64, rounding to nearest even) and
 * the law of a value as stored ({@link dev.initcheck.distribution.StoredLaw}).
 *
 * <p><b>Supported API.</b> The public types of this package are initcheck's supported library API: their signatures
 * are listed in {@code docs/api/initcheck-core.txt} and guarded by {@code ApiSurfaceTest}; a change to them is
 * deliberate and shows in that file.
 */
package dev.initcheck.distribution;
