package dev.initcheck.app;

import dev.initcheck.io.TensorFormatException;
import java.util.concurrent.Semaphore;

/**
 * Shares half of the maximum heap among tensor tasks that run at the same time: a task that reads its tensor whole
 * first takes the bytes it will need (at most the whole share, so a task larger than the share runs alone and
 * meets {@code HeapGuard}'s own refusal), and gives them back when done. Streamed tensors need no share.
 */
public final class HeapShare {
    private static final int KIB = 1024;
    private static final int PERMITS = (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 2 / KIB);
    private static final Semaphore SHARE = new Semaphore(PERMITS, true);

    private HeapShare() {
    }

    /** Work that reads tensors. */
    public interface Work<T> {
        T run() throws TensorFormatException;
    }

    /** Runs {@code work} once {@code bytes} of the share are free. */
    public static <T> T run(long bytes, Work<T> work) throws TensorFormatException {
        int permits = (int) Math.min(PERMITS, (bytes + KIB - 1) / KIB);
        if (permits == 0) {
            return work.run();
        }
        SHARE.acquireUninterruptibly(permits);
        try {
            return work.run();
        } finally {
            SHARE.release(permits);
        }
    }
}
