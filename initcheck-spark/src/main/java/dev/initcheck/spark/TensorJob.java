package dev.initcheck.spark;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.io.DType;
import java.io.Serializable;

/**
 * What an executor needs to summarise byte ranges of one streamed tensor: where its values lie, how they are
 * stored, and the law the summary is taken for (the bins and the moments' center follow from it).
 *
 * @param id        the tensor's index in the job
 * @param name      the tensor's name (for messages)
 * @param uri       the file, as a Hadoop URI (file:, hdfs:, s3a:, ...)
 * @param offset    the byte offset of its first value
 * @param dtype     its element type
 * @param bigEndian whether its values are big-endian
 * @param size      its number of values
 * @param law       the declared law
 * @param precision how the law's values are stored
 * @param bins      the histogram's bins
 * @param rows      rows of the 2-D view whose lines are hashed, 0 when they are not
 * @param cols      columns of that view
 */
record TensorJob(int id, String name, String uri, long offset, DType dtype, boolean bigEndian, long size,
                 Distribution law, Precision precision, int bins, long rows, long cols) implements Serializable {
    private static final long serialVersionUID = 1L;

    boolean hashesLines() {
        return rows > 0;
    }
}
