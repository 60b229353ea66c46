package dev.initcheck.spark;

import dev.initcheck.io.ByteRanges;
import dev.initcheck.io.RawChunk;
import dev.initcheck.sample.SampleMoments;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.ChunkSummarizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Summarises one range of a tensor on an executor, as the local streaming pass summarises it: positional reads
 * through Hadoop's {@link FileSystem} (file:, hdfs:, s3a:, ...), decoding by {@link ByteRanges} in chunks of
 * {@value ByteRanges#CHUNK} values at the same positions as the local reader, one fresh {@link SampleMoments} per
 * chunk merged in order, the histogram (or 16-bit float pattern counts) and the line hashes. The lag product
 * across the range's start is taken from the value just before it ({@link SampleMoments#addLagBefore}).
 */
final class RangeReader {
    /** Bytes fetched per positional read: several chunks at once. */
    static final int READ_BYTES = 4 << 20;

    private RangeReader() {
    }

    /**
     * The summary of values [from, to) of {@code job}'s tensor.
     *
     * @throws UncheckedIOException naming the file, the tensor and the byte range when the data cannot be read
     */
    static RangeSummary read(TensorJob job, long from, long to, Map<String, String> hadoop) {
        int item = job.dtype().itemSize();
        long start = job.offset() + from * item;
        long end = job.offset() + to * item;
        try {
            Configuration conf = new Configuration();
            hadoop.forEach(conf::set);
            URI uri = URI.create(job.uri());
            FileSystem fs = FileSystem.get(uri, conf);
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long before = cpu.getCurrentThreadCpuTime();
            try (FSDataInputStream in = fs.open(new Path(uri))) {
                RangeSummary s = summarise(job, from, to, in);
                s.cpuNanos = cpu.getCurrentThreadCpuTime() - before;
                return s;
            }
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException(String.format(java.util.Locale.ROOT,
                    "%s: tensor '%s': cannot read bytes [%d, %d): %s", job.uri(), job.name(), start, end,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e));
        }
    }

    private static RangeSummary summarise(TensorJob job, long from, long to, FSDataInputStream in)
            throws IOException {
        int item = job.dtype().itemSize();
        ByteOrder order = job.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ByteRanges.Decoder decoder = ByteRanges.decoder(job.dtype());
        BinEdges edges = BinEdges.of(job.law(), job.precision(), job.bins());
        ChunkSummarizer share = new ChunkSummarizer(edges, job.dtype(),
                job.hashesLines() ? new long[] {job.rows(), job.cols()} : null);
        SampleMoments moments = SampleMoments.forLaw(job.law());
        double[] prefix = from == 0 ? new double[(int) Math.min(RangeSummary.PREFIX, job.size())] : null;
        int chunkBytes = ByteRanges.CHUNK * item;
        byte[] block = new byte[(int) Math.min(Math.max(chunkBytes, READ_BYTES / chunkBytes * chunkBytes),
                (to - from) * item)];
        long at = from;
        while (at < to) {
            int len = (int) Math.min(block.length, (to - at) * item);
            in.readFully(job.offset() + at * item, block, 0, len);
            ByteBuffer bytes = ByteBuffer.wrap(block, 0, len).order(order);
            while (bytes.hasRemaining()) {
                RawChunk chunk = decoder.decodeRaw(bytes);
                int n = chunk.length();
                if (prefix != null && at < prefix.length) {
                    chunk.widen(0, (int) Math.min(n, prefix.length - at), prefix, (int) at);
                }
                moments.merge(share.add(chunk, at));
                at += n;
            }
        }
        if (from > 0) {
            byte[] one = new byte[item];
            in.readFully(job.offset() + (from - 1) * item, one, 0, item);
            ByteBuffer b = ByteBuffer.wrap(one).order(order);
            decoder.decode(b);
            moments.addLagBefore(decoder.buffer()[0]);
        }
        return new RangeSummary(job.id(), from, to, moments, share.cells(), share.lines(), prefix);
    }
}
