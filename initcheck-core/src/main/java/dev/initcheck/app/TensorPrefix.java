package dev.initcheck.app;

import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorSource;

/** The first values of a tensor in storage order, streamed: the rest of a huge tensor is never read. */
public final class TensorPrefix {
    private TensorPrefix() {
    }

    /**
     * Reads the first {@code min(m, size)} values in storage order.
     *
     * @throws TensorFormatException if the data cannot be read
     */
    public static double[] read(TensorSource src, int m) throws TensorFormatException {
        double[] out = new double[(int) Math.min(src.info().size(), m)];
        int[] filled = {0};
        if (out.length == 0) {
            return out;
        }
        try {
            src.forEachChunk((buf, len) -> {
                int k = Math.min(len, out.length - filled[0]);
                System.arraycopy(buf, 0, out, filled[0], k);
                filled[0] += k;
                if (filled[0] == out.length) {
                    throw Enough.INSTANCE;
                }
            });
        } catch (Enough done) {
            // the prefix is complete; the rest of the tensor is not read
        }
        return out;
    }

    /** Stops a streaming pass once the prefix is complete (no stack trace: it is not an error). */
    private static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Enough INSTANCE = new Enough();

        private Enough() {
            super(null, null, false, false);
        }
    }
}
