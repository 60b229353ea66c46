package dev.initcheck.scheme;

/** A scheme string that does not parse, names an unknown scheme, or has missing, unknown or invalid parameters. */
public final class SchemeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SchemeException(String message) {
        super(message);
    }
}
