package dev.initcheck.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks output paths before any work is done, so a long run never fails at its end for want of a place to write.
 * Nothing is created here: a path that does not exist yet must lie under an existing, writable directory.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** {@code dir} is, or can be created as, a writable directory. */
    static Path directory(String option, Path dir) {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(option + " " + dir + " is a regular file, not a directory");
            }
            if (!Files.isWritable(dir)) {
                throw new IllegalArgumentException(option + " " + dir + " is a directory but not writable");
            }
            return dir;
        }
        return creatable(option, dir);
    }

    /** {@code file} is a writable regular file, or can be created as one. */
    static Path file(String option, Path file) {
        if (Files.exists(file)) {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException(option + " " + file + " is a directory, not a file");
            }
            if (!Files.isWritable(file)) {
                throw new IllegalArgumentException(option + " " + file + " exists but is not writable");
            }
            return file;
        }
        return creatable(option, file);
    }

    /** The nearest existing ancestor must be a writable directory. */
    private static Path creatable(String option, Path path) {
        Path ancestor = path.toAbsolutePath().getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            throw new IllegalArgumentException(option + " " + path + ": no existing directory above it");
        }
        if (!Files.isDirectory(ancestor)) {
            throw new IllegalArgumentException(option + " " + path + ": cannot create it, " + ancestor
                    + " is a regular file");
        }
        if (!Files.isWritable(ancestor)) {
            throw new IllegalArgumentException(option + " " + path + ": cannot create it, " + ancestor
                    + " is not writable");
        }
        return path;
    }
}
