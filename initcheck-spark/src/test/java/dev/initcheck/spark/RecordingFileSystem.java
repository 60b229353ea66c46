package dev.initcheck.spark;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@code testfs://}, recording every read (thread, file, position, length):
 * a stand-in for hdfs:// or s3a:// that shows which bytes the driver and the executors read. A read by an executor
 * task that reaches a file's byte {@link #FAIL_FROM} fails with an {@link IOException}, as storage failing would.
 */
public final class RecordingFileSystem extends RawLocalFileSystem {
    /** One read of {@code length} bytes from {@code position} of {@code file} (its path) by {@code thread}. */
    record Read(String thread, String file, long position, long length) {
        /** Reads by Spark's executor tasks (local mode runs them in threads of this name). */
        boolean executor() {
            return thread.startsWith(EXECUTOR_THREAD);
        }
    }

    /** The name of the threads that run Spark's tasks in local mode. */
    static final String EXECUTOR_THREAD = "Executor task launch worker";
    static final List<Read> READS = Collections.synchronizedList(new ArrayList<>());
    /** Files (paths) whose bytes from the given position fail to be read by executor tasks. */
    static final Map<String, Long> FAIL_FROM = new ConcurrentHashMap<>();
    private static final URI NAME = URI.create("testfs:///");

    static {
        if (Boolean.getBoolean("testfs.report")) { // measurements (docs/scale-out.md): the totals on stderr at exit
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                long[] driver = new long[2];
                long[] executors = new long[2];
                synchronized (READS) {
                    for (Read r : READS) {
                        long[] t = r.executor() ? executors : driver;
                        t[0]++;
                        t[1] += r.length();
                    }
                }
                System.err.printf("testfs: driver %d reads, %d bytes; executors %d reads, %d bytes%n", driver[0],
                        driver[1], executors[0], executors[1]);
            }));
        }
    }

    @Override
    public URI getUri() {
        return NAME;
    }

    @Override
    public String getScheme() {
        return "testfs";
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        return new FSDataInputStream(new Recording(super.open(f, bufferSize), f.toUri().getPath()));
    }

    private static final class Recording extends FSInputStream {
        private final FSDataInputStream in;
        private final String file;

        Recording(FSDataInputStream in, String file) {
            this.in = in;
            this.file = file;
        }

        private void failing(long at, long n) throws IOException {
            Long from = FAIL_FROM.get(file);
            if (from != null && at + n > from && Thread.currentThread().getName().startsWith(EXECUTOR_THREAD)) {
                throw new IOException("read of bytes [" + at + ", " + (at + n) + ") failed");
            }
        }

        private void record(long at, long n) {
            if (n > 0) {
                READS.add(new Read(Thread.currentThread().getName(), file, at, n));
            }
        }

        @Override
        public void seek(long pos) throws IOException {
            in.seek(pos);
        }

        @Override
        public long getPos() throws IOException {
            return in.getPos();
        }

        @Override
        public boolean seekToNewSource(long targetPos) {
            return false;
        }

        @Override
        public int read() throws IOException {
            long at = in.getPos();
            int b = in.read();
            record(at, b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long at = in.getPos();
            int n = in.read(b, off, len);
            record(at, n);
            return n;
        }

        @Override
        public int read(long position, byte[] b, int off, int len) throws IOException {
            failing(position, len);
            int n = in.read(position, b, off, len);
            record(position, n);
            return n;
        }

        @Override
        public void readFully(long position, byte[] b, int off, int len) throws IOException {
            failing(position, len);
            in.readFully(position, b, off, len);
            record(position, len);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
