package dev.initcheck.scheme;

import java.util.List;
import java.util.Locale;

/**
 * One parameter of a scheme: a number (with a sign constraint) or a choice among words.
 * A null default makes it required, unless the scheme lists it among alternatives (uniform's limit | min,max).
 */
record Param(String name, Kind kind, String defaultValue, List<String> choices, boolean optional) {

    enum Kind { NUMBER, POSITIVE, NON_NEGATIVE, CHOICE }

    static Param number(String name, String defaultValue) {
        return new Param(name, Kind.NUMBER, defaultValue, List.of(), false);
    }

    static Param positive(String name, String defaultValue) {
        return new Param(name, Kind.POSITIVE, defaultValue, List.of(), false);
    }

    static Param nonNegative(String name, String defaultValue) {
        return new Param(name, Kind.NON_NEGATIVE, defaultValue, List.of(), false);
    }

    static Param choice(String name, String defaultValue, List<String> choices) {
        return new Param(name, Kind.CHOICE, defaultValue, choices, false);
    }

    /** The same parameter, allowed to be absent without a default (one of several alternatives). */
    Param asOptional() {
        return new Param(name, kind, defaultValue, choices, true);
    }

    boolean required() {
        return defaultValue == null && !optional;
    }

    /** Validates a raw value and returns its canonical spelling. */
    String canonical(String scheme, String raw) {
        if (kind == Kind.CHOICE) {
            String v = raw.toLowerCase(Locale.ROOT);
            if (!choices.contains(v)) {
                throw new SchemeException(String.format(Locale.ROOT, "%s: %s='%s' is not valid (valid: %s)",
                        scheme, name, raw, String.join(", ", choices)));
            }
            return v;
        }
        double x = parseNumber(scheme, raw);
        boolean ok = switch (kind) {
            case POSITIVE -> x > 0;
            case NON_NEGATIVE -> x >= 0;
            default -> true;
        };
        if (!ok) {
            throw new SchemeException(String.format(Locale.ROOT, "%s: %s must be %s, got %s",
                    scheme, name, kind == Kind.POSITIVE ? "> 0" : ">= 0", raw));
        }
        return raw.strip();
    }

    private double parseNumber(String scheme, String raw) {
        double x;
        try {
            x = Double.parseDouble(raw.strip());
        } catch (NumberFormatException e) {
            throw new SchemeException(String.format(Locale.ROOT, "%s: %s='%s' is not a number", scheme, name, raw));
        }
        if (!Double.isFinite(x) || raw.strip().matches("(?i).*(nan|inf).*")) {
            throw new SchemeException(String.format(Locale.ROOT, "%s: %s must be a finite number, got %s",
                    scheme, name, raw));
        }
        return x;
    }

    String usage() {
        if (kind == Kind.CHOICE) {
            return name + "=" + String.join("|", choices) + (defaultValue != null ? " (default " + defaultValue + ")" : "");
        }
        return name + "=" + (defaultValue != null ? defaultValue : "<number>") + (optional ? "?" : "");
    }
}
