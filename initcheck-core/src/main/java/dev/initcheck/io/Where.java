package dev.initcheck.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Where a problem was found (file, and tensor when known); builds one-line error messages. */
final class Where {
    private static final int MAX_NAME_CHARS = 120;
    private static final int MAX_LISTED_NAMES = 20;

    private final String file;
    private final String tensor;

    private Where(String file, String tensor) {
        this.file = file;
        this.tensor = tensor;
    }

    static Where of(Path file) {
        return new Where(String.valueOf(file), null);
    }

    Where tensor(String name) {
        return new Where(file, name);
    }

    /** Fails with a problem formatted by {@link String#format} in {@link Locale#ROOT}. */
    TensorFormatException fail(String format, Object... args) {
        return new TensorFormatException(prefix() + String.format(Locale.ROOT, format, args));
    }

    /** Wraps an unexpected exception: {@code doing} says what was being done. */
    TensorFormatException wrap(String doing, Throwable cause) {
        return new TensorFormatException(prefix() + doing + ": " + describe(cause), cause);
    }

    private String prefix() {
        return tensor == null ? file + ": " : file + ": tensor " + quote(tensor) + ": ";
    }

    /** Describes an exception in a few words, without stack or line breaks. */
    static String describe(Throwable t) {
        if (t instanceof NoSuchFileException) {
            return "no such file";
        }
        if (t instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (t instanceof JsonReader.Malformed) {
            return t.getMessage();
        }
        String message = t.getMessage();
        String kind = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    /** Quotes a name from a file, escaping control characters and shortening long names. */
    static String quote(String name) {
        StringBuilder b = new StringBuilder("'");
        int n = Math.min(name.length(), MAX_NAME_CHARS);
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append(name.length() > n ? "\u2026'" : "'").toString();
    }

    /** Lists names for a message: the first 20 quoted, then "… and N more". */
    static String available(List<String> names) {
        StringBuilder b = new StringBuilder();
        int shown = Math.min(names.size(), MAX_LISTED_NAMES);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(quote(names.get(i)));
        }
        if (names.size() > shown) {
            b.append(String.format(Locale.ROOT, " \u2026 and %d more", names.size() - shown));
        }
        return b.toString();
    }

    /**
     * Picks a tensor by name: with {@code requested == null} the file must hold exactly one.
     *
     * @return the index of the chosen name
     */
    int choose(List<String> names, String requested) throws TensorFormatException {
        if (requested == null) {
            if (names.size() == 1) {
                return 0;
            }
            if (names.isEmpty()) {
                throw fail("contains no tensors");
            }
            throw fail("contains %d tensors, name one of: %s", names.size(), available(names));
        }
        int index = names.indexOf(requested);
        if (index < 0) {
            throw fail("no tensor named %s; available: %s", quote(requested), available(names));
        }
        return index;
    }
}
