package dev.initcheck.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The central directory of a zip archive, read with positional reads after PKWARE's APPNOTE.TXT: end of central
 * directory record (4.3.16), zip64 end record and locator (4.3.14, 4.3.15), central directory headers (4.3.12),
 * local file headers (4.3.7) and the zip64 extended information extra field (4.5.3). Only what a reader of stored
 * entries needs: names, methods, sizes and where each entry's data begin, found from its local header. Single-disk
 * archives only. Every count, size and offset is checked against the file before anything is allocated from it.
 */
final class ZipDirectory {
    /** Archives with more entries are refused. */
    static final int MAX_ENTRIES = 1 << 20;
    /** Central directories above 64 MiB are refused. */
    static final long MAX_DIRECTORY_BYTES = 64L << 20;

    private static final int END = 0x06054b50;
    private static final int END64 = 0x06064b50;
    private static final int END64_LOCATOR = 0x07064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int END_BYTES = 22;
    private static final int END64_BYTES = 56;
    private static final int LOCATOR_BYTES = 20;
    private static final int CENTRAL_BYTES = 46;
    private static final int LOCAL_BYTES = 30;
    private static final int MAX_COMMENT = 0xffff;
    private static final long U32_MARK = 0xffffffffL;
    private static final int ZIP64_EXTRA = 0x0001;

    /** One central directory header: sizes and local header offset as 64-bit values (zip64 applied). */
    record Entry(String name, int flags, int method, long compressedSize, long size, long localHeaderOffset) {
    }

    private final Map<String, Entry> byName;
    private final List<String> names;
    private final long fileSize;

    private ZipDirectory(Map<String, Entry> byName, List<String> names, long fileSize) {
        this.byName = byName;
        this.names = names;
        this.fileSize = fileSize;
    }

    /** The entry names in central directory order. */
    List<String> names() {
        return names;
    }

    /** The entry of that name, or null. */
    Entry get(String name) {
        return byName.get(name);
    }

    static ZipDirectory read(Where where, FileChannel channel) throws TensorFormatException, IOException {
        long fileSize = channel.size();
        if (fileSize < END_BYTES) {
            throw where.fail("not a zip archive: %d bytes, fewer than an end of central directory record", fileSize);
        }
        int tailLength = (int) Math.min(fileSize, END_BYTES + MAX_COMMENT);
        long tailStart = fileSize - tailLength;
        ByteBuffer tail = read(where, channel, tailStart, tailLength);
        int end = findEnd(tail);
        if (end < 0) {
            throw where.fail("not a zip archive: no end of central directory record");
        }
        long endPosition = tailStart + end;
        if (tail.getShort(end + 4) != 0 || tail.getShort(end + 6) != 0) {
            throw where.fail("multi-disk zip archives are not supported");
        }
        long count = u16(tail, end + 10);
        long directorySize = u32(tail, end + 12);
        long directoryOffset = u32(tail, end + 16);
        long directoryLimit = endPosition;
        if (count == 0xffff || directorySize == U32_MARK || directoryOffset == U32_MARK) {
            long recordOffset = end64Offset(where, channel, endPosition);
            ByteBuffer end64 = read(where, channel, recordOffset, END64_BYTES);
            if (end64.getInt(0) != END64) {
                throw where.fail("no zip64 end of central directory record at offset %d", recordOffset);
            }
            if (end64.getInt(16) != 0 || end64.getInt(20) != 0) {
                throw where.fail("multi-disk zip archives are not supported");
            }
            count = end64.getLong(32);
            directorySize = end64.getLong(40);
            directoryOffset = end64.getLong(48);
            directoryLimit = recordOffset;
        }
        if (count < 0 || count > MAX_ENTRIES) {
            throw where.fail("zip archive declares %s entries, more than the %d supported",
                    Long.toUnsignedString(count), MAX_ENTRIES);
        }
        if (directorySize < 0 || directoryOffset < 0 || directorySize > MAX_DIRECTORY_BYTES
                || directoryOffset > directoryLimit || directorySize > directoryLimit - directoryOffset) {
            throw where.fail("zip central directory (offset %s, %s bytes) does not fit in the %d-byte file "
                    + "(or exceeds %d bytes)", Long.toUnsignedString(directoryOffset),
                    Long.toUnsignedString(directorySize), fileSize, MAX_DIRECTORY_BYTES);
        }
        if (count * CENTRAL_BYTES > directorySize) {
            throw where.fail("zip central directory of %d bytes cannot hold the %d entries it declares",
                    directorySize, count);
        }
        ByteBuffer directory = read(where, channel, directoryOffset, (int) directorySize);
        return parse(where, directory, (int) count, fileSize);
    }

    /** The last end record whose comment ends within the file. */
    private static int findEnd(ByteBuffer tail) {
        for (int p = tail.limit() - END_BYTES; p >= 0; p--) {
            if (tail.getInt(p) == END && p + END_BYTES + u16(tail, p + 20) <= tail.limit()) {
                return p;
            }
        }
        return -1;
    }

    /** The offset of the zip64 end record, from the locator just before the end record. */
    private static long end64Offset(Where where, FileChannel channel, long endPosition)
            throws TensorFormatException, IOException {
        if (endPosition < LOCATOR_BYTES + END64_BYTES) {
            throw where.fail("zip64 archive without its zip64 end of central directory locator");
        }
        ByteBuffer locator = read(where, channel, endPosition - LOCATOR_BYTES, LOCATOR_BYTES);
        if (locator.getInt(0) != END64_LOCATOR) {
            throw where.fail("zip64 archive without its zip64 end of central directory locator");
        }
        long recordOffset = locator.getLong(8);
        if (locator.getInt(4) != 0 || locator.getInt(16) > 1) {
            throw where.fail("multi-disk zip archives are not supported");
        }
        if (recordOffset < 0 || recordOffset > endPosition - LOCATOR_BYTES - END64_BYTES) {
            throw where.fail("zip64 end of central directory record offset %s lies outside the file",
                    Long.toUnsignedString(recordOffset));
        }
        return recordOffset;
    }

    private static ZipDirectory parse(Where where, ByteBuffer d, int count, long fileSize)
            throws TensorFormatException {
        Map<String, Entry> byName = new HashMap<>();
        List<String> names = new ArrayList<>(count);
        int p = 0;
        for (int i = 0; i < count; i++) {
            if (d.limit() - p < CENTRAL_BYTES || d.getInt(p) != CENTRAL) {
                throw where.fail("zip central directory entry %d is malformed", i);
            }
            int flags = u16(d, p + 8);
            int method = u16(d, p + 10);
            long compressed = u32(d, p + 20);
            long size = u32(d, p + 24);
            int nameLength = u16(d, p + 28);
            int extraLength = u16(d, p + 30);
            int commentLength = u16(d, p + 32);
            long localOffset = u32(d, p + 42);
            int next = p + CENTRAL_BYTES + nameLength + extraLength + commentLength;
            if (next > d.limit() || next < 0) {
                throw where.fail("zip central directory entry %d runs past the directory", i);
            }
            String name = new String(bytes(d, p + CENTRAL_BYTES, nameLength), StandardCharsets.UTF_8);
            long[] values = {size, compressed, localOffset};
            zip64(where, d, p + CENTRAL_BYTES + nameLength, extraLength, values, name);
            if (values[0] < 0 || values[1] < 0 || values[2] < 0) {
                throw where.fail("zip entry %s declares a size or offset above 2^63", Where.quote(name));
            }
            Entry e = new Entry(name, flags, method, values[1], values[0], values[2]);
            if (byName.put(name, e) != null) {
                throw where.fail("zip archive holds two entries named %s", Where.quote(name));
            }
            names.add(name);
            p = next;
        }
        return new ZipDirectory(byName, Collections.unmodifiableList(names), fileSize);
    }

    /** Replaces the 0xFFFFFFFF markers of {size, compressed size, local offset} by the zip64 extra field's values. */
    private static void zip64(Where where, ByteBuffer d, int start, int length, long[] values, String name)
            throws TensorFormatException {
        boolean needed = values[0] == U32_MARK || values[1] == U32_MARK || values[2] == U32_MARK;
        int end = start + length;
        for (int p = start; p + 4 <= end; ) {
            int id = u16(d, p);
            int size = u16(d, p + 2);
            int dataStart = p + 4;
            if (dataStart + size > end) {
                throw where.fail("zip entry %s has a malformed extra field", Where.quote(name));
            }
            if (id == ZIP64_EXTRA) {
                int q = dataStart;
                for (int k = 0; k < values.length; k++) {
                    if (values[k] == U32_MARK) {
                        if (q + 8 > dataStart + size) {
                            throw where.fail("zip entry %s has a truncated zip64 extra field", Where.quote(name));
                        }
                        values[k] = d.getLong(q);
                        q += 8;
                    }
                }
                return;
            }
            p = dataStart + size;
        }
        if (needed) {
            throw where.fail("zip entry %s lacks the zip64 extra field its sizes call for", Where.quote(name));
        }
    }

    /**
     * Where the entry's data begin, from its local header; checks that the entry is stored (not compressed, not
     * encrypted), that its local header matches the central one, and that its data lie within the file.
     */
    long dataOffset(Where where, FileChannel channel, Entry e) throws TensorFormatException, IOException {
        String name = Where.quote(e.name());
        if ((e.flags() & 1) != 0) {
            throw where.fail("zip entry %s is encrypted", name);
        }
        if (e.method() != 0) {
            throw where.fail("zip entry %s is compressed (method %d); only stored entries, as torch.save writes "
                    + "them, are read: re-save the checkpoint with torch.save", name, e.method());
        }
        if (e.compressedSize() != e.size()) {
            throw where.fail("stored zip entry %s declares %d bytes but holds %d", name, e.size(),
                    e.compressedSize());
        }
        if (e.localHeaderOffset() > fileSize - LOCAL_BYTES) {
            throw where.fail("zip entry %s: local header offset %d lies outside the %d-byte file", name,
                    e.localHeaderOffset(), fileSize);
        }
        ByteBuffer header = read(where, channel, e.localHeaderOffset(), LOCAL_BYTES);
        if (header.getInt(0) != LOCAL) {
            throw where.fail("zip entry %s: no local header at offset %d", name, e.localHeaderOffset());
        }
        int nameLength = u16(header, 26);
        long data = e.localHeaderOffset() + LOCAL_BYTES + nameLength + u16(header, 28);
        if (data > fileSize || e.size() > fileSize - data) {
            throw where.fail("zip entry %s: its %d data bytes at offset %d run past the end of the %d-byte file",
                    name, e.size(), data, fileSize);
        }
        byte[] localName = read(where, channel, e.localHeaderOffset() + LOCAL_BYTES, nameLength).array();
        if (!new String(localName, StandardCharsets.UTF_8).equals(e.name())) {
            throw where.fail("zip entry %s: its local header names another entry", name);
        }
        return data;
    }

    /** The whole data of a small stored entry, refused above {@code maxBytes}. */
    byte[] readSmall(Where where, FileChannel channel, Entry e, long maxBytes)
            throws TensorFormatException, IOException {
        long offset = dataOffset(where, channel, e);
        if (e.size() > maxBytes) {
            throw where.fail("zip entry %s holds %d bytes, more than the %d accepted", Where.quote(e.name()),
                    e.size(), maxBytes);
        }
        return read(where, channel, offset, (int) e.size()).array();
    }

    private static ByteBuffer read(Where where, FileChannel channel, long position, int length)
            throws TensorFormatException, IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw where.fail("file ended while reading the zip structure at offset %d", position);
            }
        }
        return buffer;
    }

    private static byte[] bytes(ByteBuffer b, int start, int length) {
        byte[] out = new byte[length];
        b.get(start, out);
        return out;
    }

    private static int u16(ByteBuffer b, int index) {
        return Short.toUnsignedInt(b.getShort(index));
    }

    private static long u32(ByteBuffer b, int index) {
        return Integer.toUnsignedLong(b.getInt(index));
    }
}
