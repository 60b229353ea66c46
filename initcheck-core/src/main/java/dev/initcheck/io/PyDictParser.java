package dev.initcheck.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser for the Python literal dict in a {@code .npy} header, such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}. It accepts only what the
 * header needs: string keys, and values that are strings, {@code True}/{@code False}, or tuples of
 * integers. A list value (a structured dtype) is recognised and skipped so the caller can name it.
 * Nothing is evaluated.
 */
final class PyDictParser {
    /** A Python tuple of integers. */
    record Tuple(long[] values, boolean isTuple) {
    }

    /** Stands for a list value, such as the descr of a structured dtype. */
    static final Object LIST = new Object() {
        @Override
        public String toString() {
            return "a list";
        }
    };

    private static final int MAX_TUPLE = TensorInfo.MAX_RANK;

    private final Where where;
    private final String text;
    private int pos;

    private PyDictParser(Where where, String text) {
        this.where = where;
        this.text = text;
    }

    /** Parses the dict; only whitespace may follow it. Keys are unique. */
    static Map<String, Object> parse(Where where, String text) throws TensorFormatException {
        return new PyDictParser(where, text).dict();
    }

    private Map<String, Object> dict() throws TensorFormatException {
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        while (peek() != '}') {
            String key = string();
            expect(':');
            if (map.put(key, value()) != null) {
                throw where.fail("header repeats the key %s", Where.quote(key));
            }
            if (peek() != ',') {
                break;
            }
            pos++;
        }
        expect('}');
        if (peek() != -1) {
            throw error("only whitespace may follow the header dict");
        }
        return map;
    }

    private Object value() throws TensorFormatException {
        int c = peek();
        if (c == '\'' || c == '"') {
            return string();
        } else if (c == '(') {
            return tuple();
        } else if (c == '[') {
            skipBracketed();
            return LIST;
        } else if (text.startsWith("True", pos)) {
            pos += 4;
            return Boolean.TRUE;
        } else if (text.startsWith("False", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        throw error("expected a string, True, False or a tuple");
    }

    private String string() throws TensorFormatException {
        int quote = peek();
        if (quote != '\'' && quote != '"') {
            throw error("expected a quoted string");
        }
        int start = ++pos;
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c == '\\' || c == '\n') {
                throw error("escapes and line breaks are not supported in header strings");
            }
        }
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        return text.substring(start, pos++);
    }

    private Tuple tuple() throws TensorFormatException {
        expect('(');
        List<Long> values = new ArrayList<>();
        boolean comma = false;
        while (peek() != ')') {
            if (values.size() == MAX_TUPLE) {
                throw where.fail("shape has more than %d dimensions", MAX_TUPLE);
            }
            values.add(integer());
            comma = peek() == ',';
            if (!comma) {
                break;
            }
            pos++;
        }
        expect(')');
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        return new Tuple(array, array.length != 1 || comma);
    }

    private long integer() throws TensorFormatException {
        boolean negative = peek() == '-';
        pos += negative ? 1 : 0;
        int start = pos;
        long value = 0;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            int digit = text.charAt(pos++) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw where.fail("shape entry %s… does not fit in a long", text.substring(start, pos));
            }
            value = value * 10 + digit;
        }
        if (pos == start) {
            throw error("expected an integer");
        }
        pos += pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l') ? 1 : 0;
        return negative ? -value : value;
    }

    private void skipBracketed() throws TensorFormatException {
        int depth = 0;
        do {
            if (pos >= text.length()) {
                throw error("unterminated list");
            }
            char c = text.charAt(pos);
            if (c == '\'' || c == '"') {
                string();
                continue;
            }
            depth += c == '[' || c == '(' ? 1 : c == ']' || c == ')' ? -1 : 0;
            pos++;
        } while (depth > 0);
    }

    private void expect(char c) throws TensorFormatException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** Skips whitespace and returns the next character, or -1 at the end. */
    private int peek() {
        while (pos < text.length() && " \t\r\n\f".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return pos < text.length() ? text.charAt(pos) : -1;
    }

    private TensorFormatException error(String expectation) {
        String found = pos < text.length() ? Where.quote(String.valueOf(text.charAt(pos))) : "the end";
        return where.fail("malformed header dict: %s at offset %d, found %s", expectation, pos, found);
    }
}
