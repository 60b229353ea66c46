package dev.initcheck.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reader for numbers in text files ({@code .csv}, {@code .txt}): one value per line, or rows of
 * values separated by commas and/or whitespace. Blank lines and lines starting with {@code #}
 * (as {@code numpy.savetxt} writes headers) are skipped; a UTF-8 byte order mark is ignored.
 * Values follow {@link DecimalParser}; {@code nan} and {@code inf} are values.
 *
 * <p>Every row must hold the same number of values: a ragged file ({@code 1,2,3} then {@code 4,5})
 * is refused with the line of the first row that differs. With a given shape the number of values
 * must equal its product (values fill it in C order). Without one the shape is
 * {@code [rows, columns]} when the rows hold more than one value each (a single row of 3 values is
 * {@code [1, 3]}), and {@code [count]} for one value per line. The tensor is named after the file
 * name without its extension.
 */
final class CsvFormat {
    private CsvFormat() {
    }

    /** Receives tokens and row ends from {@link #scan}. */
    private interface Visitor {
        void token(int line, int start, int end) throws TensorFormatException;

        void rowEnd(int line, int count) throws TensorFormatException;
    }

    private record Parsed(TensorInfo info, double[] values) {
    }

    static List<TensorInfo> list(Where where, Path file) throws TensorFormatException, IOException {
        return List.of(parse(where, file, null).info());
    }

    static TensorSource open(Where where, Path file, String name, long[] shape)
            throws TensorFormatException, IOException {
        String stem = NpyFormat.stem(file);
        where.choose(List.of(stem), name);
        Where tensorWhere = where.tensor(stem);
        Parsed parsed = parse(tensorWhere, file, shape);
        Shapes.requireNonEmpty(tensorWhere, parsed.info());
        return new ArrayTensorSource(parsed.info(), tensorWhere, parsed.values());
    }

    private static Parsed parse(Where where, Path file, long[] givenShape) throws TensorFormatException, IOException {
        long fileSize = Files.size(file);
        if (fileSize > TensorSource.MAX_ARRAY_ELEMENTS) {
            throw where.fail("text file of %d bytes is too large to parse (at most %d bytes); use .npy",
                    fileSize, TensorSource.MAX_ARRAY_ELEMENTS);
        }
        byte[] bytes = Files.readAllBytes(file);
        int[] counts = new int[4]; // values, rows, columns, line of the first row
        scan(where, bytes, new Visitor() {
            @Override
            public void token(int line, int start, int end) {
                counts[0]++;
            }

            @Override
            public void rowEnd(int line, int count) throws TensorFormatException {
                if (counts[1]++ == 0) {
                    counts[2] = count;
                    counts[3] = line;
                } else if (count != counts[2]) {
                    throw where.fail("line %d holds %d value%s but line %d holds %d: rows must all have the same "
                            + "length", line, count, count == 1 ? "" : "s", counts[3], counts[2]);
                }
            }
        });
        double[] values = values(where, bytes, counts[0]);
        long[] shape = givenShape != null ? checkShape(where, givenShape, counts[0])
                : counts[2] > 1 ? new long[] {counts[1], counts[2]} : new long[] {counts[0]};
        return new Parsed(new TensorInfo(NpyFormat.stem(file), shape, DType.F64, false), values);
    }

    private static double[] values(Where where, byte[] bytes, int count) throws TensorFormatException {
        double[] values = new double[count];
        int[] next = {0};
        scan(where, bytes, new Visitor() {
            @Override
            public void token(int line, int start, int end) throws TensorFormatException {
                try {
                    values[next[0]++] = DecimalParser.parse(bytes, start, end);
                } catch (NumberFormatException e) {
                    String token = new String(bytes, start, Math.min(end - start, 40),
                            java.nio.charset.StandardCharsets.UTF_8);
                    throw where.fail("line %d: %s is not a number", line, Where.quote(token));
                }
            }

            @Override
            public void rowEnd(int line, int count) {
            }
        });
        return values;
    }

    private static long[] checkShape(Where where, long[] shape, int count) throws TensorFormatException {
        long size = Shapes.checkedSize(where, shape);
        if (size != count) {
            throw where.fail("file holds %d values but shape %s needs %d",
                    count, TensorInfo.formatShape(shape), size);
        }
        return shape.clone();
    }

    private static void scan(Where where, byte[] b, Visitor visitor) throws TensorFormatException {
        boolean bom = b.length >= 3 && b[0] == (byte) 0xef && b[1] == (byte) 0xbb && b[2] == (byte) 0xbf;
        int line = 1;
        for (int i = bom ? 3 : 0; i < b.length; line++) {
            int eol = i;
            while (eol < b.length && b[eol] != '\n') {
                eol++;
            }
            int end = eol > i && b[eol - 1] == '\r' ? eol - 1 : eol;
            scanLine(where, b, i, end, line, visitor);
            i = eol + 1;
        }
    }

    private static void scanLine(Where where, byte[] b, int start, int end, int line, Visitor visitor)
            throws TensorFormatException {
        int pos = skipSpace(b, start, end);
        if (pos == end || b[pos] == '#') {
            return;
        }
        int count = 0;
        while (true) {
            int tokenStart = pos;
            while (pos < end && !isSpace(b[pos]) && b[pos] != ',') {
                pos++;
            }
            if (pos == tokenStart) {
                throw where.fail("line %d: empty value", line);
            }
            visitor.token(line, tokenStart, pos);
            count++;
            pos = skipSpace(b, pos, end);
            if (pos == end) {
                break;
            }
            pos = b[pos] == ',' ? skipSpace(b, pos + 1, end) : pos;
        }
        visitor.rowEnd(line, count);
    }

    private static int skipSpace(byte[] b, int pos, int end) {
        while (pos < end && isSpace(b[pos])) {
            pos++;
        }
        return pos;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f';
    }
}
