package dev.initcheck.io;

import dev.initcheck.io.RestrictedUnpickler.PyDict;
import dev.initcheck.io.RestrictedUnpickler.Storage;
import dev.initcheck.io.RestrictedUnpickler.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader for PyTorch checkpoints ({@code .pt}, {@code .pth}, {@code .bin}) written by {@code torch.save} since
 * PyTorch 1.6, after torch's {@code torch/serialization.py} ({@code _save}, {@code _load}), {@code torch/_utils.py}
 * (the {@code _rebuild_*} functions) and {@code torch/_tensor.py} ({@code __reduce_ex__}). The file is a zip archive
 * of stored entries under one folder {@code <archive>/}: {@code data.pkl}, a pickle of the saved object whose
 * persistent ids {@code ('storage', torch.<Type>Storage, key, location, numel)} name the storages; {@code data/<key>},
 * each storage's raw little-endian bytes; {@code version}; and, since torch 2.x, {@code byteorder} (a
 * {@code big} checkpoint is refused). The pickle runs in {@link RestrictedUnpickler}, which executes nothing and
 * refuses every global a state_dict does not need.
 *
 * <p>The saved object must be a state_dict: a dict or {@code collections.OrderedDict} of tensors (and
 * {@code nn.Parameter}s), keyed by the tensor names; or such a dict under {@code 'state_dict'},
 * {@code 'model_state_dict'}, {@code 'model'} or {@code 'module'} of a dict whose other values hold no tensor
 * (such as {@code {'epoch': 3, 'state_dict': ...}}), in which case the inner keys are the names. Anything else
 * (optimizer state beside the weights, lists of tensors, other objects) is refused with a message.
 *
 * <p>Tensors of dtypes other than float16, bfloat16, float32 and float64 (int64, bool, complex, quantized, float8)
 * and tensors without elements are listed as skipped (dtype spelled as torch does, such as {@code torch.int64}).
 * A C-contiguous tensor is read as it is, honouring its storage offset; a 2-D tensor with column-major strides (a
 * transposed view) is read in Fortran order; any other stride pattern (a non-contiguous view such as
 * {@code x[:, ::2]} or an expanded tensor) is skipped with the reason {@code non-contiguous view (stride [...])}.
 * Every tensor's extent is checked against its storage entry, and every storage entry against the file, before
 * anything is read. Tensors sharing one storage (tied weights) are reported in {@link TensorListing#aliases()}:
 * a later tensor with the same storage, offset, size and stride as an earlier one maps to the first such name.
 *
 * <p>Refused with a one-line message: legacy (pre-1.6, non-zip) {@code torch.save} files, TorchScript archives
 * ({@code torch.jit.save}), compressed or encrypted entries, big-endian checkpoints.
 */
final class TorchZipFormat {
    /** data.pkl above 32 MiB is refused (a state_dict of 65536 tensors needs about 10 MiB). */
    static final long MAX_PICKLE_BYTES = 32L << 20;
    private static final int MAX_SMALL_RECORD = 64;
    private static final int HEAD_BYTES = 512;
    private static final List<String> NESTED_KEYS = List.of("state_dict", "model_state_dict", "model", "module");
    private static final Map<String, DType> DTYPES = Map.of("torch.float16", DType.F16, "torch.bfloat16", DType.BF16,
            "torch.float32", DType.F32, "torch.float64", DType.F64);
    /** The pickled magic number that starts a legacy torch.save file: LONG1 of 0x1950a86a20f9469cfc6c. */
    private static final byte[] LEGACY_MAGIC = {(byte) 0x8a, 10, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9,
        0x20, 0x6a, (byte) 0xa8, 0x50, 0x19};
    static final String LEGACY = "legacy torch.save format (PyTorch < 1.6): re-save with torch.save(state_dict, "
            + "path) from PyTorch >= 1.6, or convert to safetensors";
    static final String TORCHSCRIPT = "TorchScript archive (torch.jit.save), not a torch.save checkpoint: save "
            + "model.state_dict() with torch.save, or convert to safetensors";

    /** One tensor of the state_dict: readable ({@code info} and its data offset in the file) or skipped. */
    private record Item(String name, TensorInfo info, long dataOffset, SkippedTensor skipped) {
    }

    private record Checkpoint(List<Item> items, Map<String, String> aliases) {
    }

    /** What makes two tensors the same data: storage, offset, size and stride. */
    private record View(String storage, long offset, List<Long> size, List<Long> stride) {
        static View of(Tensor t) {
            return new View(t.storage().key(), t.offset(), Arrays.stream(t.size()).boxed().toList(),
                    Arrays.stream(t.stride()).boxed().toList());
        }
    }

    /** A storage entry: where its bytes begin in the file and how many there are. */
    private record Data(long offset, long bytes) {
    }

    private TorchZipFormat() {
    }

    /** The float tensors with elements, the others as skipped (name, torch dtype, reason), and the aliases. */
    static TensorListing listing(Where where, Path file) throws TensorFormatException, IOException {
        Checkpoint c = read(where, file);
        List<TensorInfo> infos = new ArrayList<>();
        List<SkippedTensor> skipped = new ArrayList<>();
        for (Item item : c.items()) {
            if (item.info() != null) {
                infos.add(item.info());
            } else {
                skipped.add(item.skipped());
            }
        }
        return new TensorListing(infos, skipped, c.aliases());
    }

    static TensorSource open(Where where, Path file, String name) throws TensorFormatException, IOException {
        List<Item> items = read(where, file).items();
        Item item = items.get(where.choose(items.stream().map(Item::name).toList(), name));
        Where tensorWhere = where.tensor(item.name());
        SkippedTensor s = item.skipped();
        if (s != null) {
            if (s.reason().equals(SkippedTensor.NOT_FLOAT)) {
                throw tensorWhere.fail("unsupported dtype %s (supported: torch.float16, torch.bfloat16, "
                        + "torch.float32, torch.float64)", Where.quote(s.dtype()));
            }
            throw tensorWhere.fail("cannot be read: %s", s.reason());
        }
        return FileTensorSource.open(tensorWhere, file, item.info(), item.dataOffset(), ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The checkpoints read last, keyed by the file's identity: its absolute path, size, modification time, file key
     * (inode) and its last {@value #KEY_TAIL_BYTES} bytes (the zip end record, which locates the directory). A
     * model's tensors are opened one by one, and each open would otherwise read the directory, unpickle
     * {@code data.pkl} and read every storage's local header again: quadratic in the number of tensors. A file
     * rewritten in place gets a new modification time and is read again.
     */
    private static final int CACHED_CHECKPOINTS = 8;
    private static final int KEY_TAIL_BYTES = 64;
    private static final Map<List<Object>, Checkpoint> CHECKPOINTS = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, Checkpoint> eldest) {
                    return size() > CACHED_CHECKPOINTS;
                }
            });

    private static Checkpoint read(Where where, Path file) throws TensorFormatException, IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long size = channel.size();
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, KEY_TAIL_BYTES));
            while (tail.hasRemaining() && channel.read(tail, size - tail.capacity() + tail.position()) >= 0) {
                // positional reads until the tail is full
            }
            List<Object> key = List.of(file.toAbsolutePath().normalize().toString(), size,
                    attributes.lastModifiedTime(), String.valueOf(attributes.fileKey()), tail.flip());
            Checkpoint cached = CHECKPOINTS.get(key);
            if (cached != null) {
                return cached;
            }
            Checkpoint c = parse(where, channel);
            CHECKPOINTS.put(key, c);
            return c;
        }
    }

    private static Checkpoint parse(Where where, FileChannel channel) throws TensorFormatException, IOException {
        requireZip(where, channel);
        ZipDirectory zip = ZipDirectory.read(where, channel);
        String prefix = prefix(where, zip);
        if (zip.get(prefix + "constants.pkl") != null
                || zip.names().stream().anyMatch(n -> n.startsWith(prefix + "code/"))) {
            throw where.fail(TORCHSCRIPT);
        }
        ZipDirectory.Entry pickle = zip.get(prefix + "data.pkl");
        if (pickle == null) {
            throw where.fail("not a torch.save archive: no entry %s", Where.quote(prefix + "data.pkl"));
        }
        checkByteOrder(where, channel, zip, prefix);
        checkVersion(where, channel, zip, prefix);
        Object saved = RestrictedUnpickler.load(where, zip.readSmall(where, channel, pickle, MAX_PICKLE_BYTES));
        Map<String, Tensor> tensors = stateDict(where, saved);
        List<Item> items = new ArrayList<>(tensors.size());
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<View, String> first = new HashMap<>();
        Map<String, Data> data = new HashMap<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Where tensorWhere = where.tensor(e.getKey());
            Tensor t = e.getValue();
            Data d = data.get(t.storage().key());
            if (d == null) {
                d = storageData(tensorWhere, channel, zip, prefix, t.storage());
                data.put(t.storage().key(), d);
            }
            items.add(item(tensorWhere, e.getKey(), t, d));
            String earlier = first.putIfAbsent(View.of(t), e.getKey());
            if (earlier != null) {
                aliases.put(e.getKey(), earlier);
            }
        }
        return new Checkpoint(items, aliases);
    }

    /** As torch: the file must start with a local file header; legacy files are recognised to say so. */
    private static void requireZip(Where where, FileChannel channel) throws TensorFormatException, IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(HEAD_BYTES, channel.size()));
        while (head.hasRemaining() && channel.read(head, head.position()) >= 0) {
            // positional reads until the head is full
        }
        byte[] b = Arrays.copyOf(head.array(), head.position());
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && (b[2] == 3 && b[3] == 4 || b[2] == 5 && b[3] == 6)) {
            return; // a local file header, or the end record of an empty archive
        }
        if (b.length > 2 && (b[0] & 0xff) == 0x80 && indexOf(b, LEGACY_MAGIC, 32) >= 0
                || b.length >= 262 && new String(b, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
            throw where.fail(LEGACY);
        }
        throw where.fail("not a PyTorch checkpoint: torch.save (PyTorch >= 1.6) writes a zip archive, which "
                + "starts with PK\\x03\\x04");
    }

    private static int indexOf(byte[] b, byte[] needle, int within) {
        for (int i = 0; i + needle.length <= Math.min(b.length, within + needle.length); i++) {
            if (Arrays.equals(b, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** As torch's reader: the folder of the archive's first entry, with its slash. */
    private static String prefix(Where where, ZipDirectory zip) throws TensorFormatException {
        if (zip.names().isEmpty()) {
            throw where.fail("not a torch.save archive: the zip archive is empty");
        }
        String firstName = zip.names().get(0);
        int slash = firstName.indexOf('/');
        if (slash <= 0) {
            throw where.fail("not a torch.save archive: its first entry %s lies in no folder",
                    Where.quote(firstName));
        }
        return firstName.substring(0, slash + 1);
    }

    private static void checkByteOrder(Where where, FileChannel channel, ZipDirectory zip, String prefix)
            throws TensorFormatException, IOException {
        ZipDirectory.Entry e = zip.get(prefix + "byteorder");
        if (e == null) {
            return; // written since torch 2.0; before, native order, little-endian on every common platform
        }
        String order = new String(zip.readSmall(where, channel, e, MAX_SMALL_RECORD), StandardCharsets.US_ASCII);
        if (order.equals("big")) {
            throw where.fail("big-endian checkpoint (byteorder 'big'): only little-endian checkpoints are read; "
                    + "re-save it on a little-endian machine");
        }
        if (!order.equals("little")) {
            throw where.fail("unknown byte order %s in %s", Where.quote(order), Where.quote(e.name()));
        }
    }

    private static void checkVersion(Where where, FileChannel channel, ZipDirectory zip, String prefix)
            throws TensorFormatException, IOException {
        ZipDirectory.Entry e = zip.get(prefix + "version");
        if (e == null) {
            e = zip.get(prefix + ".data/version");
        }
        if (e == null) {
            return;
        }
        String version = new String(zip.readSmall(where, channel, e, MAX_SMALL_RECORD), StandardCharsets.US_ASCII);
        if (!version.strip().matches("[0-9]{1,9}")) {
            throw where.fail("entry %s holds %s, not a format version number", Where.quote(e.name()),
                    Where.quote(version.strip()));
        }
    }

    /** The state_dict's tensors by name, in file order. */
    private static Map<String, Tensor> stateDict(Where where, Object saved) throws TensorFormatException {
        if (!(saved instanceof PyDict top)) {
            throw where.fail("the checkpoint holds %s, not a state_dict (a dict of tensors): save "
                    + "model.state_dict()", RestrictedUnpickler.describe(saved));
        }
        Map<String, Tensor> direct = tensors(top);
        if (direct != null) {
            return direct;
        }
        for (String key : NESTED_KEYS) {
            if (top.items.get(key) instanceof PyDict inner) {
                Map<String, Tensor> nested = tensors(inner);
                if (nested == null) {
                    continue;
                }
                for (Map.Entry<Object, Object> e : top.items.entrySet()) {
                    if (!key.equals(e.getKey()) && RestrictedUnpickler.containsTensor(e.getValue())) {
                        throw where.fail("tensors outside %s (under %s): only a state_dict is read, alone or "
                                + "beside values without tensors; save model.state_dict() alone", Where.quote(key),
                                describeKey(e.getKey()));
                    }
                }
                return nested;
            }
        }
        for (Map.Entry<Object, Object> e : top.items.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw where.fail("not a state_dict: a key is %s, not a tensor name",
                        RestrictedUnpickler.describe(e.getKey()));
            }
            if (!(e.getValue() instanceof Tensor)) {
                throw where.fail("not a state_dict: the value of %s is %s, not a tensor (a state_dict nested "
                        + "under %s is read only beside values without tensors)", describeKey(e.getKey()),
                        RestrictedUnpickler.describe(e.getValue()), String.join("/", NESTED_KEYS));
            }
        }
        throw new IllegalStateException("unreachable: every value is a tensor");
    }

    /** The dict's tensors by name if every key is a string and every value a tensor, else null. */
    private static Map<String, Tensor> tensors(PyDict d) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> e : d.items.entrySet()) {
            if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof Tensor t)) {
                return null;
            }
            out.put(name, t);
        }
        return out;
    }

    private static String describeKey(Object key) {
        return key instanceof String s ? Where.quote(s) : RestrictedUnpickler.describe(key) + " key";
    }

    /** The storage's entry: present, stored, within the file, and exactly as long as the persistent id says. */
    private static Data storageData(Where where, FileChannel channel, ZipDirectory zip, String prefix, Storage s)
            throws TensorFormatException, IOException {
        String name = prefix + "data/" + s.key();
        ZipDirectory.Entry e = zip.get(name);
        if (e == null) {
            throw where.fail("its storage %s has no entry %s in the archive", Where.quote(s.key()),
                    Where.quote(name));
        }
        long offset = zip.dataOffset(where, channel, e);
        if (s.numel() > Long.MAX_VALUE / s.itemSize() || e.size() != s.numel() * s.itemSize()) {
            throw where.fail("its storage %s declares %d elements of %d bytes but entry %s holds %d bytes",
                    Where.quote(s.key()), s.numel(), s.itemSize(), Where.quote(name), e.size());
        }
        return new Data(offset, e.size());
    }

    /** Checks the tensor's view of its storage and classifies it: readable (C or Fortran order) or skipped. */
    private static Item item(Where where, String name, Tensor t, Data d) throws TensorFormatException {
        long[] size = t.size();
        long[] stride = t.stride();
        if (stride.length != size.length) {
            throw where.fail("size %s and stride %s differ in rank", TensorInfo.formatShape(size),
                    TensorInfo.formatShape(stride));
        }
        long numel = Shapes.checkedSize(where, size);
        if (t.offset() < 0 || Arrays.stream(stride).anyMatch(x -> x < 0)) {
            throw where.fail("negative storage offset %d or stride %s", t.offset(), TensorInfo.formatShape(stride));
        }
        long storageElements = d.bytes() / t.itemSize();
        if (numel > 0) {
            long last = lastElement(where, t.offset(), size, stride);
            if (last >= storageElements) {
                throw where.fail("storage offset %d, size %s and stride %s reach element %d but its storage %s "
                        + "holds %d elements of %s", t.offset(), TensorInfo.formatShape(size),
                        TensorInfo.formatShape(stride), last, Where.quote(t.storage().key()), storageElements,
                        t.dtype());
            }
        }
        DType dtype = DTYPES.get(t.dtype());
        if (dtype == null) {
            return skipped(name, t, SkippedTensor.NOT_FLOAT);
        }
        if (numel == 0) {
            return skipped(name, t, SkippedTensor.EMPTY);
        }
        if (t.unsupported() != null) {
            return skipped(name, t, t.unsupported());
        }
        boolean c = contiguous(size, stride, false);
        if (!c && !(size.length == 2 && contiguous(size, stride, true))) {
            return skipped(name, t, "non-contiguous view (stride " + TensorInfo.formatShape(stride) + ")");
        }
        TensorInfo info = new TensorInfo(name, size, dtype, !c);
        return new Item(name, info, d.offset() + t.offset() * dtype.itemSize(), null);
    }

    private static Item skipped(String name, Tensor t, String reason) {
        return new Item(name, null, -1, new SkippedTensor(name, t.dtype(), reason));
    }

    /** offset + sum((size[k] - 1) * stride[k]), for a tensor with elements; fails on overflow. */
    private static long lastElement(Where where, long offset, long[] size, long[] stride)
            throws TensorFormatException {
        try {
            long last = offset;
            for (int k = 0; k < size.length; k++) {
                last = Math.addExact(last, Math.multiplyExact(size[k] - 1, stride[k]));
            }
            return last;
        } catch (ArithmeticException e) {
            throw where.fail("size %s and stride %s reach beyond any storage", TensorInfo.formatShape(size),
                    TensorInfo.formatShape(stride));
        }
    }

    /**
     * Whether the strides are those of a dense C-order (or, with {@code fortran}, column-major) layout of the
     * size; as in torch's {@code is_contiguous}, the stride of a dimension of size 1 does not matter.
     */
    private static boolean contiguous(long[] size, long[] stride, boolean fortran) {
        long expected = 1;
        for (int i = 0; i < size.length; i++) {
            int k = fortran ? i : size.length - 1 - i;
            if (size[k] != 1) {
                if (stride[k] != expected) {
                    return false;
                }
                expected *= size[k];
            }
        }
        return true;
    }
}
