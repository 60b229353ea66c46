package dev.initcheck.spark;

import java.io.Serializable;

/**
 * Values [from, to) of one tensor, summarised by one task; {@code from} is a multiple of the readers' chunk
 * (2<sup>16</sup> values), so the range's chunks are the local reader's chunks.
 *
 * @param tensor the tensor's index in the job
 * @param from   first value
 * @param to     one past the last value
 */
record RangeTask(int tensor, long from, long to) implements Serializable {
    private static final long serialVersionUID = 1L;
}
