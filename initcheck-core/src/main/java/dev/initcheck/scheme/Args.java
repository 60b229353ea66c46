package dev.initcheck.scheme;

import java.util.Map;

/** The validated, canonical parameter values of one scheme occurrence, defaults filled in. */
record Args(Map<String, String> values) {

    double num(String name) {
        return Double.parseDouble(values.get(name));
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String word(String name) {
        return values.get(name);
    }
}
