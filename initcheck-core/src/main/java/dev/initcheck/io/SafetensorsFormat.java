package dev.initcheck.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reader for {@code .safetensors} files, after the format description in the safetensors README
 * (huggingface/safetensors): an 8-byte little-endian unsigned header length N, N bytes of UTF-8
 * JSON (see {@link SafetensorsHeader}), then the data section. Each tensor's
 * {@code data_offsets [begin, end]} are relative to the data section's start (byte 8 + N); data
 * are little-endian in C order.
 *
 * <p>Tensors of dtypes other than F16, BF16, F32 and F64 (I64, U8, BOOL, F8_E4M3, ...) and tensors
 * without elements are checked for consistent offsets, listed as skipped by {@link #listing}, and
 * refused by name in {@link #open}. As in the reference implementation ({@code Metadata::validate}
 * and {@code SafeTensors::read_metadata} in huggingface/safetensors {@code src/tensor.rs}), the
 * tensors' byte ranges, sorted by offsets, must tile the data section: each begins where the
 * previous one ends, the first at 0, the last at the end of the file. Overlapping ranges (two
 * tensors sharing bytes), gaps and trailing bytes are refused, naming the tensor.
 */
final class SafetensorsFormat {
    /** Headers above 100 MiB are refused, as in the reference implementation. */
    static final long MAX_HEADER_BYTES = 100L << 20;
    private static final int LENGTH_BYTES = 8;
    private static final String SUPPORTED = "(supported: F16, BF16, F32, F64)";
    private static final Map<String, DType> DTYPES =
            Map.of("F16", DType.F16, "BF16", DType.BF16, "F32", DType.F32, "F64", DType.F64);
    private static final Map<String, Integer> OTHER_ITEM_SIZES = Map.ofEntries(
            Map.entry("BOOL", 1), Map.entry("U8", 1), Map.entry("I8", 1), Map.entry("F8_E5M2", 1),
            Map.entry("F8_E4M3", 1), Map.entry("F8_E8M0", 1), Map.entry("I16", 2), Map.entry("U16", 2),
            Map.entry("I32", 4), Map.entry("U32", 4), Map.entry("I64", 8), Map.entry("U64", 8));

    private record Layout(List<SafetensorsHeader.Entry> entries, long dataStart) {
    }

    private SafetensorsFormat() {
    }

    /** The float tensors with elements, and the others as skipped (name, safetensors dtype, reason). */
    static TensorListing listing(Where where, Path file) throws TensorFormatException, IOException {
        List<TensorInfo> infos = new ArrayList<>();
        List<SkippedTensor> skipped = new ArrayList<>();
        for (SafetensorsHeader.Entry e : read(where, file).entries()) {
            DType dtype = DTYPES.get(e.dtype());
            if (dtype == null) {
                skipped.add(new SkippedTensor(e.name(), e.dtype(), SkippedTensor.NOT_FLOAT));
            } else if (Shapes.sizeOrMinusOne(e.shape()) == 0) {
                skipped.add(new SkippedTensor(e.name(), e.dtype(), SkippedTensor.EMPTY));
            } else {
                infos.add(new TensorInfo(e.name(), e.shape(), dtype, false));
            }
        }
        return new TensorListing(infos, skipped);
    }

    static TensorSource open(Where where, Path file, String name) throws TensorFormatException, IOException {
        Layout layout = read(where, file);
        List<String> names = layout.entries().stream().map(SafetensorsHeader.Entry::name).toList();
        SafetensorsHeader.Entry e = layout.entries().get(where.choose(names, name));
        Where tensorWhere = where.tensor(e.name());
        DType dtype = DTYPES.get(e.dtype());
        if (dtype == null) {
            throw tensorWhere.fail("unsupported dtype %s %s", Where.quote(e.dtype()), SUPPORTED);
        }
        TensorInfo info = new TensorInfo(e.name(), e.shape(), dtype, false);
        Shapes.requireNonEmpty(tensorWhere, info);
        return FileTensorSource.open(tensorWhere, file, info, layout.dataStart() + e.begin(),
                ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The layouts validated last, keyed by the header's bytes and the file's size (a layout depends on nothing
     * else): a model's tensors are opened one by one, and each open would otherwise parse and check the whole
     * header again.
     */
    private static final int CACHED_LAYOUTS = 16;
    /** Headers above this size are parsed at every open rather than kept. */
    private static final int CACHED_HEADER_BYTES = 1 << 20;
    private static final Map<ByteBuffer, Layout> LAYOUTS = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(32, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Layout> eldest) {
                    return size() > CACHED_LAYOUTS;
                }
            });

    private static Layout read(Where where, Path file) throws TensorFormatException, IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize < LENGTH_BYTES) {
                throw where.fail("file holds %d bytes, fewer than the 8-byte header length", fileSize);
            }
            long headerLength = readFully(where, channel, 0, LENGTH_BYTES).getLong(0);
            checkHeaderLength(where, headerLength, fileSize);
            byte[] json = readFully(where, channel, LENGTH_BYTES, (int) headerLength).array();
            ByteBuffer key = json.length <= CACHED_HEADER_BYTES
                    ? ByteBuffer.allocate(json.length + Long.BYTES).putLong(fileSize).put(json).flip() : null;
            Layout cached = key == null ? null : LAYOUTS.get(key);
            if (cached != null) {
                return cached;
            }
            List<SafetensorsHeader.Entry> entries = SafetensorsHeader.parse(where, json);
            long dataSize = fileSize - LENGTH_BYTES - headerLength;
            for (SafetensorsHeader.Entry e : entries) {
                check(where.tensor(e.name()), e, dataSize);
            }
            checkTiling(where, entries, dataSize);
            Layout layout = new Layout(List.copyOf(entries), LENGTH_BYTES + headerLength);
            if (key != null) {
                LAYOUTS.put(key, layout);
            }
            return layout;
        }
    }

    /** Sorted by offsets, the tensors' ranges must follow each other without overlap or gap up to the end. */
    private static void checkTiling(Where where, List<SafetensorsHeader.Entry> entries, long dataSize)
            throws TensorFormatException {
        List<SafetensorsHeader.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(SafetensorsHeader.Entry::begin)
                .thenComparingLong(SafetensorsHeader.Entry::end));
        long end = 0;
        SafetensorsHeader.Entry previous = null;
        for (SafetensorsHeader.Entry e : sorted) {
            if (e.begin() < end) {
                throw where.tensor(e.name()).fail("data offsets [%d, %d] overlap those of tensor %s [%d, %d]",
                        e.begin(), e.end(), Where.quote(previous.name()), previous.begin(), previous.end());
            }
            if (e.begin() > end) {
                throw where.tensor(e.name()).fail("data offsets [%d, %d] leave bytes [%d, %d) of the data section "
                        + "to no tensor; the tensors must tile it without gaps", e.begin(), e.end(), end, e.begin());
            }
            end = e.end();
            previous = e;
        }
        if (end != dataSize) {
            throw where.fail("the data section holds %d bytes but its tensors end at byte %d: %d trailing bytes "
                    + "belong to no tensor", dataSize, end, dataSize - end);
        }
    }

    private static void checkHeaderLength(Where where, long length, long fileSize) throws TensorFormatException {
        String shown = Long.toUnsignedString(length);
        if (length >= 0 && length <= 1) {
            throw where.fail("header length %s is too small for a JSON object", shown);
        }
        if (length < 0 || length > fileSize - LENGTH_BYTES) {
            throw where.fail("header length %s exceeds the file size %d", shown, fileSize);
        }
        if (length > MAX_HEADER_BYTES) {
            throw where.fail("header length %s exceeds the limit of %d bytes", shown, MAX_HEADER_BYTES);
        }
    }

    private static ByteBuffer readFully(Where where, FileChannel channel, long position, int length)
            throws TensorFormatException, IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw where.fail("file ended while reading its header");
            }
        }
        return buffer;
    }

    private static void check(Where where, SafetensorsHeader.Entry e, long dataSize) throws TensorFormatException {
        long[] shape = e.shape();
        Shapes.checkedSize(where, shape);
        if (e.begin() > e.end()) {
            throw where.fail("data offsets [%d, %d] are reversed (begin > end)", e.begin(), e.end());
        }
        if (e.end() > dataSize) {
            throw where.fail("data offsets [%d, %d] lie outside the %d-byte data section",
                    e.begin(), e.end(), dataSize);
        }
        DType dtype = DTYPES.get(e.dtype());
        int itemSize = dtype != null ? dtype.itemSize() : OTHER_ITEM_SIZES.getOrDefault(e.dtype(), 0);
        if (itemSize > 0) {
            long bytes = Shapes.checkedBytes(where, shape, itemSize);
            if (e.end() - e.begin() != bytes) {
                throw where.fail("data offsets [%d, %d] span %d bytes but shape %s of %s needs %d",
                        e.begin(), e.end(), e.end() - e.begin(), TensorInfo.formatShape(shape),
                        Where.quote(e.dtype()), bytes);
            }
        }
    }
}
