package dev.initcheck.io;

import static dev.initcheck.io.TestFiles.npy;
import static dev.initcheck.io.TestFiles.npyDict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data larger than one chunk: memory-mapped .npy data and highly compressed .npz entries. */
class LargeDataTest {
    private static final long MIB = 1L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    /** Operations measured for allocation. */
    interface Call {
        void run() throws Exception;
    }

    private static long allocated(Call call) throws Exception {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        call.run();
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }

    @Test
    void mappedNpyDataStreamInChunksWithoutCopyingTheFile() throws Exception {
        int n = 3 * (1 << 18) + 5; // 3 MiB of big-endian float32, above the plain-read limit
        ByteBuffer data = ByteBuffer.allocate(4 * n).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < n; i++) {
            data.putFloat(i * 0.5f - 1000);
        }
        Path file = TestFiles.write(dir.resolve("big.npy"),
                npy(1, npyDict(">f4", false, "(" + n + ",)"), data.array()));
        try (TensorSource source = TensorFiles.open(file, null)) {
            double[] sum = {0, 0, 0}; // sum, count, largest chunk
            source.forEachChunk((buf, len) -> sum[2] = Math.max(sum[2], len));
            long used = allocated(() -> source.forEachChunk((buf, len) -> {
                for (int i = 0; i < len; i++) {
                    sum[0] += buf[i];
                }
                sum[1] += len;
            }));
            assertThat(sum[1]).isEqualTo(n);
            assertThat(sum[2]).isEqualTo(1 << 16);
            assertThat(sum[0]).isEqualTo(0.25 * n * (n - 1.0) - 1000.0 * n);
            assertThat(used).as("allocated by a second pass").isLessThan(MIB);
            double[] all = source.readAllCOrder();
            assertThat(all[n - 1]).isEqualTo((n - 1) * 0.5 - 1000);
        }
    }

    @Test
    void compressedNpzEntryStreamsWithBoundedBuffers() throws Exception {
        int n = 4_000_000;
        byte[] entry = npy(1, npyDict("<f4", false, "(" + n + ",)"),
                TestFiles.concat(TestFiles.floats(7.5f), new byte[4 * n - 4]));
        Path file = TestFiles.write(dir.resolve("zeros.npz"), TestFiles.zip(true, Map.of("w.npy", entry)));
        try (TensorSource source = TensorFiles.open(file, null)) {
            double[] stats = {0, 0};
            long used = allocated(() -> source.forEachChunk((buf, len) -> {
                stats[0] += len;
                stats[1] += buf[0];
            }));
            assertThat(stats[0]).isEqualTo(n);
            assertThat(stats[1]).isEqualTo(7.5);
            assertThat(used).as("allocated while streaming 16 MB").isLessThan(3 * MIB);
            assertThat(source.readAllCOrder()).hasSize(n).startsWith(7.5, 0.0);
        }
    }

    @Test
    void npzBombIsRefusedWithoutAllocatingItsDeclaredSize() throws Exception {
        byte[] entry = npy(1, npyDict("<f8", false, "(1000000000,)"), new byte[16 << 20]);
        Path file = TestFiles.write(dir.resolve("bomb.npz"), TestFiles.zip(true, Map.of("w.npy", entry)));
        try (TensorSource source = TensorFiles.open(file, null)) {
            long streaming = allocated(() -> assertThatThrownBy(() -> source.forEachChunk((buf, len) -> { }))
                    .isInstanceOf(TensorFormatException.class)
                    .hasMessage(file + ": tensor 'w': truncated entry: its data end after 16777216 of the "
                            + "8000000000 bytes the header declares"));
            assertThat(streaming).isLessThan(3 * MIB);
            long loading = allocated(() -> assertThatThrownBy(source::readAllCOrder)
                    .isInstanceOf(TensorFormatException.class));
            assertThat(loading).isLessThan(3 * MIB);
        }
    }
}
