package dev.initcheck.spark;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.audit.Checkpoint;
import dev.initcheck.audit.Declaration;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.io.DType;
import dev.initcheck.io.TensorInfo;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * One tensor's work in an executor task that reads the tensor whole (in one array, or in one streaming pass of its
 * own): what the task needs to open it and to run the local audit's code on it.
 *
 * @param kind         what to do with it
 * @param id           where its result goes: the tensor's index in the audit ({@link Kind#EXAMINE},
 *                     {@link Kind#RECHECK}) or in the list of tensors to hash ({@link Kind#HASH})
 * @param file         the file: a Hadoop URI ({@code hdfs://nn/m/model.safetensors}) for a checkpoint given as one,
 *                     else the absolute local path (read at that path on every executor: local mode, or shared
 *                     storage mounted alike)
 * @param tensor       the tensor's name in the file
 * @param shape        its shape
 * @param dtype        its element type
 * @param fortranOrder whether its values are stored in Fortran order
 * @param declaration  the law declared for it; null for an undeclared tensor (identified) and for a hash
 * @param alpha        its false-alarm share; null for a hash
 * @param ks           the KS mode of the audit
 * @param bytes        its bytes in the file (for dealing tasks to executors)
 */
record WholeTask(Kind kind, int id, String file, String tensor, long[] shape, DType dtype, boolean fortranOrder,
                 Shipped.DeclarationForm declaration, AlphaShare alpha, TensorCheck.KsMode ks, long bytes)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The work on a tensor read whole. */
    enum Kind {
        /** Its checks ({@code Audit.examine}): the exact path, or identification when undeclared. */
        EXAMINE,
        /** The exact KS re-check of a streamed tensor whose binned bounds straddled the gate. */
        RECHECK,
        /** The hash of its values that a tie check compares. */
        HASH
    }

    static WholeTask of(Kind kind, int id, Checkpoint.Item it, Declaration d, AlphaShare alpha, TensorCheck.KsMode ks) {
        TensorInfo info = it.info();
        return new WholeTask(kind, id, location(it.file()), it.name(), info.shape(), info.dtype(),
                info.fortranOrder(), Shipped.DeclarationForm.of(d), alpha, ks, info.byteSize());
    }

    /** The file as every executor reaches it: its URI on a Hadoop file system, else its absolute path. */
    static String location(Path file) {
        return file.getFileSystem() instanceof HadoopFiles ? file.toString() : file.toAbsolutePath().toString();
    }

    /** The tensor's description as the local audit holds it. */
    TensorInfo info() {
        return new TensorInfo(tensor, shape, dtype, fortranOrder);
    }
}
