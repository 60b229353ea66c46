package dev.initcheck.scheme;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits {@code name(key=value,...)} into its parts; the catalogue validates names and values. */
final class SchemeParser {
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*(?:\\((.*)\\))?");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    record Parsed(String name, Map<String, String> params) {
    }

    private SchemeParser() {
    }

    static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SchemeException("empty scheme (write name or name(key=value,...); see 'initcheck list')");
        }
        Matcher m = SCHEME.matcher(text.strip());
        if (!m.matches()) {
            throw new SchemeException("cannot parse scheme '" + text + "' (write name or name(key=value,...))");
        }
        Map<String, String> params = new LinkedHashMap<>();
        String body = m.group(2);
        if (body != null && !body.isBlank()) {
            for (String item : body.split(",", -1)) {
                addParam(text, item, params);
            }
        }
        return new Parsed(m.group(1).toLowerCase(java.util.Locale.ROOT), params);
    }

    private static void addParam(String text, String item, Map<String, String> params) {
        int eq = item.indexOf('=');
        String key = eq < 0 ? item.strip() : item.substring(0, eq).strip();
        String value = eq < 0 ? "" : item.substring(eq + 1).strip();
        if (eq < 0 || !KEY.matcher(key).matches() || value.isEmpty()) {
            throw new SchemeException("scheme '" + text + "': parameter '" + item.strip() + "' is not key=value");
        }
        if (params.put(key.toLowerCase(java.util.Locale.ROOT), value) != null) {
            throw new SchemeException("scheme '" + text + "': parameter '" + key + "' given twice");
        }
    }
}
