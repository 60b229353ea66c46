package dev.initcheck.audit;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A policy rule's {@code match}: a glob or, after the prefix {@code re:}, a Java regular expression. Either must
 * cover the <em>whole</em> tensor name. In a glob, {@code *} matches any run of characters, dots included
 * ({@code *.bias} matches {@code transformer.h.0.attn.c_attn.bias}), {@code ?} exactly one character, and every
 * other character itself.
 */
public final class NamePattern {
    private final String text;
    private final Pattern pattern;

    private NamePattern(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /**
     * Parses a pattern.
     *
     * @param text a glob, or {@code re:} followed by a regular expression
     * @return the pattern
     * @throws IllegalArgumentException for an empty pattern or an invalid regular expression
     */
    public static NamePattern parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.equals("re:")) {
            throw new IllegalArgumentException("empty match pattern");
        }
        if (text.startsWith("re:")) {
            try {
                return new NamePattern(text, Pattern.compile(text.substring(3)));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regular expression '" + text.substring(3) + "': "
                        + e.getDescription());
            }
        }
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return new NamePattern(text, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    /** Whether the pattern covers the whole name. */
    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    @Override
    public String toString() {
        return text;
    }
}
