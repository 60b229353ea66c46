package dev.initcheck.cli;

/** Turns any failure into one line for stderr. */
public final class Errors {
    private Errors() {
    }

    public static String oneLine(Throwable t) {
        String msg = t.getMessage();
        if (t instanceof IllegalArgumentException || t instanceof java.io.IOException
                || t.getClass().getName().startsWith("dev.initcheck.")) {
            return firstLine(msg != null ? msg : t.getClass().getSimpleName());
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + firstLine(msg) + "); try a larger -Xmx";
        }
        return "internal error: " + t.getClass().getSimpleName() + (msg != null ? ": " + firstLine(msg) : "");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
