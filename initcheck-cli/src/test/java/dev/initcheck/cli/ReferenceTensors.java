package dev.initcheck.cli;

import dev.initcheck.io.NpyWriter;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a reference sampler's tensor as a float32 .npy file, as a framework would store it (CLI tests). */
final class ReferenceTensors {
    private ReferenceTensors() {
    }

    static Path write(Path file, String scheme, Layout layout, long seed, long... shape) throws IOException {
        double[] w = ReferenceInitializer.of(scheme, layout).initialize(Shape.of(shape), SeededRandom.of(seed).create());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        NpyWriter.writeFloat32(file, shape, w);
        return file;
    }
}
