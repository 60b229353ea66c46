/**
 * Weight shapes and their fans: {@link dev.initcheck.shape.Shape}, {@link dev.initcheck.shape.Layout} (PyTorch
 * {@code [out, in, *k]}, Keras {@code [*k, in, out]}), {@link dev.initcheck.shape.Fans} (fan_in = in·rf, fan_out =
 * out·rf, rf = prod(kernel)) and {@link dev.initcheck.shape.FanMode}.
 *
 * <p><b>Supported API.</b> The public types of this package are initcheck's supported library API: their signatures
 * are listed in {@code docs/api/initcheck-core.txt} and guarded by {@code ApiSurfaceTest}; a change to them is
 * deliberate and shows in that file.
 */
package dev.initcheck.shape;
