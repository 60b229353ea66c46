package dev.initcheck.report;

/** Stable identifiers of report entries, shared by every writer. */
final class Ids {
    private Ids() {
    }

    /** {@code he_uniform.256x512.pytorch}, or {@code file[tensor]} for values from a file. */
    static String of(TensorResult t) {
        if (t.file() != null) {
            return t.tensor() == null ? t.file() : t.file() + "[" + t.tensor() + "]";
        }
        return t.scheme() + "." + t.shapeLabel() + "." + t.layout();
    }

}
