package dev.initcheck.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * A read-only {@link java.nio.channels.FileChannel} over a Hadoop input stream: every read is a positional read
 * ({@link FSDataInputStream#readFully(long, byte[], int, int)}) of the bytes asked for, no more. Memory mapping is
 * not offered; the tensor readers read such files into heap windows instead.
 */
final class HadoopChannel extends java.nio.channels.FileChannel {
    /** Largest single positional read into a direct buffer. */
    private static final int COPY_BYTES = 1 << 20;

    private final FSDataInputStream in;
    private final long size;
    private final String file;
    private final HeaderCache headers;
    private long position;

    /** A channel on {@code in}, whose header reads go through {@code headers} (null: no cache). */
    HadoopChannel(FSDataInputStream in, long size, String file, HeaderCache headers) {
        this.in = in;
        this.size = size;
        this.file = file;
        this.headers = headers;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
        }
        return total;
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        if (at < 0) {
            throw new IllegalArgumentException("negative position " + at);
        }
        if (at >= size) {
            return dst.hasRemaining() ? -1 : 0;
        }
        int len = (int) Math.min(dst.remaining(), size - at);
        if (dst.hasArray()) {
            readFully(at, dst.array(), dst.arrayOffset() + dst.position(), len);
            dst.position(dst.position() + len);
        } else {
            len = Math.min(len, COPY_BYTES);
            byte[] b = new byte[len];
            readFully(at, b, 0, len);
            dst.put(b);
        }
        return len;
    }

    private void readFully(long at, byte[] b, int off, int len) throws IOException {
        if (headers != null && headers.get(file, at, b, off, len)) {
            return;
        }
        in.readFully(at, b, off, len);
        if (headers != null) {
            headers.put(file, at, b, off, len);
        }
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) {
        throw new NonWritableChannelException();
    }

    @Override
    public int write(ByteBuffer src, long at) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public HadoopChannel position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public HadoopChannel truncate(long to) {
        throw new NonWritableChannelException();
    }

    @Override
    public void force(boolean metaData) {
        // read-only: nothing to write back
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) {
        throw new UnsupportedOperationException("transferTo on a Hadoop file");
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) {
        throw new NonWritableChannelException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long length) {
        throw new UnsupportedOperationException("memory mapping a Hadoop file");
    }

    @Override
    public FileLock lock(long at, long length, boolean shared) {
        throw new UnsupportedOperationException("locking a Hadoop file");
    }

    @Override
    public FileLock tryLock(long at, long length, boolean shared) {
        throw new UnsupportedOperationException("locking a Hadoop file");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        in.close();
    }
}
