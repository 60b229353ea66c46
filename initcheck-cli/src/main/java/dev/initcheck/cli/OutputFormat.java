package dev.initcheck.cli;

import java.util.Locale;

/** {@code --format text|json}. */
enum OutputFormat {
    TEXT, JSON;

    static OutputFormat parse(String s) {
        for (OutputFormat f : values()) {
            if (f.name().equalsIgnoreCase(s.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + s + "' (valid: text, json)");
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
