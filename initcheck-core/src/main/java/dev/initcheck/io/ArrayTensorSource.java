package dev.initcheck.io;

/** Values already parsed into memory (text formats), delivered in chunks. */
final class ArrayTensorSource extends AbstractTensorSource {
    private final double[] values;
    private double[] chunk;

    ArrayTensorSource(TensorInfo info, Where where, double[] values) {
        super(info, where);
        if (values.length != info.size()) {
            throw new IllegalArgumentException("values do not match the shape");
        }
        this.values = values;
    }

    @Override
    void readPass(ChunkConsumer sink) {
        if (chunk == null) {
            chunk = new double[ChunkDecoder.capacityFor(values.length)];
        }
        for (int start = 0; start < values.length; start += chunk.length) {
            int n = Math.min(chunk.length, values.length - start);
            System.arraycopy(values, start, chunk, 0, n);
            sink.accept(chunk, n);
        }
    }

    @Override
    void release() {
        // Nothing held but memory.
    }
}
