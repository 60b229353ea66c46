package dev.initcheck.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The header of a {@code .npy} file, after NumPy's format specification (NEP 1, "A simple file
 * format for NumPy arrays", versions 1.0 to 3.0): the magic string {@code \x93NUMPY}, a major and
 * minor version byte, the header length as a little-endian unsigned integer (2 bytes in version 1,
 * 4 bytes in versions 2 and 3), then the header: a Python dict literal with exactly the keys
 * {@code descr}, {@code fortran_order} and {@code shape} (ASCII/Latin-1 text in versions 1 and 2,
 * UTF-8 in version 3), padded with spaces and a newline. The raw data follow immediately.
 *
 * @param dtype        element type
 * @param order        byte order of the data
 * @param fortranOrder whether the data are in Fortran order
 * @param shape        dimensions
 * @param dataOffset   bytes before the data: preamble plus header
 */
record NpyHeader(DType dtype, ByteOrder order, boolean fortranOrder, long[] shape, long dataOffset) {
    /** Headers above 1 MiB are refused (NumPy itself refuses more than 10 000 bytes by default). */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    private static final Set<String> FLOATS = Set.of("f2", "f4", "f8");
    private static final Map<String, String> NUMPY_NAMES = Map.ofEntries(Map.entry("b1", "bool"),
            Map.entry("?", "bool"), Map.entry("i1", "int8"), Map.entry("i2", "int16"), Map.entry("i4", "int32"),
            Map.entry("i8", "int64"), Map.entry("u1", "uint8"), Map.entry("u2", "uint16"), Map.entry("u4", "uint32"),
            Map.entry("u8", "uint64"), Map.entry("f16", "float128"), Map.entry("c8", "complex64"),
            Map.entry("c16", "complex128"), Map.entry("O", "object"));

    /**
     * Reads the header from the start of {@code in}.
     *
     * @param available an upper bound on the bytes {@code in} can deliver (the file size), checked
     *                  before the header is read; pass {@link Long#MAX_VALUE} when unknown, as the
     *                  header is then read in pieces as bytes arrive
     */
    static NpyHeader read(Where where, InputStream in, long available) throws TensorFormatException, IOException {
        return readRaw(where, in, available).header(where);
    }

    /** As {@link #read}, stopping before the dict is interpreted (so a non-float tensor can be listed and skipped). */
    static Raw readRaw(Where where, InputStream in, long available) throws TensorFormatException, IOException {
        int major = readVersion(where, in);
        int lengthBytes = major == 1 ? 2 : 4;
        long headerLength = littleEndian(where, in.readNBytes(lengthBytes), lengthBytes);
        long prefix = 8 + lengthBytes;
        checkHeaderLength(where, headerLength, prefix, available);
        byte[] header = in.readNBytes((int) headerLength);
        if (header.length < headerLength) {
            throw where.fail("truncated header: %d of its %d bytes are present", header.length, headerLength);
        }
        String text = new String(header, major < 3 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return new Raw(PyDictParser.parse(where, text), prefix + headerLength);
    }

    /** The header's dict as parsed, and the offset of the data. */
    record Raw(Map<String, Object> dict, long dataOffset) {
        /** The interpreted header. */
        NpyHeader header(Where where) throws TensorFormatException {
            return fromDict(where, dict, dataOffset);
        }

        /**
         * NumPy's name of the element type when it is one initcheck does not read ({@code int64}, {@code bool},
         * {@code complex64}, {@code structured}, ...); null for float16/32/64 and for a dict without a descr.
         */
        String otherDtype() {
            Object descr = dict.get("descr");
            if (descr == null) {
                return null;
            }
            if (!(descr instanceof String d)) {
                return "structured";
            }
            String body = d.length() > 1 && "<>=|".indexOf(d.charAt(0)) >= 0 ? d.substring(1) : d;
            if (d.length() == 3 && "<>=".indexOf(d.charAt(0)) >= 0 && FLOATS.contains(body)) {
                return null;
            }
            return NUMPY_NAMES.getOrDefault(body, d);
        }
    }

    /** Checks the magic string and returns the major version. */
    private static int readVersion(Where where, InputStream in) throws TensorFormatException, IOException {
        byte[] preamble = in.readNBytes(8);
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= preamble.length || preamble[i] != MAGIC[i]) {
                throw where.fail("not a .npy file (the magic string \\x93NUMPY is missing)");
            }
        }
        if (preamble.length < 8) {
            throw where.fail("truncated .npy preamble (%d bytes)", preamble.length);
        }
        int major = preamble[6] & 0xff;
        int minor = preamble[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw where.fail("unsupported .npy format version %d.%d (supported: 1.0, 2.0, 3.0)", major, minor);
        }
        return major;
    }

    private static long littleEndian(Where where, byte[] bytes, int expected) throws TensorFormatException {
        if (bytes.length < expected) {
            throw where.fail("truncated .npy preamble: the header length is missing");
        }
        long value = 0;
        for (int i = expected - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    private static void checkHeaderLength(Where where, long length, long prefix, long available)
            throws TensorFormatException {
        if (length > MAX_HEADER_BYTES) {
            throw where.fail("header length %d exceeds the limit of %d bytes", length, MAX_HEADER_BYTES);
        }
        if (length > available - prefix) {
            throw where.fail("header length %d exceeds the file size %d", length, available);
        }
    }

    private static NpyHeader fromDict(Where where, Map<String, Object> dict, long dataOffset)
            throws TensorFormatException {
        for (String key : dict.keySet()) {
            if (!KEYS.contains(key)) {
                throw where.fail("header has the unexpected key %s", Where.quote(key));
            }
        }
        for (String key : KEYS) {
            if (!dict.containsKey(key)) {
                throw where.fail("header lacks the key '%s'", key);
            }
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw where.fail("header value of 'fortran_order' must be True or False");
        }
        if (!(dict.get("shape") instanceof PyDictParser.Tuple tuple) || !tuple.isTuple()) {
            throw where.fail("header value of 'shape' must be a tuple of integers");
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String d)) {
            throw where.fail("unsupported structured dtype (supported: float16, float32, float64)");
        }
        Shapes.checkedSize(where, tuple.values());
        return new NpyHeader(dtypeOf(where, d), orderOf(d), fortran, tuple.values(), dataOffset);
    }

    /** Maps a descr such as {@code <f4}; byte order {@code <}, {@code >} or {@code =} (native). */
    private static DType dtypeOf(Where where, String descr) throws TensorFormatException {
        String body = descr.length() == 3 && "<>=".indexOf(descr.charAt(0)) >= 0 ? descr.substring(1) : descr;
        switch (body) {
            case "f2":
                return DType.F16;
            case "f4":
                return DType.F32;
            case "f8":
                return DType.F64;
            default:
                throw where.fail("unsupported dtype %s (supported: float16, float32, float64)", Where.quote(descr));
        }
    }

    private static ByteOrder orderOf(String descr) {
        return switch (descr.charAt(0)) {
            case '<' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> ByteOrder.nativeOrder();
        };
    }

    /** The tensor description under {@code name}. */
    TensorInfo info(String name) {
        return new TensorInfo(name, shape, dtype, fortranOrder);
    }

    /** The data size in bytes, checked against overflow. */
    long dataBytes(Where where) throws TensorFormatException {
        return Shapes.checkedBytes(where, shape, dtype.itemSize());
    }
}
