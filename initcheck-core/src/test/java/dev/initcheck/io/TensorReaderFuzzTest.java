package dev.initcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.initcheck.io.FuzzVariants.Variant;

/**
 * Feeds thousands of corrupted files (truncations, byte and bit flips, absurd header lengths, huge,
 * negative and overflowing shapes and offsets, wrong dtypes, duplicate keys, deep and huge JSON,
 * zip bombs) to every reader. Each read must either succeed or throw a TensorFormatException with a
 * non-empty one-line message, and the bytes allocated by the reading thread in each operation
 * (list, open, forEachChunk, readAllCOrder) must stay below {@link #bound}.
 */
class TensorReaderFuzzTest {
    private static final long SEED = 0x1a2b_3c4d_5e6fL;
    private static final long MIB = 1L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    @TempDir
    Path dir;
    /** Where variants are written: a RAM file system when there is one (disk writes dominate otherwise). */
    private Path scratch;

    /** Per extension: files tried, accepted, rejected. */
    private final Map<String, long[]> counts = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private double worstRatio;
    private String worstCase = "none";

    /** An operation that may fail with TensorFormatException. */
    interface Call<T> {
        T run() throws TensorFormatException;
    }

    /**
     * Allowed allocation per operation. The readers allocate at most: the header bytes (at most the
     * file), parsed header objects (a few times the header), chunk buffers (a double plus a scratch
     * element per stored element, at most 5 bytes per file byte for float16) and, for
     * readAllCOrder, 8 bytes per element (at most 4 per file byte), so 8 bytes per file byte. The
     * constant covers fixed costs: the JSON reader, exception stack traces, message formatting,
     * and a 4096-element first chunk for .npz. ZipFile adds up to ~1 MiB of its own bookkeeping,
     * sized from the archive's 16-bit entry count before that count is checked, hence 2 MiB there.
     * A safetensors header made of many tiny entries (about 50 bytes each, such as
     * {@code "t1":{"dtype":"F32","shape":[0],"data_offsets":[0,0]}}) costs about 550 bytes per
     * entry when listed: the strings for the name and numbers (JsonReader returns the repeated keys
     * and dtypes without allocating), the
     * entry record and its arrays, and the TensorInfo; hence 16 bytes per file byte there.
     */
    static long bound(String extension, long fileSize) {
        return switch (extension) {
            case ".npz" -> 8 * fileSize + 2 * MIB;
            case ".safetensors" -> 16 * fileSize + MIB;
            default -> 8 * fileSize + MIB;
        };
    }

    @BeforeEach
    void createScratch() throws IOException {
        boolean ram = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY);
        scratch = ram ? Files.createTempDirectory(SHARED_MEMORY, "initcheck-fuzz") : dir;
    }

    @AfterEach
    void deleteScratch() throws IOException {
        if (!scratch.equals(dir)) {
            try (Stream<Path> files = Files.list(scratch)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(scratch);
        }
    }

    @Test
    void corruptedFilesAreRejectedCleanlyWithBoundedAllocation() throws IOException {
        long start = System.nanoTime();
        warmUp();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        for (String fixture : fixtureNames()) {
            byte[] original = TestFiles.fixture(fixture);
            String ext = fixture.substring(fixture.lastIndexOf('.'));
            FuzzVariants.truncations(fixture, original, rng, 150).forEach(v -> exercise(ext, v));
            FuzzVariants.byteFlips(fixture, original, rng, 120).forEach(v -> exercise(ext, v));
            FuzzVariants.bitFlips(fixture, original, rng, 120).forEach(v -> exercise(ext, v));
        }
        FuzzVariants.npyFiles().forEach(v -> exercise(".npy", v));
        FuzzVariants.safetensorsFiles(TestFiles.fixture("model.safetensors")).forEach(v -> exercise(".safetensors", v));
        FuzzVariants.npzFiles().forEach(v -> exercise(".npz", v));
        FuzzVariants.textFiles(TestFiles.fixture("matrix.csv"), rng).forEach(v -> exercise(".csv", v));
        String summary = summary((System.nanoTime() - start) / 1e9);
        System.out.println(summary);
        assertThat(failures).as(summary).isEmpty();
        for (String ext : List.of(".npy", ".npz", ".safetensors", ".csv", ".txt")) {
            long[] c = counts.get(ext);
            assertThat(c[0]).as("files tried for " + ext)
                    .isGreaterThan(ext.equals(".csv") || ext.equals(".txt") ? 400 : 1000);
            assertThat(c[1]).as("accepted " + ext).isPositive();
            assertThat(c[2]).as("rejected " + ext).isPositive();
        }
    }

    private void warmUp() {
        for (String fixture : fixtureNames()) {
            readEverything(TestFiles.fixtures().resolve(fixture), Long.MAX_VALUE, fixture);
            String ext = fixture.substring(fixture.lastIndexOf('.'));
            readEverything(TestFiles.write(dir.resolve("warm" + ext), new byte[] {1, 2, 3}), Long.MAX_VALUE, ext);
        }
        failures.clear();
    }

    private static List<String> fixtureNames() {
        try (Stream<Path> files = Files.list(TestFiles.fixtures())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("MANIFEST.txt")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void exercise(String ext, Variant variant) {
        long[] c = counts.computeIfAbsent(ext, k -> new long[4]);
        // A fresh name per file, deleted after use: rewriting one file in place is slow on some
        // file systems (flushes, or unmapping from mappings not yet released by the collector).
        Path file = TestFiles.write(scratch.resolve("fuzz" + c[0] + ext), variant.bytes());
        long start = System.nanoTime();
        c[0]++;
        c[readEverything(file, bound(ext, variant.bytes().length), variant.label()) ? 1 : 2]++;
        c[3] += System.nanoTime() - start;
        try {
            Files.delete(file);
        } catch (IOException e) {
            failures.add(variant.label() + ": cannot delete " + e);
        }
    }

    /** Lists the file and reads up to 3 of its tensors fully; true if nothing was rejected. */
    private boolean readEverything(Path file, long bound, String label) {
        try {
            List<TensorInfo> infos = null;
            try {
                infos = measured(() -> TensorFiles.list(file), bound, label, "list", file);
            } catch (TensorFormatException e) {
                checkMessage(e, label);
            }
            List<String> names = infos == null || infos.isEmpty() ? Collections.singletonList(null)
                    : infos.stream().limit(3).map(TensorInfo::name).toList();
            boolean accepted = infos != null;
            for (String name : names) {
                accepted &= readTensor(file, name, bound, label);
            }
            return accepted;
        } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            failures.add(label + ": unexpected " + trace);
            return false;
        }
    }

    private boolean readTensor(Path file, String name, long bound, String label) {
        TensorSource source;
        try {
            source = measured(() -> TensorFiles.open(file, name), bound, label, "open", file);
        } catch (TensorFormatException e) {
            checkMessage(e, label);
            return false;
        }
        try (source) {
            long[] count = {0};
            measured(() -> {
                source.forEachChunk((buf, len) -> count[0] += len);
                return null;
            }, bound, label, "forEachChunk", file);
            double[] all = measured(source::readAllCOrder, bound, label, "readAllCOrder", file);
            if (count[0] != source.info().size() || all.length != count[0]) {
                failures.add(label + ": value count " + count[0] + "/" + all.length + " for " + source.info());
            }
            return true;
        } catch (TensorFormatException e) {
            checkMessage(e, label);
            return false;
        }
    }

    private <T> T measured(Call<T> call, long bound, String label, String what, Path file)
            throws TensorFormatException {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        try {
            return call.run();
        } finally {
            long used = THREADS.getThreadAllocatedBytes(thread) - before;
            if (bound != Long.MAX_VALUE && (double) used / bound > worstRatio) {
                worstRatio = (double) used / bound;
                worstCase = what + " of " + label;
            }
            if (used > bound) {
                failures.add(String.format(Locale.ROOT, "%s: %s allocated %d bytes, bound %d (file %s)",
                        label, what, used, bound, file.getFileName()));
            }
        }
    }

    private void checkMessage(TensorFormatException e, String label) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.contains("\n") || m.contains("\r")) {
            failures.add(label + ": bad message [" + m + "]");
        }
    }

    private String summary(double seconds) {
        StringBuilder b = new StringBuilder("fuzz summary:");
        long total = 0;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            total += c[0];
            b.append(String.format(Locale.ROOT, " %s tried=%d accepted=%d rejected=%d (%.1f s);",
                    e.getKey(), c[0], c[1], c[2], c[3] / 1e9));
        }
        return b.append(String.format(Locale.ROOT, " total=%d in %.1f s; largest allocation %.0f%% of its bound (%s)",
                total, seconds, 100 * worstRatio, worstCase)).toString();
    }
}
