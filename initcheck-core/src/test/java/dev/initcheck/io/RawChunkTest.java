package dev.initcheck.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Chunks as stored: the pattern tables against the formats' definitions (IEEE 754 binary16, bfloat16 = the upper half
 * of a binary32), the stored pass of a file against its widened pass, and the header cache against a file rewritten
 * in place.
 */
class RawChunkTest {
    @TempDir
    Path dir;

    @Test
    void patternTablesHoldTheFormatsValues() {
        double[] f16 = RawChunk.patternValues(DType.F16);
        assertThat(f16[0x3C00]).isEqualTo(1.0);
        assertThat(f16[0xC000]).isEqualTo(-2.0);
        assertThat(f16[0x7BFF]).isEqualTo(65504.0); // largest finite
        assertThat(f16[0x0001]).isEqualTo(0x1p-24); // smallest subnormal
        assertThat(f16[0x0400]).isEqualTo(0x1p-14); // smallest normal
        assertThat(f16[0x8000]).isEqualTo(-0.0);
        assertThat(f16[0x7C00]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f16[0x7E00]).isNaN();
        double[] bf16 = RawChunk.patternValues(DType.BF16);
        assertThat(bf16[0x3F80]).isEqualTo(1.0);
        assertThat(bf16[0x3CA4]).isEqualTo((double) Float.intBitsToFloat(0x3CA40000)); // 0.02 rounded
        assertThat(bf16[0x7F7F]).isEqualTo((double) Float.intBitsToFloat(0x7F7F0000));
        assertThat(bf16[0xFF80]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(bf16[0x7FC0]).isNaN();
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void theStoredPassWidensToTheDecodedPass(DType dtype) throws Exception {
        int n = 150_001; // three chunks, the last partial; mapped (above the 1 MiB small-read limit for f32/f64)
        ByteBuffer data = ByteBuffer.allocate(n * dtype.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            int bits = (int) (i * 2654435761L); // every pattern class over the file, NaN and infinities included
            switch (dtype) {
                case F16, BF16 -> data.putShort((short) bits);
                case F32 -> data.putFloat(Float.intBitsToFloat(bits));
                case F64 -> data.putDouble(Double.longBitsToDouble(bits * 0x9E3779B97F4A7C15L));
            }
        }
        String name = switch (dtype) {
            case F16 -> "F16";
            case BF16 -> "BF16";
            case F32 -> "F32";
            case F64 -> "F64";
        };
        Path file = TestFiles.write(dir.resolve("t.safetensors"), TestFiles.safetensors("{\"w\":{\"dtype\":\"" + name
                + "\",\"shape\":[" + n + "],\"data_offsets\":[0," + data.capacity() + "]}}", data.array()));
        List<Long> decoded = new ArrayList<>();
        List<Long> stored = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        try (TensorSource src = TensorFiles.open(file, "w")) {
            src.forEachChunk((buf, len) -> {
                lengths.add(len);
                for (int i = 0; i < len; i++) {
                    decoded.add(Double.doubleToRawLongBits(buf[i]));
                }
            });
            src.forEachRawChunk(chunk -> {
                assertThat(chunk.dtype()).isEqualTo(dtype);
                assertThat(chunk.length()).isEqualTo(lengths.get(stored.size() / 65_536));
                double[] wide = new double[chunk.length()];
                chunk.widen(0, chunk.length(), wide, 0);
                for (int i = 0; i < chunk.length(); i++) {
                    assertThat(Double.doubleToRawLongBits(chunk.value(i))).isEqualTo(
                            Double.doubleToRawLongBits(wide[i]));
                    stored.add(Double.doubleToRawLongBits(wide[i]));
                }
            });
        }
        assertThat(stored).hasSize(n).isEqualTo(decoded);
    }

    @Test
    void aFileRewrittenInPlaceIsReadAgain() throws Exception {
        Path file = dir.resolve("m.safetensors");
        TestFiles.write(file, TestFiles.safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                TestFiles.floats(1f, 2f)));
        assertThat(TensorFiles.list(file)).extracting(TensorInfo::name).containsExactly("a");
        // same size, another name and other values: nothing of the first header may be used
        TestFiles.write(file, TestFiles.safetensors("{\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                TestFiles.floats(3f, 4f)));
        assertThat(TensorFiles.list(file)).extracting(TensorInfo::name).containsExactly("b");
        try (TensorSource src = TensorFiles.open(file, "b")) {
            assertThat(src.readAllCOrder()).containsExactly(3, 4);
        }
        // the same header over a shorter file: the tensors no longer tile the data, which is an error
        TestFiles.write(file, TestFiles.safetensors("{\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                TestFiles.floats(3f)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TensorFiles.list(file))
                .isInstanceOf(TensorFormatException.class).hasMessageContaining("m.safetensors");
    }
}
