package dev.initcheck.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * For readers that fetch a tensor's bytes themselves, such as a distributed audit reading byte ranges of shared
 * storage: where a tensor's values lie in its file, and their decoding exactly as this package's readers decode
 * them, in chunks of {@value #CHUNK} values at the same positions (so summaries of the chunks agree bit for bit).
 */
public final class ByteRanges {
    /** Values per chunk, as {@link TensorSource#forEachChunk} delivers them from a file. */
    public static final int CHUNK = ChunkDecoder.MAX_CHUNK;

    private ByteRanges() {
    }

    /**
     * Where a tensor's values lie: {@code info.byteSize()} bytes from {@code offset}, in C order.
     *
     * @param info     the tensor
     * @param offset   the byte offset of its first value in the file
     * @param bigEndian whether the values are big-endian
     */
    public record Region(TensorInfo info, long offset, boolean bigEndian) {
    }

    /**
     * The region of a tensor of a {@code .safetensors} file (the header is read and checked as
     * {@link TensorFiles#open} does).
     *
     * @throws TensorFormatException if the file is not a readable safetensors file or has no such float tensor
     */
    public static Region safetensors(Path file, String tensor) throws TensorFormatException {
        Objects.requireNonNull(file, "file");
        Where where = Where.of(file);
        if (!file.getFileName().toString().endsWith(".safetensors")) {
            throw where.fail("only .safetensors files are read by byte ranges");
        }
        try (TensorSource src = SafetensorsFormat.open(where, file, tensor)) {
            FileTensorSource f = (FileTensorSource) src;
            return new Region(f.info(), f.dataOffset(), f.byteOrder() == ByteOrder.BIG_ENDIAN);
        } catch (IOException | RuntimeException e) {
            throw where.wrap("cannot read the file", e);
        }
    }

    /** A decoder of up to {@value #CHUNK} values of {@code dtype} per call, reusing one buffer. */
    public static Decoder decoder(DType dtype) {
        return new Decoder(dtype);
    }

    /** Decodes raw bytes into doubles as the file readers do. */
    public static final class Decoder {
        private final ChunkDecoder chunk;

        private Decoder(DType dtype) {
            this.chunk = new ChunkDecoder(dtype, CHUNK);
        }

        /**
         * Decodes up to {@value #CHUNK} whole values from {@code src}'s position, in its byte order, advancing it.
         *
         * @return how many values {@link #buffer()} now holds
         */
        public int decode(ByteBuffer src) {
            return chunk.decode(src);
        }

        /**
         * Decodes as {@link #decode} does, without widening: the values as stored, in a chunk reused by the next
         * call.
         */
        public RawChunk decodeRaw(ByteBuffer src) {
            chunk.decodeRaw(src);
            return chunk.raw();
        }

        /** The decoded values (valid up to the count {@link #decode} returned). */
        public double[] buffer() {
            return chunk.buffer();
        }
    }
}
