package dev.initcheck.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One {@code .npy} entry of an open {@code .npz} archive, streamed from the (possibly deflated)
 * entry. The archive's size fields and the header's shape are not trusted for allocation: chunk
 * buffers start at 4096 elements and grow fourfold (up to 65536) only after a full chunk has
 * actually arrived, so they never exceed about 1.5 times the bytes delivered; every pass checks
 * that the entry delivers exactly the declared byte count (neither fewer nor more), and
 * {@link #readAllCOrder} allocates only after one such pass succeeded.
 */
final class NpzEntrySource extends AbstractTensorSource {
    private static final int INITIAL_CHUNK = 4096;

    private final ZipFile zip;
    private final ZipEntry entry;
    private final long headerBytes;
    private final ByteOrder order;
    private final long dataBytes;
    private ChunkDecoder decoder;
    private byte[] bytes;
    private boolean verified;

    NpzEntrySource(TensorInfo info, Where where, ZipFile zip, ZipEntry entry, NpyHeader header) {
        super(info, where);
        this.zip = zip;
        this.entry = entry;
        this.headerBytes = header.dataOffset();
        this.order = header.order();
        this.dataBytes = info.byteSize();
        allocate((int) Math.min(INITIAL_CHUNK, info.size()));
    }

    @Override
    void readPass(ChunkConsumer sink) throws TensorFormatException {
        InputStream in = openAtData();
        try {
            long remaining = dataBytes;
            while (remaining > 0) {
                int want = (int) Math.min(bytes.length, remaining);
                int got = readFully(in, want);
                if (got < want) {
                    throw where().fail("truncated entry: its data end after %d of the %d bytes the header declares",
                            dataBytes - remaining + got, dataBytes);
                }
                int n = decoder.decode(ByteBuffer.wrap(bytes, 0, want).order(order));
                sink.accept(decoder.buffer(), n);
                remaining -= want;
                growAfterFullChunk(remaining);
            }
            if (readFully(in, 1) > 0) {
                throw where().fail("entry holds more than the %d data bytes its header declares", dataBytes);
            }
            verified = true;
        } finally {
            closeQuietly(in);
        }
    }

    @Override
    void verifyBeforeAllocation() throws TensorFormatException {
        if (!verified) {
            readPass((buf, len) -> { });
        }
    }

    private void growAfterFullChunk(long remaining) {
        int capacity = decoder.capacity();
        long target = Math.min(ChunkDecoder.MAX_CHUNK, Math.min(4L * capacity, remaining / itemSize()));
        if (target > capacity) {
            allocate((int) target);
        }
    }

    private void allocate(int capacity) {
        int safe = Math.max(1, capacity);
        decoder = new ChunkDecoder(info().dtype(), safe);
        bytes = new byte[safe * itemSize()];
    }

    private int itemSize() {
        return info().dtype().itemSize();
    }

    private InputStream openAtData() throws TensorFormatException {
        InputStream in = null;
        try {
            in = zip.getInputStream(entry);
            in.skipNBytes(headerBytes);
            return in;
        } catch (IOException | RuntimeException e) {
            closeQuietly(in);
            throw where().wrap("cannot read the archive entry", e);
        }
    }

    private int readFully(InputStream in, int length) throws TensorFormatException {
        try {
            return in.readNBytes(bytes, 0, length);
        } catch (IOException | RuntimeException e) {
            throw where().wrap("corrupt archive entry", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // Read-only stream: nothing is lost.
        }
    }

    @Override
    void release() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // Read-only archive: nothing is lost.
        }
    }
}
