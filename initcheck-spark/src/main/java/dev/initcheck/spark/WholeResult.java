package dev.initcheck.spark;

import dev.initcheck.io.TensorFormatException;
import java.io.Serializable;

/**
 * What a task sends back for one {@link WholeTask}: the examination, the exact re-check's verdict, or the values'
 * hash; or the problem the local audit would have stopped on (an unreadable or malformed tensor, a declaration the
 * shape cannot carry, a heap too small for a law that cannot stream), which the driver raises again.
 *
 * @param kind     the task's kind
 * @param id       the task's id
 * @param examined the examination ({@link WholeTask.Kind#EXAMINE})
 * @param exact    the exact path's verdict ({@link WholeTask.Kind#RECHECK}); null when the executor's heap could not
 *                 hold the values and their sorted copy, so the streamed verdict stands
 * @param hash     the values' hash ({@link WholeTask.Kind#HASH})
 * @param failure  the kind of problem, null when there was none
 * @param message  the problem's one-line message (naming the file and tensor)
 * @param bytes    the tensor's bytes in the file
 * @param cpuNanos the task thread's CPU time for this tensor
 */
record WholeResult(WholeTask.Kind kind, int id, Shipped.ExaminedForm examined, Shipped.VerdictForm exact, long[] hash,
                   Failure failure, String message, long bytes, long cpuNanos) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A problem that stops the local audit with exit 2. */
    enum Failure {
        /** {@link TensorFormatException}: the tensor cannot be read as declared by its file. */
        FORMAT,
        /** {@link IllegalArgumentException}: a declaration the shape cannot carry, or the heap cannot hold it. */
        ARGUMENT
    }

    /** Raises the problem on the driver as the local audit raises it; does nothing when there is none. */
    void rethrow() throws TensorFormatException {
        if (failure == Failure.FORMAT) {
            throw new TensorFormatException(message);
        }
        if (failure == Failure.ARGUMENT) {
            throw new IllegalArgumentException(message);
        }
    }
}
