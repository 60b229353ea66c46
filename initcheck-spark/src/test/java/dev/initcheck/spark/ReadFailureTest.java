package dev.initcheck.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.io.TensorFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

/**
 * Which reader failures a whole-tensor task retries (storage failing under it) and which it returns as the tensor's
 * problem (the file's own content or absence, which every retry would meet again).
 */
class ReadFailureTest {
    @Test
    void storageFailuresAreRetriedAndContentProblemsAreNot() {
        assertThat(WholeTensorReader.readFailure(wrapped(new IOException("connection reset")))).isTrue();
        assertThat(WholeTensorReader.readFailure(wrapped(new ZipException("invalid END header")))).isFalse();
        assertThat(WholeTensorReader.readFailure(wrapped(new EOFException("ended early")))).isFalse();
        assertThat(WholeTensorReader.readFailure(wrapped(new NoSuchFileException("m.bin")))).isFalse();
        assertThat(WholeTensorReader.readFailure(new TensorFormatException("header length 9 exceeds the file")))
                .isFalse();
        // a content problem found under a wrapper is still the content's
        assertThat(WholeTensorReader.readFailure(wrapped(new IOException("inflate", new ZipException("bad")))))
                .isFalse();
    }

    private static TensorFormatException wrapped(Throwable cause) {
        return new TensorFormatException("m.bin: cannot read the file: " + cause.getMessage(), cause);
    }
}
