package dev.initcheck.check;

import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorSource;
import java.io.IOException;
import java.nio.file.Path;

/** Reads reference tensors through the production readers (C order, widened to double). */
final class Npy {
    private Npy() {
    }

    static double[] read(Path file) throws IOException {
        return read(file, null);
    }

    static double[] read(Path file, String tensor) throws IOException {
        try (TensorSource s = TensorFiles.open(file, tensor)) {
            return s.readAllCOrder();
        } catch (TensorFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
