package dev.initcheck.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.initcheck.io.JsonReader.Token;

/**
 * Parses the JSON header of a {@code .safetensors} file with the strict pull reader {@link JsonReader}: an object
 * mapping each tensor name to {@code {"dtype": ..., "shape": [...], "data_offsets": [begin, end]}},
 * plus an optional {@code "__metadata__"} object of strings, which is checked and ignored. Other
 * fields of a tensor entry are skipped. Duplicate tensor names and duplicate fields of an entry are
 * refused, nesting is limited, and no tree is built, so memory stays proportional to the header
 * (duplicate tensor names are detected with one set for the whole header, not one per object).
 */
final class SafetensorsHeader {
    /** A tensor entry as declared, before it is checked against the data section. */
    record Entry(String name, String dtype, long[] shape, long begin, long end) {
    }

    private static final String METADATA = "__metadata__";
    private static final int MAX_DEPTH = 64;

    private SafetensorsHeader() {
    }

    /** Parses the header bytes (UTF-8 JSON starting with '{'). */
    static List<Entry> parse(Where where, byte[] json) throws TensorFormatException {
        checkBytes(where, json);
        try {
            JsonReader p = new JsonReader(json, MAX_DEPTH);
            p.nextToken();
            List<Entry> entries = new ArrayList<>();
            Set<String> names = new HashSet<>();
            while (p.nextToken() == Token.FIELD_NAME) {
                String name = p.currentName();
                if (!names.add(name)) {
                    throw where.fail("header repeats the key %s", Where.quote(name));
                }
                Token value = p.nextToken();
                if (METADATA.equals(name)) {
                    metadata(where, p, value);
                } else {
                    entries.add(entry(where.tensor(name), name, p, value));
                }
            }
            if (p.nextToken() != null) {
                throw where.fail("unexpected content after the header's JSON object");
            }
            return entries;
        } catch (JsonReader.Malformed e) {
            throw where.wrap("malformed header JSON", e);
        }
    }

    /** JSON in UTF-8 never holds a NUL byte; refusing them also stops UTF-16/32 auto-detection. */
    private static void checkBytes(Where where, byte[] json) throws TensorFormatException {
        if (json.length == 0 || json[0] != '{') {
            throw where.fail("header is not a JSON object (it must start with '{')");
        }
        for (int i = 0; i < json.length; i++) {
            if (json[i] == 0) {
                throw where.fail("header holds a NUL byte at offset %d", i);
            }
        }
    }

    private static void metadata(Where where, JsonReader p, Token value)
            throws JsonReader.Malformed, TensorFormatException {
        if (value == Token.NULL) {
            return;
        }
        if (value != Token.START_OBJECT) {
            throw where.fail("%s must be an object of strings", METADATA);
        }
        while (p.nextToken() == Token.FIELD_NAME) {
            if (p.nextToken() != Token.STRING) {
                throw where.fail("%s value %s must be a string", METADATA, Where.quote(p.currentName()));
            }
        }
    }

    private static Entry entry(Where where, String name, JsonReader p, Token value)
            throws JsonReader.Malformed, TensorFormatException {
        if (value != Token.START_OBJECT) {
            throw where.fail("header entry must be a JSON object");
        }
        String dtype = null;
        long[] shape = null;
        long[] offsets = null;
        while (p.nextToken() == Token.FIELD_NAME) {
            String field = p.currentName();
            Token token = p.nextToken();
            boolean repeated = field.equals("dtype") && dtype != null || field.equals("shape") && shape != null
                    || field.equals("data_offsets") && offsets != null;
            if (repeated) {
                throw where.fail("header entry repeats '%s'", field);
            }
            switch (field) {
                case "dtype" -> dtype = string(where, p, token, field);
                case "shape" -> shape = integers(where, p, token, field, TensorInfo.MAX_RANK);
                case "data_offsets" -> offsets = integers(where, p, token, field, 2);
                default -> p.skipChildren(token);
            }
        }
        if (dtype == null || shape == null || offsets == null) {
            String missing = dtype == null ? "dtype" : shape == null ? "shape" : "data_offsets";
            throw where.fail("header entry lacks '%s'", missing);
        }
        if (offsets.length != 2 || offsets[0] < 0 || offsets[1] < 0) {
            throw where.fail("data_offsets must be two non-negative integers [begin, end]");
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static String string(Where where, JsonReader p, Token token, String field)
            throws JsonReader.Malformed, TensorFormatException {
        if (token != Token.STRING) {
            throw where.fail("'%s' must be a string", field);
        }
        return p.text();
    }

    private static long[] integers(Where where, JsonReader p, Token token, String field, int max)
            throws JsonReader.Malformed, TensorFormatException {
        if (token != Token.START_ARRAY) {
            throw where.fail("'%s' must be an array of integers", field);
        }
        long[] values = new long[Math.min(max, 4)];
        int n = 0;
        for (Token t = p.nextToken(); t != Token.END_ARRAY; t = p.nextToken()) {
            if (t != Token.INT) {
                throw where.fail("'%s' must be an array of integers", field);
            }
            if (!p.fitsLong()) {
                throw where.fail("'%s' entry %s does not fit in a long", field, p.text());
            }
            if (n == max) {
                throw where.fail("'%s' has more than %d entries", field, max);
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, Math.min(max, 2 * n));
            }
            values[n++] = p.longValue();
        }
        return n == values.length ? values : Arrays.copyOf(values, n);
    }
}
