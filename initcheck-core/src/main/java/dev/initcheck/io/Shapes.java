package dev.initcheck.io;

/** Shape arithmetic with overflow checks. */
final class Shapes {
    private Shapes() {
    }

    /** The product of the dimensions, or -1 if one is negative or the product overflows. */
    static long sizeOrMinusOne(long[] shape) {
        long size = 1;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            try {
                size = Math.multiplyExact(size, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return size;
    }

    /** Checks rank and dimensions and returns the element count. */
    static long checkedSize(Where where, long[] shape) throws TensorFormatException {
        if (shape.length > TensorInfo.MAX_RANK) {
            throw where.fail("shape has %d dimensions, more than the %d supported",
                    shape.length, TensorInfo.MAX_RANK);
        }
        for (long d : shape) {
            if (d < 0) {
                throw where.fail("shape %s has a negative dimension", TensorInfo.formatShape(shape));
            }
        }
        long size = sizeOrMinusOne(shape);
        if (size < 0) {
            throw where.fail("shape %s has more elements than a long can count",
                    TensorInfo.formatShape(shape));
        }
        return size;
    }

    /** Checks the shape and returns the byte count for elements of {@code itemSize} bytes. */
    static long checkedBytes(Where where, long[] shape, int itemSize) throws TensorFormatException {
        long size = checkedSize(where, shape);
        if (size > Long.MAX_VALUE / itemSize) {
            throw where.fail("shape %s needs more bytes than a long can count",
                    TensorInfo.formatShape(shape));
        }
        return size * itemSize;
    }

    /** Fails for a tensor without elements, which no statistic can use. */
    static void requireNonEmpty(Where where, TensorInfo info) throws TensorFormatException {
        if (info.size() == 0) {
            throw where.fail("empty tensor (shape %s has no elements)", TensorInfo.formatShape(info.shape()));
        }
    }
}
