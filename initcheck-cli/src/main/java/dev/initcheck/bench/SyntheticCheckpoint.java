package dev.initcheck.bench;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;

/**
 * A freshly initialized, GPT-2-shaped checkpoint written by Java, for timing {@code initcheck audit} on a real-sized
 * model: {@code wte.weight} [vocab, d], then per layer i {@code h.i.attn.c_attn.weight} [3d, d],
 * {@code h.i.attn.c_attn.bias} [3d], {@code h.i.attn.c_proj.weight} [d, d], {@code h.i.mlp.c_fc.weight} [4d, d],
 * {@code h.i.mlp.c_fc.bias} [4d] and {@code h.i.mlp.c_proj.weight} [d, 4d]: 1 + 6·layers tensors,
 * vocab·d + layers·(12d² + 7d) values (145 tensors and 334,929,920 values at 24 layers, d = 1024, vocab 32000).
 * Weights are N(0, 0.02), biases U(±1/√d), drawn in float32 by the reference samplers; the bf16 file holds the same
 * draws rounded to nearest even ({@link Precision#BFLOAT16}), as {@code model.to(torch.bfloat16)} stores them.
 *
 * <p>Both files are written in one pass, chunk by chunk ({@value #CHUNK} values, each from its own stream derived
 * from the seed, the tensor name and the chunk index, so the bytes do not depend on the thread count), by positional
 * writes from a small pool: the model is never held in memory. A sidecar {@code FILE.seed} records what was written;
 * files of the expected size with a matching sidecar are reused.
 */
public final class SyntheticCheckpoint {
    /** GPT-2's initializer_range: the standard deviation of every weight. */
    public static final double STDDEV = 0.02;
    /** Values drawn, converted and written per task. */
    static final int CHUNK = 1 << 20;
    private static final String FORMAT_VERSION = "1";

    /** The shape of the model: layers, width d and vocabulary size. */
    public record Spec(int layers, int width, int vocab) {
        public Spec {
            if (layers < 0 || width < 1 || vocab < 1) {
                throw new IllegalArgumentException("layers >= 0, width >= 1 and vocab >= 1, got " + layers + ", "
                        + width + ", " + vocab);
            }
        }

        /** The benchmark's shape: {@code layers} layers of d = {@code width}, a 32000-token vocabulary. */
        public static Spec gpt2(int layers, int width) {
            return new Spec(layers, width, 32000);
        }

        /** 1 + 6·layers. */
        public int tensorCount() {
            return 1 + 6 * layers;
        }

        /** vocab·d + layers·(12d² + 7d). */
        public long values() {
            long d = width;
            return vocab * d + layers * (12 * d * d + 7 * d);
        }

        /** The biases' U(±limit) bound, 1/√d (PyTorch's Linear bias law for fan_in d). */
        public double biasLimit() {
            return 1 / Math.sqrt(width);
        }

        /** {@code gpt2-24x1024}: the stem of the file names. */
        public String stem() {
            return "gpt2-" + layers + "x" + width;
        }

        /** Every tensor in file order. */
        public List<Tensor> tensors() {
            long d = width;
            Distribution weight = new Normal(0, STDDEV);
            Distribution bias = Uniform.symmetric(biasLimit());
            List<Tensor> t = new ArrayList<>(tensorCount());
            t.add(new Tensor("wte.weight", new long[] {vocab, d}, weight));
            for (int i = 0; i < layers; i++) {
                String h = "h." + i + ".";
                t.add(new Tensor(h + "attn.c_attn.weight", new long[] {3 * d, d}, weight));
                t.add(new Tensor(h + "attn.c_attn.bias", new long[] {3 * d}, bias));
                t.add(new Tensor(h + "attn.c_proj.weight", new long[] {d, d}, weight));
                t.add(new Tensor(h + "mlp.c_fc.weight", new long[] {4 * d, d}, weight));
                t.add(new Tensor(h + "mlp.c_fc.bias", new long[] {4 * d}, bias));
                t.add(new Tensor(h + "mlp.c_proj.weight", new long[] {d, 4 * d}, weight));
            }
            return t;
        }

        /**
         * The policy's rules, first match wins: {@code *.bias} uniform(limit=1/√d), {@code ln_f.weight} ones
         * (GPT-2's final norm; this model has none, the rule matches nothing), {@code *} normal(stddev=0.02).
         * Each as {pattern, scheme, law for the scipy script}.
         */
        public List<String[]> rules() {
            String limit = num(biasLimit());
            return List.of(new String[] {"*.bias", "uniform(limit=" + limit + ")", "uniform:" + limit},
                    new String[] {"ln_f.weight", "ones", "ones"},
                    new String[] {"*", "normal(stddev=" + num(STDDEV) + ")", "normal:" + num(STDDEV)});
        }

        /** Bytes of the file in {@code dtype}: 8 + header + data. */
        public long fileBytes(StorageType dtype, long seed) {
            return 8 + header(this, dtype, seed).length + values() * dtype.itemSize;
        }
    }

    /** One tensor: its name, shape and law. */
    public record Tensor(String name, long[] shape, Distribution law) {
        public long size() {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return n;
        }
    }

    /** The two storage types written. */
    public enum StorageType {
        F32("F32", 4), BF16("BF16", 2);

        final String tag;
        final int itemSize;

        StorageType(String tag, int itemSize) {
            this.tag = tag;
            this.itemSize = itemSize;
        }

        /** {@code f32} or {@code bf16}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What is on disk: both checkpoints, the policy, and whether the checkpoints were reused. */
    public record Written(Spec spec, long seed, Path f32, Path bf16, Path policy, boolean reused) {
        public Path file(StorageType t) {
            return t == StorageType.F32 ? f32 : bf16;
        }
    }

    private SyntheticCheckpoint() {
    }

    /**
     * Writes (or reuses) {@code DIR/STEM-f32.safetensors}, {@code DIR/STEM-bf16.safetensors} and writes
     * {@code DIR/STEM-policy.yaml}.
     */
    public static Written write(Spec spec, long seed, Path dir, int threads, Consumer<String> progress)
            throws IOException {
        Files.createDirectories(dir);
        Path f32 = dir.resolve(spec.stem() + "-f32.safetensors");
        Path bf16 = dir.resolve(spec.stem() + "-bf16.safetensors");
        Path policy = dir.resolve(spec.stem() + "-policy.yaml");
        Files.writeString(policy, policyYaml(spec, seed));
        String sidecar = sidecar(spec, seed);
        boolean reuse = reusable(f32, spec.fileBytes(StorageType.F32, seed), sidecar)
                && reusable(bf16, spec.fileBytes(StorageType.BF16, seed), sidecar);
        if (reuse) {
            progress.accept("reusing " + f32 + " and " + bf16 + " (" + sidecar.strip() + ")");
            return new Written(spec, seed, f32, bf16, policy, true);
        }
        for (Path p : List.of(f32, bf16)) {
            Files.deleteIfExists(sidecarPath(p));
        }
        progress.accept(String.format(Locale.ROOT, "writing %s and %s: %d tensors, %,d values (seed %d, %d threads)",
                f32, bf16, spec.tensorCount(), spec.values(), seed, threads));
        long t0 = System.nanoTime();
        Path f32Part = f32.resolveSibling(f32.getFileName() + ".part");
        Path bf16Part = bf16.resolveSibling(bf16.getFileName() + ".part");
        writeData(spec, seed, f32Part, bf16Part, threads);
        Files.move(f32Part, f32, StandardCopyOption.REPLACE_EXISTING);
        Files.move(bf16Part, bf16, StandardCopyOption.REPLACE_EXISTING);
        for (Path p : List.of(f32, bf16)) {
            Files.writeString(sidecarPath(p), sidecar);
        }
        progress.accept(String.format(Locale.ROOT, "written in %.1f s", (System.nanoTime() - t0) * 1e-9));
        return new Written(spec, seed, f32, bf16, policy, false);
    }

    /** The policy YAML of the model. */
    static String policyYaml(Spec spec, long seed) {
        StringBuilder b = new StringBuilder("# The laws of " + spec.stem() + "-{f32,bf16}.safetensors, written by "
                + "`initcheck bench` (seed " + seed + ").\nrules:\n");
        for (String[] r : spec.rules()) {
            b.append("  - match: \"").append(r[0]).append("\"\n    scheme: \"").append(r[1]).append("\"\n");
        }
        return b.toString();
    }

    static Path sidecarPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".seed");
    }

    private static String sidecar(Spec spec, long seed) {
        return "initcheck bench checkpoint v" + FORMAT_VERSION + ": " + SeededRandom.DEFAULT_SOURCE.name() + " seed="
                + seed + " layers=" + spec.layers() + " width=" + spec.width() + " vocab=" + spec.vocab() + "\n";
    }

    private static boolean reusable(Path file, long bytes, String sidecar) throws IOException {
        Path s = sidecarPath(file);
        return Files.isRegularFile(file) && Files.size(file) == bytes && Files.isRegularFile(s)
                && Files.readString(s).equals(sidecar);
    }

    /** The safetensors header: JSON padded with spaces to a multiple of 8 bytes. */
    static byte[] header(Spec spec, StorageType dtype, long seed) {
        StringBuilder json = new StringBuilder("{\"__metadata__\":{\"source\":\"initcheck bench\",\"generator\":\"")
                .append(SeededRandom.DEFAULT_SOURCE.name()).append("\",\"seed\":\"").append(seed).append("\"}");
        long offset = 0;
        for (Tensor t : spec.tensors()) {
            long end = offset + t.size() * dtype.itemSize;
            json.append(",\"").append(t.name()).append("\":{\"dtype\":\"").append(dtype.tag).append("\",\"shape\":[");
            for (int i = 0; i < t.shape().length; i++) {
                json.append(i > 0 ? "," : "").append(t.shape()[i]);
            }
            json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        json.append('}');
        while ((json.length() + 8) % 8 != 0) {
            json.append(' ');
        }
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void writeData(Spec spec, long seed, Path f32, Path bf16, int threads) throws IOException {
        byte[] h32 = header(spec, StorageType.F32, seed);
        byte[] h16 = header(spec, StorageType.BF16, seed);
        SeededRandom root = SeededRandom.of(seed).derive("checkpoint");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "checkpoint-writer");
            t.setDaemon(true);
            return t;
        });
        try (FileChannel c32 = open(f32); FileChannel c16 = open(bf16)) {
            writeFully(c32, ByteBuffer.wrap(lengthPrefix(h32.length)), 0);
            writeFully(c32, ByteBuffer.wrap(h32), 8);
            writeFully(c16, ByteBuffer.wrap(lengthPrefix(h16.length)), 0);
            writeFully(c16, ByteBuffer.wrap(h16), 8);
            long base32 = 8 + h32.length;
            long base16 = 8 + h16.length;
            long first = 0; // index of the tensor's first value in the data section
            List<Future<?>> tasks = new ArrayList<>();
            for (Tensor t : spec.tensors()) {
                long n = t.size();
                for (long c = 0; c * CHUNK < n; c++) {
                    long from = c * CHUNK;
                    int len = (int) Math.min(CHUNK, n - from);
                    long at = first + from;
                    SeededRandom stream = root.derive(t.name() + "#" + c);
                    tasks.add(pool.submit(() -> chunk(t.law(), stream, len, c32, base32 + 4 * at, c16,
                            base16 + 2 * at)));
                }
                first += n;
            }
            for (Future<?> f : tasks) {
                f.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IllegalStateException("writing the checkpoint failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the checkpoint", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static final ThreadLocal<ByteBuffer[]> BUFFERS = ThreadLocal.withInitial(() -> new ByteBuffer[] {
            ByteBuffer.allocate(4 * CHUNK).order(ByteOrder.LITTLE_ENDIAN),
            ByteBuffer.allocate(2 * CHUNK).order(ByteOrder.LITTLE_ENDIAN)});

    /** Draws {@code len} float32 values and writes them, and their bf16 roundings, at the given positions. */
    private static void chunk(Distribution law, SeededRandom stream, int len, FileChannel c32, long at32,
                              FileChannel c16, long at16) {
        ByteBuffer[] b = BUFFERS.get();
        ByteBuffer b32 = b[0].clear();
        ByteBuffer b16 = b[1].clear();
        ContinuousSampler s = ReferenceInitializer.sampler(law, stream.create());
        for (int i = 0; i < len; i++) {
            float x = (float) s.sample();
            b32.putFloat(x);
            b16.putShort(bfloat16Bits(x));
        }
        try {
            writeFully(c32, b32.flip(), at32);
            writeFully(c16, b16.flip(), at16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bf16 bit pattern of x rounded to nearest even ({@link Precision#BFLOAT16}). */
    static short bfloat16Bits(float x) {
        float r = (float) Precision.BFLOAT16.round(x);
        return (short) (Float.floatToRawIntBits(r) >>> 16);
    }

    private static FileChannel open(Path p) throws IOException {
        return FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static byte[] lengthPrefix(long n) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array();
    }

    private static void writeFully(FileChannel ch, ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            p += ch.write(b, p);
        }
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
