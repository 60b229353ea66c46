package dev.initcheck.io;

/**
 * A tensor file that cannot be read: malformed, truncated, inconsistent or of an unsupported kind.
 *
 * <p>The message is always a single line naming the file, the tensor when it is known, and the
 * problem, for example {@code model.safetensors: tensor 'fc1.weight': data offsets [0, 4096] lie
 * outside the 2048-byte data section}. Control characters (line breaks included) are replaced by
 * spaces and overly long messages are shortened, so the message can be printed as one log line.
 */
public final class TensorFormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final int MAX_MESSAGE_CHARS = 1000;

    /**
     * Creates an exception whose message is made into one line.
     *
     * @param message names the file, the tensor when known, and the problem; control characters become spaces,
     *     more than 1000 characters are cut (with an ellipsis), null or blank becomes {@code unreadable tensor file}
     */
    public TensorFormatException(String message) {
        super(oneLine(message));
    }

    /**
     * Creates an exception whose message is made into one line, keeping the underlying cause.
     *
     * @param message as {@link #TensorFormatException(String)}
     * @param cause the exception that revealed the problem, or null
     */
    public TensorFormatException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable tensor file";
        }
        StringBuilder b = new StringBuilder(Math.min(message.length(), MAX_MESSAGE_CHARS + 1));
        for (int i = 0; i < message.length() && b.length() < MAX_MESSAGE_CHARS; i++) {
            char c = message.charAt(i);
            boolean lineBreaking = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            b.append(lineBreaking ? ' ' : c);
        }
        if (b.length() < message.length()) {
            b.append('\u2026');
        }
        return b.toString().strip();
    }
}
