package dev.initcheck.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Half-precision bit conversion, chunk decoding and the decimal fast path. */
class NumberDecodingTest {

    @Test
    void f16KnownValues() {
        assertThat(HalfFloat.f16ToFloat(0x3c00)).isEqualTo(1f);
        assertThat(HalfFloat.f16ToFloat(0xc000)).isEqualTo(-2f);
        assertThat(HalfFloat.f16ToFloat(0x7bff)).isEqualTo(65504f);
        assertThat(HalfFloat.f16ToFloat(0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfFloat.f16ToFloat(0x03ff)).isEqualTo(1023 * 0x1p-24f);
        assertThat(HalfFloat.f16ToFloat(0x0400)).isEqualTo(0x1p-14f);
        assertThat(HalfFloat.f16ToFloat(0x3555)).isEqualTo(0.333251953125f);
        assertThat(HalfFloat.f16ToFloat(0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloat.f16ToFloat(0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(HalfFloat.f16ToFloat(0x7e00)).isNaN();
        assertThat(Float.floatToRawIntBits(HalfFloat.f16ToFloat(0x8000))).isEqualTo(0x80000000);
    }

    @Test
    void f16IsExactAndMonotoneOverAllFiniteBitPatterns() {
        float previous = Float.NEGATIVE_INFINITY;
        for (int bits = 0; bits < 0x7c00; bits++) {
            float v = HalfFloat.f16ToFloat(bits);
            assertThat(v).isGreaterThan(bits == 0 ? -1f : previous);
            assertThat(v * 0x1p24f).isEqualTo((float) Math.rint(v * 0x1p24f)); // a multiple of 2^-24
            assertThat(HalfFloat.f16ToFloat(bits | 0x8000)).isEqualTo(-v);
            previous = v;
        }
        for (int fraction = 1; fraction < 0x400; fraction++) {
            assertThat(HalfFloat.f16ToFloat(0x7c00 | fraction)).isNaN();
        }
    }

    @Test
    void bf16IsTheUpperHalfOfFloat32() {
        for (float v : new float[] {1f, -2.5f, 0.15625f, Float.POSITIVE_INFINITY, -0f}) {
            assertThat(HalfFloat.bf16ToFloat(Float.floatToRawIntBits(v) >>> 16)).isEqualTo(v);
        }
    }

    @Test
    void decoderWidensEveryTypeInBothByteOrders() {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            ByteBuffer f32 = ByteBuffer.allocate(12).order(order).putFloat(1.5f).putFloat(-0.25f).putFloat(3f).flip();
            ChunkDecoder d = new ChunkDecoder(DType.F32, 2);
            assertThat(d.decode(f32)).isEqualTo(2);
            assertThat(d.buffer()).containsExactly(1.5, -0.25);
            assertThat(d.decode(f32)).isEqualTo(1);
            assertThat(d.buffer()[0]).isEqualTo(3.0);
            ByteBuffer f16 = ByteBuffer.allocate(4).order(order).putShort((short) 0x3c00).putShort((short) 0xc000).flip();
            ChunkDecoder h = new ChunkDecoder(DType.F16, 4);
            assertThat(h.decode(f16)).isEqualTo(2);
            assertThat(h.buffer()).startsWith(1.0, -2.0);
            ByteBuffer f64 = ByteBuffer.allocate(8).order(order).putDouble(Math.PI).flip();
            ChunkDecoder g = new ChunkDecoder(DType.F64, 4);
            assertThat(g.decode(f64)).isEqualTo(1);
            assertThat(g.buffer()[0]).isEqualTo(Math.PI);
        }
    }

    @Test
    void decimalFastPathAgreesWithParseDouble() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20_240_601L);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder(rng.nextBoolean() ? "-" : "");
            int intDigits = rng.nextInt(10);
            for (int k = 0; k < intDigits; k++) {
                b.append((char) ('0' + rng.nextInt(10)));
            }
            if (intDigits == 0 || rng.nextBoolean()) {
                b.append('.');
                int fractionDigits = rng.nextInt(intDigits == 0 ? 24 : 12) + 1;
                for (int k = 0; k < fractionDigits; k++) {
                    b.append((char) ('0' + rng.nextInt(10)));
                }
            }
            String s = b.toString();
            byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(DecimalParser.parse(bytes, 0, bytes.length)).as(s).isEqualTo(Double.parseDouble(s));
        }
    }

    @Test
    void decimalNamesAndRefusals() {
        assertThat(parse("nan")).isNaN();
        assertThat(parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parse("+inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse("1e999")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse("2.5E-3")).isEqualTo(0.0025);
        assertThat(Double.doubleToRawLongBits(parse("-0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        for (String bad : new String[] {"0x10", "1f", "1d", "--1", "abc", ".", "-", "1e", "\u0661"}) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(NumberFormatException.class);
        }
    }

    private static double parse(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return DecimalParser.parse(bytes, 0, bytes.length);
    }
}
