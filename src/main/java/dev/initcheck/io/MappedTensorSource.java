package dev.initcheck.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Values stored contiguously in a file at a known offset, read through memory-mapped windows of at
 * most 256 MiB (so files above 2 GiB work). The caller has checked that the file holds exactly
 * {@code info.byteSize()} bytes there, so chunk buffers are sized from a verified count.
 */
final class MappedTensorSource extends AbstractTensorSource {
    static final long DEFAULT_WINDOW = 256L << 20;

    private final FileChannel channel;
    private final long offset;
    private final ByteOrder order;
    private final long window;
    private ChunkDecoder decoder;

    private MappedTensorSource(TensorInfo info, Where where, FileChannel channel, long offset,
            ByteOrder order, long window) {
        super(info, where);
        this.channel = channel;
        this.offset = offset;
        this.order = order;
        this.window = window;
    }

    static MappedTensorSource open(Where where, Path file, TensorInfo info, long offset, ByteOrder order)
            throws IOException {
        return open(where, file, info, offset, order, DEFAULT_WINDOW);
    }

    /** As {@link #open(Where, Path, TensorInfo, long, ByteOrder)} with a window size for tests. */
    static MappedTensorSource open(Where where, Path file, TensorInfo info, long offset, ByteOrder order,
            long window) throws IOException {
        if (window <= 0 || window % Long.BYTES != 0) {
            throw new IllegalArgumentException("window must be a positive multiple of 8: " + window);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new MappedTensorSource(info, where, channel, offset, order, window);
    }

    @Override
    void readPass(ChunkConsumer sink) throws TensorFormatException {
        if (decoder == null) {
            decoder = new ChunkDecoder(info().dtype(), ChunkDecoder.capacityFor(info().size()));
        }
        long total = info().byteSize();
        for (long done = 0; done < total; done += window) {
            ByteBuffer mapped = map(done, Math.min(window, total - done));
            while (mapped.hasRemaining()) {
                int n = decode(mapped);
                sink.accept(decoder.buffer(), n);
            }
        }
    }

    private ByteBuffer map(long start, long length) throws TensorFormatException {
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, offset + start, length).order(order);
        } catch (IOException | RuntimeException e) {
            throw where().wrap("cannot map the data", e);
        }
    }

    private int decode(ByteBuffer mapped) throws TensorFormatException {
        try {
            return decoder.decode(mapped);
        } catch (InternalError | RuntimeException e) {
            // An InternalError reports a fault on mapped memory, e.g. a file truncated meanwhile.
            throw where().wrap("cannot read the data", e);
        }
    }

    @Override
    void release() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was written; a failing close of a read-only channel loses nothing.
        }
    }
}
