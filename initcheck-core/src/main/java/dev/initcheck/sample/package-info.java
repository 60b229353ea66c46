/**
 * What the checks read from a sample: one-pass mergeable moments ({@link dev.initcheck.sample.SampleMoments} with
 * exact sums), the sorted sample and its Kolmogorov–Smirnov statistic, and the row and column hashes of the
 * duplicate checks.
 *
 * <p><b>Internal.</b> Public only so that initcheck-cli and initcheck-spark can use it; not part of the supported
 * API and without any compatibility promise: a user's code should not depend on it. Its public types are listed by
 * name in {@code docs/api/initcheck-core.txt}, so that a type made public here is a deliberate change.
 */
package dev.initcheck.sample;
