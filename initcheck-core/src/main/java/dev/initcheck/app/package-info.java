/**
 * One tensor from a file, checked: exact or streaming ({@link dev.initcheck.app.TensorCheck}), the heap guard, the
 * tensor tasks shared by {@code check} of many tensors and {@code audit}, and the calibration of the false-alarm
 * rates. The command-line application and the distributed audit are built on it.
 *
 * <p><b>Internal.</b> Public only so that initcheck-cli and initcheck-spark can use it; not part of the supported
 * API and without any compatibility promise: a user's code should not depend on it. Its public types are listed by
 * name in {@code docs/api/initcheck-core.txt}, so that a type made public here is a deliberate change.
 */
package dev.initcheck.app;
