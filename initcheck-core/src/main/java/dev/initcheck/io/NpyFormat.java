package dev.initcheck.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reader for single-tensor {@code .npy} files (see {@link NpyHeader} for the format). The tensor is
 * named after the file name without its extension. The data must fill the rest of the file exactly.
 */
final class NpyFormat {
    private NpyFormat() {
    }

    static List<TensorInfo> list(Where where, Path file) throws TensorFormatException, IOException {
        return List.of(parse(where, file).info(stem(file)));
    }

    static TensorSource open(Where where, Path file, String name) throws TensorFormatException, IOException {
        String stem = stem(file);
        where.choose(List.of(stem), name);
        Where tensorWhere = where.tensor(stem);
        NpyHeader header = parse(tensorWhere, file);
        TensorInfo info = header.info(stem);
        Shapes.requireNonEmpty(tensorWhere, info);
        return FileTensorSource.open(tensorWhere, file, info, header.dataOffset(), header.order());
    }

    private static NpyHeader parse(Where where, Path file) throws TensorFormatException, IOException {
        long fileSize = Files.size(file);
        NpyHeader header;
        try (InputStream in = Files.newInputStream(file)) {
            header = NpyHeader.read(where, in, fileSize);
        }
        long expected = header.dataBytes(where);
        long actual = fileSize - header.dataOffset();
        String what = TensorInfo.formatShape(header.shape()) + " of " + header.dtype().longName();
        if (actual < expected) {
            throw where.fail("truncated data: shape %s needs %d bytes but the file holds only %d",
                    what, expected, actual);
        }
        if (actual > expected) {
            throw where.fail("%d trailing bytes: shape %s needs %d data bytes but the file holds %d",
                    actual - expected, what, expected, actual);
        }
        return header;
    }

    /** The file name without its last extension. */
    static String stem(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
