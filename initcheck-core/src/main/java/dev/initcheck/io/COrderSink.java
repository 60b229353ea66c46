package dev.initcheck.io;

/**
 * Writes a storage-order stream into a C-order (row-major) array. For Fortran-ordered data the
 * first index varies fastest in the stream; an odometer over the indices places each value at its
 * C-order position, so no second array is needed.
 */
final class COrderSink implements ChunkConsumer {
    private final double[] out;
    private final int[] dims;
    private final int[] cStrides;
    private final int[] index;
    private int position;
    private int written;

    private COrderSink(double[] out, long[] shape) {
        this.out = out;
        int rank = shape.length;
        this.dims = new int[rank];
        this.cStrides = new int[rank];
        this.index = new int[rank];
        int stride = 1;
        for (int k = rank - 1; k >= 0; k--) {
            dims[k] = (int) shape[k];
            cStrides[k] = stride;
            stride *= dims[k];
        }
    }

    /** A sink filling {@code out} (of length {@code info.size()}) in C order. */
    static ChunkConsumer into(double[] out, TensorInfo info) {
        if (info.fortranOrder() && info.rank() > 1) {
            return new COrderSink(out, info.shape());
        }
        int[] filled = {0};
        return (buf, len) -> {
            System.arraycopy(buf, 0, out, filled[0], len);
            filled[0] += len;
        };
    }

    @Override
    public void accept(double[] buf, int len) {
        if (len > out.length - written) {
            throw new IllegalStateException("more values than the shape holds");
        }
        for (int j = 0; j < len; j++) {
            out[position] = buf[j];
            advance();
        }
        written += len;
    }

    private void advance() {
        for (int k = 0; k < dims.length; k++) {
            index[k]++;
            position += cStrides[k];
            if (index[k] < dims[k]) {
                return;
            }
            position -= dims[k] * cStrides[k];
            index[k] = 0;
        }
    }
}
