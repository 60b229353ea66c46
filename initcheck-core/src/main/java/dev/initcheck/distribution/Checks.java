package dev.initcheck.distribution;

import java.util.Locale;

/** Argument validation shared by the distribution factories (NaN-safe: comparisons reject NaN). */
final class Checks {
    private Checks() {
    }

    static double positive(String name, double value) {
        if (value > 0 && value < Double.POSITIVE_INFINITY) { // also rejects NaN
            return value;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s must be a finite number > 0, got %s", name, value));
    }

    static double finite(String name, double value) {
        if (Double.isFinite(value)) {
            return value;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s must be a finite number, got %s", name, value));
    }

    static void ordered(String lowName, double low, String highName, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s (%s) must be smaller than %s (%s)", lowName, low, highName, high));
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
