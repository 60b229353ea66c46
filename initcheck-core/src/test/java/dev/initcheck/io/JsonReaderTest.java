package dev.initcheck.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initcheck.io.JsonReader.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict JSON pull reader behind the safetensors header: tokens, values, limits and one-line errors. */
class JsonReaderTest {
    /** Every token with its value, e.g. {@code FIELD_NAME(a) INT(1)}; an error ends the list with its message. */
    static List<String> tokens(byte[] json, int depth) {
        JsonReader r = new JsonReader(json, depth);
        List<String> out = new ArrayList<>();
        try {
            for (Token t = r.nextToken(); t != null; t = r.nextToken()) {
                out.add(switch (t) {
                    case FIELD_NAME -> t + "(" + r.currentName() + ")";
                    case STRING, FLOAT -> t + "(" + r.text() + ")";
                    case INT -> t + "(" + (r.fitsLong() ? Long.toString(r.longValue()) : "big " + r.text()) + ")";
                    default -> t.toString();
                });
            }
        } catch (JsonReader.Malformed e) {
            out.add("ERROR " + e.getMessage());
        }
        return out;
    }

    static List<String> tokens(String json) {
        return tokens(json.getBytes(StandardCharsets.UTF_8), 64);
    }

    @Test
    void readsEveryKindOfValue() {
        assertThat(tokens(" {\"a\" : [0, -2, 9223372036854775807, -9223372036854775808, 9223372036854775808, 1.5e-3],"
                + "\"b\":{\"c\":\"x\\n\\u00e9\\\"y\u00e9\"},\"d\":[],\"e\":{},\"f\":true,\"g\":false,\"h\":null}\n"))
                .containsExactly("START_OBJECT", "FIELD_NAME(a)", "START_ARRAY", "INT(0)", "INT(-2)",
                        "INT(9223372036854775807)", "INT(-9223372036854775808)", "INT(big 9223372036854775808)",
                        "FLOAT(1.5e-3)", "END_ARRAY", "FIELD_NAME(b)", "START_OBJECT", "FIELD_NAME(c)",
                        "STRING(x\n\u00e9\"y\u00e9)", "END_OBJECT", "FIELD_NAME(d)", "START_ARRAY", "END_ARRAY",
                        "FIELD_NAME(e)", "START_OBJECT", "END_OBJECT", "FIELD_NAME(f)", "TRUE", "FIELD_NAME(g)", "FALSE",
                        "FIELD_NAME(h)", "NULL", "END_OBJECT");
    }

    @Test
    void contentAfterTheDocumentIsReadAsAnotherValue() {
        assertThat(tokens("{}{}")).containsExactly("START_OBJECT", "END_OBJECT", "START_OBJECT", "END_OBJECT");
        assertThat(tokens("{} x")).last().isEqualTo("ERROR expected a value, found 'x' at offset 3");
    }

    @Test
    void refusesWhatRfc8259Refuses() {
        assertThat(tokens("{\"a\":1,}")).last().isEqualTo("ERROR expected a field name in double quotes, found '}' at offset 7");
        assertThat(tokens("[1,]")).last().isEqualTo("ERROR expected a value, found ']' at offset 3");
        assertThat(tokens("[01]")).last().isEqualTo("ERROR a number must not start with 0 at offset 1");
        assertThat(tokens("[1.]")).last().isEqualTo("ERROR a number needs a digit after '.' at offset 1");
        assertThat(tokens("[-]")).last().isEqualTo("ERROR a number needs a digit after '-' at offset 1");
        assertThat(tokens("[1e]")).last().isEqualTo("ERROR a number needs a digit in its exponent at offset 1");
        assertThat(tokens("[1 2]")).last().isEqualTo("ERROR expected ',' or ']' in an array, found '2' at offset 3");
        assertThat(tokens("{\"a\" 1}")).last().isEqualTo("ERROR expected ':' after a field name, found '1' at offset 5");
        assertThat(tokens("{'a':1}")).last().isEqualTo("ERROR expected a field name in double quotes, found ''' at offset 1");
        assertThat(tokens("[tru]")).last().isEqualTo("ERROR unrecognized token (expected true) at offset 1");
        assertThat(tokens("[\"a\\x\"]")).last().isEqualTo("ERROR invalid escape \\x at offset 3");
        assertThat(tokens("[\"\\u12g4\"]")).last().isEqualTo("ERROR invalid hex digit in a \\u escape at offset 6");
        assertThat(tokens("[\"a\tb\"]")).last().isEqualTo("ERROR unescaped control character byte 0x09 in a string at offset 3");
        assertThat(tokens("[\"abc")).last().isEqualTo("ERROR unterminated string at offset 1");
        assertThat(tokens("{\"a\":[1")).last().isEqualTo("ERROR unexpected end of input, expected ',' or the end of the array at offset 7");
        assertThat(tokens("{\"a\":")).last().isEqualTo("ERROR unexpected end of input inside an object at offset 5");
        assertThat(tokens(new byte[] {'[', '"', (byte) 0xc3, '"', ']'}, 64)).last()
                .isEqualTo("ERROR invalid UTF-8 in a string at offset 2");
    }

    @Test
    void limitsNestingAndNumberLength() {
        assertThat(tokens("[[[]]]".getBytes(StandardCharsets.US_ASCII), 3)).doesNotContainSequence("ERROR");
        assertThat(tokens("[[[[]]]]".getBytes(StandardCharsets.US_ASCII), 3)).last()
                .isEqualTo("ERROR Document nesting depth (4) exceeds the maximum allowed (3) at offset 3");
        assertThat(tokens("[" + "1".repeat(JsonReader.MAX_NUMBER_CHARS + 1) + "]")).last()
                .isEqualTo("ERROR number longer than 1000 characters at offset 1");
    }

    @Test
    void skipChildrenSkipsANestedValue() throws JsonReader.Malformed {
        JsonReader r = new JsonReader("{\"x\":[1,{\"y\":[2]}],\"z\":3}".getBytes(StandardCharsets.UTF_8), 64);
        assertThat(r.nextToken()).isEqualTo(Token.START_OBJECT);
        assertThat(r.nextToken()).isEqualTo(Token.FIELD_NAME);
        r.skipChildren(r.nextToken());
        assertThat(r.nextToken()).isEqualTo(Token.FIELD_NAME);
        assertThat(r.currentName()).isEqualTo("z");
        assertThat(r.nextToken()).isEqualTo(Token.INT);
        assertThat(r.longValue()).isEqualTo(3);
        assertThat(r.nextToken()).isEqualTo(Token.END_OBJECT);
        assertThat(r.nextToken()).isNull();
        JsonReader big = new JsonReader("[99999999999999999999]".getBytes(StandardCharsets.UTF_8), 2);
        big.nextToken();
        assertThat(big.nextToken()).isEqualTo(Token.INT);
        assertThat(big.fitsLong()).isFalse();
        assertThatThrownBy(big::longValue).isInstanceOf(ArithmeticException.class);
    }
}
