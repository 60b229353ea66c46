package dev.initcheck.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A small strict pull reader for JSON (RFC 8259) in UTF-8, enough for file headers (the safetensors header): it
 * returns one token at a time and builds no tree, so memory stays proportional to the longest string. Strict: no
 * comments, no trailing commas, no leading zeros, no unescaped control characters, valid UTF-8 only. Limits: the
 * nesting depth given to the constructor, strings of at most {@value #MAX_STRING_BYTES} bytes and numbers of at most
 * {@value #MAX_NUMBER_CHARS} characters; the caller bounds the document's size. Errors are one line with the byte
 * offset ({@link Malformed}). After the first top-level value, further content is read as another top-level value,
 * so that the caller can say what follows its document.
 */
final class JsonReader {
    /** A token, as the reader returns it. */
    enum Token { START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, FIELD_NAME, STRING, INT, FLOAT, TRUE, FALSE, NULL }

    /** Malformed JSON or a limit exceeded: a one-line message naming the byte offset. */
    static final class Malformed extends IOException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    static final int MAX_STRING_BYTES = 20_000_000;
    static final int MAX_NUMBER_CHARS = 1000;
    /** Strings returned without allocation: the safetensors keys and dtypes. */
    private static final String[] KNOWN = {"dtype", "shape", "data_offsets", "__metadata__", "F32", "F16", "BF16",
        "F64", "format", "pt"};

    private enum State { VALUE, NAME, AFTER_VALUE }

    private final byte[] in;
    private final int maxDepth;
    private final boolean[] inObject;
    private int pos;
    private int depth;
    private State state = State.VALUE;
    private boolean first;
    private String name;
    private String text;
    private int numberStart;
    private int numberEnd;
    private boolean fitsLong;
    private long longValue;

    /** Reads {@code json}; containers nested deeper than {@code maxDepth} are refused. */
    JsonReader(byte[] json, int maxDepth) {
        this.in = json;
        this.maxDepth = maxDepth;
        this.inObject = new boolean[maxDepth + 1];
    }

    /** The next token, or null at the end of the input. */
    Token nextToken() throws Malformed {
        skipWhitespace();
        if (state == State.AFTER_VALUE) {
            if (depth == 0) {
                if (pos == in.length) {
                    return null;
                }
                state = State.VALUE;
                return value();
            }
            byte c = read("',' or the end of the " + container());
            if (c == ',') {
                state = inObject[depth] ? State.NAME : State.VALUE;
                first = false;
                return nextToken();
            }
            return close(c);
        }
        if (pos == in.length) {
            if (depth == 0 && state == State.VALUE) {
                return null;
            }
            throw fail("unexpected end of input inside an " + container());
        }
        if (state == State.NAME) {
            byte c = read("a field name");
            if (c == '}' && first) {
                return close(c);
            }
            if (c != '"') {
                throw fail(pos - 1, "expected a field name in double quotes, found " + describe(c));
            }
            name = string();
            skipWhitespace();
            if (read("':'") != ':') {
                throw fail(pos - 1, "expected ':' after a field name, found " + describe(in[pos - 1]));
            }
            state = State.VALUE;
            return Token.FIELD_NAME;
        }
        if (first && depth > 0 && !inObject[depth] && in[pos] == ']') {
            return close(in[pos++]);
        }
        return value();
    }

    /** The name of the last {@link Token#FIELD_NAME}. */
    String currentName() {
        return name;
    }

    /** The text of the last string or number (a number's text is built only when asked for). */
    String text() {
        if (text == null) {
            text = new String(in, numberStart, numberEnd - numberStart, StandardCharsets.US_ASCII);
        }
        return text;
    }

    /** Whether the last {@link Token#INT} fits in a long. */
    boolean fitsLong() {
        return fitsLong;
    }

    /** The last {@link Token#INT} as a long (check {@link #fitsLong()} first). */
    long longValue() {
        if (!fitsLong) {
            throw new ArithmeticException(text() + " does not fit in a long");
        }
        return longValue;
    }

    /** Parses the digits of an integer in place, without building a string. */
    private void parseLong() {
        boolean negative = in[numberStart] == '-';
        long v = 0; // accumulated negatively: Long.MIN_VALUE has no positive counterpart
        fitsLong = true;
        for (int i = negative ? numberStart + 1 : numberStart; i < numberEnd && fitsLong; i++) {
            int d = in[i] - '0';
            fitsLong = v >= (Long.MIN_VALUE + d) / 10;
            v = 10 * v - d;
        }
        fitsLong &= negative || v != Long.MIN_VALUE;
        longValue = negative ? v : -v;
    }

    /** After a START token, skips to its matching END token; after any other token, does nothing. */
    void skipChildren(Token current) throws Malformed {
        if (current != Token.START_OBJECT && current != Token.START_ARRAY) {
            return;
        }
        int target = depth - 1;
        while (depth > target) {
            if (nextToken() == null) {
                throw fail("unexpected end of input inside an " + container());
            }
        }
    }

    private Token value() throws Malformed {
        byte c = read("a value");
        switch (c) {
            case '{' -> {
                return open(true);
            }
            case '[' -> {
                return open(false);
            }
            case '"' -> {
                text = string();
                state = State.AFTER_VALUE;
                return Token.STRING;
            }
            case 't' -> {
                return literal("true", Token.TRUE);
            }
            case 'f' -> {
                return literal("false", Token.FALSE);
            }
            case 'n' -> {
                return literal("null", Token.NULL);
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number(pos - 1);
                }
                throw fail(pos - 1, "expected a value, found " + describe(c));
            }
        }
    }

    private Token open(boolean object) throws Malformed {
        if (depth == maxDepth) {
            throw fail(pos - 1, String.format(Locale.ROOT,
                    "Document nesting depth (%d) exceeds the maximum allowed (%d)", depth + 1, maxDepth));
        }
        inObject[++depth] = object;
        state = object ? State.NAME : State.VALUE;
        first = true;
        return object ? Token.START_OBJECT : Token.START_ARRAY;
    }

    private Token close(byte c) throws Malformed {
        byte expected = (byte) (inObject[depth] ? '}' : ']');
        if (c != expected) {
            throw fail(pos - 1, "expected ',' or '" + (char) expected + "' in an " + container() + ", found "
                    + describe(c));
        }
        Token t = inObject[depth] ? Token.END_OBJECT : Token.END_ARRAY;
        depth--;
        state = State.AFTER_VALUE;
        return t;
    }

    private Token literal(String word, Token token) throws Malformed {
        int start = pos - 1;
        for (int i = 1; i < word.length(); i++) {
            if (pos == in.length || in[pos] != word.charAt(i)) {
                throw fail(start, "unrecognized token (expected " + word + ")");
            }
            pos++;
        }
        state = State.AFTER_VALUE;
        return token;
    }

    /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private Token number(int start) throws Malformed {
        pos = start;
        if (in[pos] == '-') {
            pos++;
        }
        int intDigits = digits();
        if (intDigits == 0) {
            throw fail(start, "a number needs a digit after '-'");
        }
        if (intDigits > 1 && in[pos - intDigits] == '0') {
            throw fail(start, "a number must not start with 0");
        }
        boolean integral = true;
        if (pos < in.length && in[pos] == '.') {
            pos++;
            integral = false;
            if (digits() == 0) {
                throw fail(start, "a number needs a digit after '.'");
            }
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            integral = false;
            if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw fail(start, "a number needs a digit in its exponent");
            }
        }
        if (pos - start > MAX_NUMBER_CHARS) {
            throw fail(start, "number longer than " + MAX_NUMBER_CHARS + " characters");
        }
        text = null;
        numberStart = start;
        numberEnd = pos;
        if (integral) {
            parseLong();
        }
        state = State.AFTER_VALUE;
        return integral ? Token.INT : Token.FLOAT;
    }

    private int digits() {
        int n = 0;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
            n++;
        }
        return n;
    }

    /** Reads a string whose opening quote was just read. */
    private String string() throws Malformed {
        int start = pos - 1;
        StringBuilder b = null;
        int run = pos; // start of the current run of raw bytes
        while (true) {
            if (pos == in.length) {
                throw fail(start, "unterminated string");
            }
            if (pos - start > MAX_STRING_BYTES) {
                throw fail(start, "string longer than " + MAX_STRING_BYTES + " bytes");
            }
            byte c = in[pos];
            if (c == '"') {
                String s = b == null ? decode(run, pos) : b.append(decode(run, pos)).toString();
                pos++;
                return s;
            }
            if (c >= 0 && c < 0x20) {
                throw fail(pos, "unescaped control character " + describe(c) + " in a string");
            }
            if (c == '\\') {
                b = (b == null ? new StringBuilder() : b).append(decode(run, pos));
                pos++;
                b.append(escape());
                run = pos;
            } else {
                pos++;
            }
        }
    }

    private char escape() throws Malformed {
        if (pos == in.length) {
            throw fail("unterminated string");
        }
        byte c = in[pos++];
        switch (c) {
            case '"', '\\', '/' -> {
                return (char) c;
            }
            case 'b' -> {
                return '\b';
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'u' -> {
                if (pos + 4 > in.length) {
                    throw fail(pos - 2, "incomplete \\u escape");
                }
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(in[pos++], 16);
                    if (d < 0) {
                        throw fail(pos - 1, "invalid hex digit in a \\u escape");
                    }
                    v = 16 * v + d;
                }
                return (char) v;
            }
            default -> throw fail(pos - 2, "invalid escape \\" + describe(c).replace("'", ""));
        }
    }

    private String decode(int from, int to) throws Malformed {
        if (from == to) {
            return "";
        }
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) {
            ascii = in[i] >= 0;
        }
        if (ascii) {
            String known = known(from, to);
            return known != null ? known : new String(in, from, to - from, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fail(from, "invalid UTF-8 in a string");
        }
    }

    /** One of {@link #KNOWN} when the bytes spell it (no allocation for the keys and values every entry repeats). */
    private String known(int from, int to) {
        for (String k : KNOWN) {
            if (k.length() == to - from && matches(k, from)) {
                return k;
            }
        }
        return null;
    }

    private boolean matches(String k, int from) {
        for (int i = 0; i < k.length(); i++) {
            if (in[from + i] != k.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void skipWhitespace() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
            pos++;
        }
    }

    private byte read(String expected) throws Malformed {
        if (pos == in.length) {
            throw fail("unexpected end of input, expected " + expected);
        }
        return in[pos++];
    }

    private String container() {
        return depth > 0 && inObject[depth] ? "object" : "array";
    }

    private static String describe(byte c) {
        if (c >= 0x20 && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        return String.format(Locale.ROOT, "byte 0x%02x", c & 0xff);
    }

    private Malformed fail(String problem) {
        return fail(pos, problem);
    }

    private Malformed fail(int offset, String problem) {
        return new Malformed(String.format(Locale.ROOT, "%s at offset %d", problem, offset));
    }
}
