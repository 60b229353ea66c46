package dev.initcheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.audit.Audit;
import dev.initcheck.audit.AuditRequest;
import dev.initcheck.audit.AuditResult;
import dev.initcheck.audit.TensorStatus;
import dev.initcheck.bench.SyntheticCheckpoint.Spec;
import dev.initcheck.bench.SyntheticCheckpoint.StorageType;
import dev.initcheck.distribution.Precision;
import dev.initcheck.io.DType;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorListing;
import dev.initcheck.io.TensorSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCheckpointTest {
    /** 2 layers of d = 64; a vocabulary large enough for wte to span two chunks. */
    private static final Spec TINY = new Spec(2, 64, 20000);

    @TempDir
    Path dir;

    @Test
    void theBenchmarkModelHas145TensorsOf334929920Values() {
        Spec s = Spec.gpt2(24, 1024);
        assertThat(s.tensorCount()).isEqualTo(145).isEqualTo(s.tensors().size());
        assertThat(s.values()).isEqualTo(334_929_920L)
                .isEqualTo(s.tensors().stream().mapToLong(SyntheticCheckpoint.Tensor::size).sum());
        assertThat(s.biasLimit()).isEqualTo(0.03125);
        assertThat(s.tensors().stream().filter(t -> t.name().endsWith(".bias")).count()).isEqualTo(48);
    }

    @Test
    void writesBothFilesReadableAsListedWithTheCountOfTheFormula() throws Exception {
        SyntheticCheckpoint.Written w = SyntheticCheckpoint.write(TINY, 7, dir, 2, line -> { });
        assertThat(w.reused()).isFalse();
        assertThat(TINY.tensorCount()).isEqualTo(1 + 6 * 2);
        for (StorageType t : StorageType.values()) {
            assertThat(Files.size(w.file(t))).isEqualTo(TINY.fileBytes(t, 7));
            TensorListing listing = TensorFiles.listing(w.file(t));
            assertThat(listing.skipped()).isEmpty();
            assertThat(listing.tensors()).hasSize(TINY.tensorCount());
            List<SyntheticCheckpoint.Tensor> expected = TINY.tensors();
            for (int i = 0; i < expected.size(); i++) {
                TensorInfo info = listing.tensors().get(i);
                assertThat(info.name()).isEqualTo(expected.get(i).name());
                assertThat(info.shape()).containsExactly(expected.get(i).shape());
                assertThat(info.dtype()).isEqualTo(t == StorageType.F32 ? DType.F32 : DType.BF16);
            }
        }
        assertThat(listing(w.f32()).get(0)).isEqualTo("wte.weight");
        assertThat(listing(w.f32())).contains("h.1.attn.c_attn.bias", "h.1.mlp.c_fc.bias", "h.1.mlp.c_proj.weight");
    }

    @Test
    void theBf16FileIsTheRoundingToNearestEvenOfTheF32One() throws Exception {
        SyntheticCheckpoint.Written w = SyntheticCheckpoint.write(TINY, 7, dir, 2, line -> { });
        for (SyntheticCheckpoint.Tensor t : TINY.tensors()) {
            double[] f32 = values(w.f32(), t.name());
            double[] bf16 = values(w.bf16(), t.name());
            assertThat(bf16).hasSameSizeAs(f32).hasSize((int) t.size());
            int differ = 0;
            for (int i = 0; i < f32.length; i++) {
                assertThat(bf16[i]).as(t.name() + "[" + i + "]").isEqualTo(Precision.BFLOAT16.round(f32[i]));
                differ += bf16[i] != f32[i] ? 1 : 0;
            }
            assertThat(differ).as("rounding changed most values").isGreaterThan(f32.length / 2);
            if (t.name().endsWith(".bias")) {
                assertThat(java.util.Arrays.stream(f32).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(0.125);
            }
        }
        // round to nearest, ties to even, on the bit pattern
        assertThat(SyntheticCheckpoint.bfloat16Bits(Float.intBitsToFloat(0x3f808000))).isEqualTo((short) 0x3f80);
        assertThat(SyntheticCheckpoint.bfloat16Bits(Float.intBitsToFloat(0x3f818000))).isEqualTo((short) 0x3f82);
        assertThat(SyntheticCheckpoint.bfloat16Bits(Float.intBitsToFloat(0x3f808001))).isEqualTo((short) 0x3f81);
    }

    @Test
    void theBytesDoNotDependOnTheThreadCountAndMatchingFilesAreReused() throws Exception {
        SyntheticCheckpoint.Written one = SyntheticCheckpoint.write(TINY, 7, dir.resolve("one"), 1, line -> { });
        SyntheticCheckpoint.Written three = SyntheticCheckpoint.write(TINY, 7, dir.resolve("three"), 3, line -> { });
        assertThat(Files.mismatch(one.f32(), three.f32())).isEqualTo(-1);
        assertThat(Files.mismatch(one.bf16(), three.bf16())).isEqualTo(-1);
        List<String> lines = new ArrayList<>();
        assertThat(SyntheticCheckpoint.write(TINY, 7, dir.resolve("one"), 2, lines::add).reused()).isTrue();
        assertThat(lines).singleElement().asString().startsWith("reusing");
        assertThat(SyntheticCheckpoint.write(TINY, 8, dir.resolve("one"), 2, line -> { }).reused())
                .as("another seed").isFalse();
        assertThat(Files.mismatch(one.f32(), three.f32())).isPositive();
        assertThat(Files.readString(SyntheticCheckpoint.sidecarPath(one.f32()))).contains("seed=8");
    }

    @Test
    void theAuditOfBothFilesAgainstThePolicyPasses() throws Exception {
        SyntheticCheckpoint.Written w = SyntheticCheckpoint.write(TINY, 7, dir, 2, line -> { });
        assertThat(Files.readString(w.policy())).contains("match: \"*.bias\"\n    scheme: \"uniform(limit=0.125)\"",
                "match: \"ln_f.weight\"\n    scheme: \"ones\"", "match: \"*\"\n    scheme: \"normal(stddev=0.02)\"");
        for (StorageType t : StorageType.values()) {
            AuditResult r = Audit.run(new AuditRequest(w.file(t), w.policy(), null, null, 1e-6, false,
                    TensorCheck.KsMode.AUTO), (done, total, bytes) -> { });
            assertThat(r.conforms()).as(t.id()).isTrue();
            assertThat(r.count(TensorStatus.PASS)).as(t.id()).isEqualTo(TINY.tensorCount());
        }
    }

    private static List<String> listing(Path file) throws Exception {
        return TensorFiles.listing(file).tensors().stream().map(TensorInfo::name).toList();
    }

    private static double[] values(Path file, String tensor) throws Exception {
        try (TensorSource s = TensorFiles.open(file, tensor)) {
            return s.readAllCOrder();
        }
    }
}
