package dev.initcheck.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-built torch.save archives for the tests: a pickle written opcode by opcode (opcodes as in Python's
 * pickletools) in a zip of stored entries {@code archive/data.pkl}, {@code archive/data/<key>} and
 * {@code archive/version}, as torch.save lays them out.
 */
public final class TorchTestFiles {
    private TorchTestFiles() {
    }

    /** A tensor of a hand-built state_dict: name, storage type and key, storage elements, offset, size, stride. */
    public record T(String name, String storageType, String key, long numel, long offset, long[] size,
            long[] stride) {
        /** A C-contiguous float32 tensor over its whole storage. */
        public static T f32(String name, String key, long... size) {
            long numel = 1;
            long[] stride = new long[size.length];
            for (int k = size.length - 1; k >= 0; k--) {
                stride[k] = numel;
                numel *= size[k];
            }
            return new T(name, "FloatStorage", key, numel, 0, size, stride);
        }
    }

    /** Writes pickle opcodes. */
    public static final class Pickle {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Pickle op(int... bytes) {
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        public Pickle raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        public Pickle u32(long v) {
            return raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        }

        public Pickle u64(long v) {
            return raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }

        /** BINUNICODE. */
        public Pickle str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return op('X').u32(b.length).raw(b);
        }

        /** GLOBAL module name. */
        public Pickle global(String module, String name) {
            return op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8));
        }

        /** BININT1, BININT or LONG1 as Python's pickler chooses. */
        public Pickle integer(long v) {
            if (v >= 0 && v < 256) {
                return op('K', (int) v);
            }
            if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                return op('J').u32(v);
            }
            return op(0x8a, 8).u64(v);
        }

        public Pickle ints(long... values) {
            op('(');
            for (long v : values) {
                integer(v);
            }
            return op('t');
        }

        /** {@code _rebuild_tensor_v2(('storage', torch.<type>, key, 'cpu', numel), offset, size, stride, False,
         *  OrderedDict())}. */
        public Pickle tensor(T t) {
            global("torch._utils", "_rebuild_tensor_v2").op('(');
            op('(').str("storage").global("torch", t.storageType()).str(t.key()).str("cpu").integer(t.numel())
                    .op('t', 'Q');
            integer(t.offset()).ints(t.size()).ints(t.stride()).op(0x89);
            return global("collections", "OrderedDict").op(')', 'R', 't', 'R');
        }

        public byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** The pickle of {@code OrderedDict(name: tensor, ...)} as torch.save writes a state_dict (protocol 2). */
    public static byte[] stateDict(T... tensors) {
        Pickle p = new Pickle().op(0x80, 2).global("collections", "OrderedDict").op(')', 'R', '(');
        for (T t : tensors) {
            p.str(t.name()).tensor(t);
        }
        return p.op('u', '.').bytes();
    }

    /** An archive of the pickle, the storages ({@code data/<key>}) and {@code version}, stored, in that order. */
    public static byte[] checkpoint(byte[] pickle, Map<String, byte[]> storages) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pickle);
        storages.forEach((k, v) -> entries.put("archive/data/" + k, v));
        entries.put("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        return TestFiles.zip(false, entries);
    }

    public static Path write(Path file, byte[] bytes) {
        return TestFiles.write(file, bytes);
    }

    /** Little-endian float32 bytes of 0, 1, 2, ... */
    public static byte[] counting(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return TestFiles.floats(v);
    }
}
