/**
 * Streaming, mergeable summaries of a tensor read in chunks as stored: {@link
 * dev.initcheck.summary.ChunkSummarizer}, the binned CDF ({@link dev.initcheck.summary.PitHistogram} over {@link
 * dev.initcheck.summary.BinEdges}) and {@link dev.initcheck.summary.StreamingEngine}, which fills a {@link
 * dev.initcheck.summary.StreamingSummary} on several threads.
 *
 * <p><b>Internal.</b> Public only so that initcheck-cli and initcheck-spark can use it; not part of the supported
 * API and without any compatibility promise: a user's code should not depend on it. Its public types are listed by
 * name in {@code docs/api/initcheck-core.txt}, so that a type made public here is a deliberate change.
 */
package dev.initcheck.summary;
