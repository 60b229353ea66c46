package dev.initcheck.spark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The headers of the {@code .safetensors} files read through {@link HadoopFiles}, kept once read: the 8-byte length
 * and the JSON it announces (bytes [0, 8 + N) of the file). The readers re-read a file's header each time they open
 * one of its tensors (to plan it, to read it whole); with the cache the driver fetches each header from storage once,
 * and an executor task once per file it opens. Only bytes inside [0, 8 + N) are kept, and only for N up to the
 * readers' 100 MiB limit, so the cache never holds tensor data; the checkpoint is assumed not to change during the
 * audit.
 */
final class HeaderCache {
    /** The safetensors readers' limit on a header (SafetensorsFormat.MAX_HEADER_BYTES). */
    static final long MAX_HEADER_BYTES = 100L << 20;

    private final Map<String, byte[]> heads = new ConcurrentHashMap<>();

    /** Copies bytes [at, at + len) of {@code file} into {@code dst} when all are cached; false otherwise. */
    boolean get(String file, long at, byte[] dst, int off, int len) {
        byte[] head = heads.get(file);
        if (head == null || at + len > head.length) {
            return false;
        }
        System.arraycopy(head, (int) at, dst, off, len);
        return true;
    }

    /** Keeps what a read of bytes [at, at + len) of {@code file} returned, where it extends the cached header. */
    void put(String file, long at, byte[] src, int off, int len) {
        heads.compute(file, (k, head) -> {
            if (at == 0) {
                byte[] first = Arrays.copyOfRange(src, off, off + (int) Math.min(len, Long.BYTES));
                return head != null && head.length >= first.length ? head : first;
            }
            if (head == null || head.length < Long.BYTES || at != head.length) {
                return head;
            }
            long n = ByteBuffer.wrap(head, 0, Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (n < 0 || n > MAX_HEADER_BYTES || at + len > Long.BYTES + n) {
                return head;
            }
            byte[] longer = Arrays.copyOf(head, (int) (at + len));
            System.arraycopy(src, off, longer, (int) at, len);
            return longer;
        });
    }
}
