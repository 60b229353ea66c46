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

    /** JUnit classname: {@code initcheck.<scheme>.<shape>}, e.g. {@code initcheck.he_uniform.256x512_pytorch}. */
    static String junitClass(TensorResult t) {
        if (t.file() != null) {
            return "initcheck.check." + (t.tensor() == null ? fileName(t.file()) : fileName(t.file()) + "." + t.tensor());
        }
        return "initcheck." + plain(t.scheme()) + "." + t.shapeLabel() + "_" + t.layout();
    }

    /** Parameters without dots or brackets, so dashboards do not split them: constant(value=0.1) -> constant_value_0_1. */
    private static String plain(String scheme) {
        int open = scheme.indexOf('(');
        if (open < 0) {
            return scheme;
        }
        String params = scheme.substring(open).replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+$", "");
        return scheme.substring(0, open) + params;
    }

    private static String fileName(String f) {
        int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
        return f.substring(slash + 1);
    }
}
