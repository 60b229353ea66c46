package dev.initcheck.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Values stored contiguously in a file at a known offset. Regions above 1 MiB are read through
 * memory-mapped windows of at most 256 MiB (so files above 2 GiB work) and never copied whole;
 * smaller regions are read once into a buffer of their size, which avoids a mapping per read of
 * a small file. A file on another file system than the default one (which may not map) is read in heap windows
 * of 8 MiB instead. The caller has checked that the file holds exactly {@code info.byteSize()} bytes
 * there, so all buffers are sized from a verified count.
 */
final class FileTensorSource extends AbstractTensorSource {
    static final long DEFAULT_WINDOW = 256L << 20;
    static final long DEFAULT_READ_LIMIT = 1L << 20;
    /** Window of the heap reads of a file that cannot be mapped: 8 MiB, a multiple of 2^16 values of 8 bytes. */
    static final long HEAP_WINDOW = 8L << 20;

    private final FileChannel channel;
    private final long offset;
    private final ByteOrder order;
    private final long window;
    private final long readLimit;
    /** False for a file on another file system than the default one: read into the heap, not mapped. */
    private final boolean mappable;
    private ChunkDecoder decoder;
    private ByteBuffer smallRegion;

    private FileTensorSource(TensorInfo info, Where where, FileChannel channel, long offset, ByteOrder order,
            long window, long readLimit, boolean mappable) {
        super(info, where);
        this.mappable = mappable;
        this.channel = channel;
        this.offset = offset;
        this.order = order;
        this.window = window;
        this.readLimit = readLimit;
    }

    static FileTensorSource open(Where where, Path file, TensorInfo info, long offset, ByteOrder order)
            throws IOException {
        return open(where, file, info, offset, order, DEFAULT_WINDOW, DEFAULT_READ_LIMIT);
    }

    /** As {@link #open(Where, Path, TensorInfo, long, ByteOrder)} with other sizes, for tests. */
    static FileTensorSource open(Where where, Path file, TensorInfo info, long offset, ByteOrder order,
            long window, long readLimit) throws IOException {
        if (window <= 0 || window % Long.BYTES != 0) {
            throw new IllegalArgumentException("window must be a positive multiple of 8: " + window);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        boolean mappable = file.getFileSystem() == FileSystems.getDefault();
        return new FileTensorSource(info, where, channel, offset, order, mappable ? window
                : Math.min(window, HEAP_WINDOW), readLimit, mappable);
    }

    /** The byte offset of the first value in the file. */
    long dataOffset() {
        return offset;
    }

    ByteOrder byteOrder() {
        return order;
    }

    @Override
    void readPass(ChunkConsumer sink) throws TensorFormatException {
        readRawPass(raw -> {
            double[] values = decoder.buffer();
            if (raw.dtype() != DType.F64) {
                raw.widen(0, raw.length(), values, 0);
            }
            sink.accept(values, raw.length());
        });
    }

    @Override
    void readRawPass(TensorSource.RawChunkConsumer sink) throws TensorFormatException {
        if (decoder == null) {
            decoder = new ChunkDecoder(info().dtype(), ChunkDecoder.capacityFor(info().size()));
        }
        long total = info().byteSize();
        if (total <= readLimit) {
            deliver(smallRegion((int) total), sink);
            return;
        }
        for (long done = 0; done < total; done += window) {
            deliver(map(done, Math.min(window, total - done)), sink);
        }
    }

    private void deliver(ByteBuffer region, TensorSource.RawChunkConsumer sink) throws TensorFormatException {
        while (region.hasRemaining()) {
            decode(region);
            sink.accept(decoder.raw());
        }
    }

    private ByteBuffer smallRegion(int length) throws TensorFormatException {
        if (smallRegion == null) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            try {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + buffer.position()) < 0) {
                        throw where().fail("the file ended %d bytes before the end of the data", buffer.remaining());
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw where().wrap("cannot read the data", e);
            }
            smallRegion = buffer.flip();
        }
        return smallRegion.duplicate().order(order);
    }

    private ByteBuffer map(long start, long length) throws TensorFormatException {
        if (!mappable) {
            return heapWindow(start, length);
        }
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, offset + start, length).order(order);
        } catch (IOException | RuntimeException e) {
            throw where().wrap("cannot map the data", e);
        }
    }

    /**
     * Bytes [start, start + length) of the values read into the heap, for a file on a file system that cannot map
     * (a Hadoop file system seen through java.nio): windows of {@value #HEAP_WINDOW} bytes, a multiple of every
     * chunk's byte size, so chunks fall at the same positions as from a mapping.
     */
    private ByteBuffer heapWindow(long start, long length) throws TensorFormatException {
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + start + buffer.position()) < 0) {
                    throw where().fail("the file ended %d bytes before the end of the data", buffer.remaining());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw where().wrap("cannot read the data", e);
        }
        return buffer.flip().order(order);
    }

    private int decode(ByteBuffer region) throws TensorFormatException {
        try {
            return decoder.decodeRaw(region);
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
