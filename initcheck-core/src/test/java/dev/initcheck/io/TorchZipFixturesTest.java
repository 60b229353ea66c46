package dev.initcheck.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads the checkpoints torch.save wrote (scripts/reference/torch_files.py, fixtures/torch/ckpt_*): the listing
 * must match ckpt_MANIFEST.txt line for line, and every value the numpy export of the same tensors bit for bit.
 */
class TorchZipFixturesTest {
    /** The state_dict files and the numpy export of their float tensors. */
    static Stream<String[]> files() {
        return Stream.of(new String[] {"ckpt_state.pt", "ckpt_state.values.npz"},
                new String[] {"ckpt_state_p4.pt", "ckpt_state.values.npz"},
                new String[] {"ckpt_state_zip64.pt", "ckpt_state.values.npz"},
                new String[] {"ckpt_module.pth", "ckpt_module.values.npz"},
                new String[] {"ckpt_nested.bin", "ckpt_module.values.npz"});
    }

    static Path folder() {
        try {
            return Path.of(TorchZipFixturesTest.class.getResource("/fixtures/torch/ckpt_MANIFEST.txt").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest's lines for one file, as key=value maps. */
    static List<Map<String, String>> manifest(String file) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : Files.readAllLines(folder().resolve("ckpt_MANIFEST.txt"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : line.split(" ")) {
                int eq = pair.indexOf('=');
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            if (fields.get("file").equals(file)) {
                out.add(fields);
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("files")
    void theListingIsTheManifest(String file, String values) throws Exception {
        List<String> tensors = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        for (Map<String, String> m : manifest(file)) {
            if (m.containsKey("tensor")) {
                tensors.add(m.get("tensor") + " " + m.get("shape").replace(",", ", ") + " " + m.get("dtype")
                        + ("true".equals(m.get("fortran")) ? " (Fortran order)" : ""));
            } else if (m.containsKey("skipped")) {
                String reason = switch (m.get("reason")) {
                    case "not-float" -> SkippedTensor.NOT_FLOAT;
                    case "empty" -> SkippedTensor.EMPTY;
                    default -> "non-contiguous view (stride " + m.get("stride").replace(",", ", ") + ")";
                };
                skipped.add(new SkippedTensor(m.get("skipped"), m.get("dtype"), reason).toString());
            } else if (m.containsKey("alias")) {
                aliases.put(m.get("alias"), m.get("of"));
            }
        }
        assertThat(tensors).isNotEmpty();
        TensorListing listing = TensorFiles.listing(folder().resolve(file));
        assertThat(listing.tensors()).map(TensorInfo::toString).containsExactlyElementsOf(tensors);
        assertThat(listing.skipped()).map(SkippedTensor::toString).containsExactlyElementsOf(skipped);
        assertThat(listing.aliases()).containsExactlyEntriesOf(aliases);
        assertThat(TensorFiles.list(folder().resolve(file))).isEqualTo(listing.tensors());
    }

    /** C-order values equal numpy's bit for bit (bfloat16 through numpy's float32 widening; NaN payloads too). */
    @ParameterizedTest
    @MethodSource("files")
    void everyValueIsTheOneTorchSaved(String file, String values) throws Exception {
        Path pt = folder().resolve(file);
        Path npz = folder().resolve(values);
        List<TensorInfo> tensors = TensorFiles.list(pt);
        for (TensorInfo info : tensors) {
            double[] expected;
            try (TensorSource s = TensorFiles.open(npz, info.name())) {
                expected = s.readAllCOrder();
                assertThat(s.info().shape()).as(info.name()).isEqualTo(info.shape());
            }
            try (TensorSource s = TensorFiles.open(pt, info.name())) {
                assertThat(s.info()).isEqualTo(info);
                assertThat(bits(s.readAllCOrder())).as(file + " " + info.name()).containsExactly(bits(expected));
                assertThat(bits(stream(s))).as("storage order").containsExactly(bits(storageOrder(info, expected)));
            }
        }
        assertThat(tensors).hasSizeGreaterThan(7);
    }

    @Test
    void theSliceIsReadFromItsStorageOffsetAndTheTransposeInFortranOrder() throws Exception {
        Path pt = folder().resolve("ckpt_state.pt");
        assertThat(manifest("ckpt_state.pt")).anySatisfy(m -> assertThat(m).containsEntry("tensor", "slice")
                .containsEntry("offset", "5"));
        try (TensorSource slice = TensorFiles.open(pt, "slice");
                TensorSource transposed = TensorFiles.open(pt, "transposed");
                TensorSource npz = TensorFiles.open(folder().resolve("ckpt_state.values.npz"), "transposed")) {
            assertThat(slice.info().shape()).containsExactly(2, 3);
            assertThat(transposed.info().fortranOrder()).isTrue();
            double[] c = npz.readAllCOrder();
            assertThat(stream(transposed)).containsExactly(storageOrder(transposed.info(), c));
            assertThat(transposed.readAllCOrder()).containsExactly(c);
        }
    }

    /** A model's tensors are opened one by one from a cached parse of the archive; a rewritten file is read again. */
    @Test
    void aCheckpointRewrittenInPlaceIsReadAgain(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.pt");
        List<String> sources = List.of("ckpt_state.pt", "ckpt_module.pth", "ckpt_state.pt");
        long now = System.currentTimeMillis();
        for (int i = 0; i < sources.size(); i++) {
            String source = sources.get(i);
            Files.copy(folder().resolve(source), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            // a new modification time each time, even where the file system's clock is coarse
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(now + i * 2000L));
            assertThat(TensorFiles.listing(file)).isEqualTo(TensorFiles.listing(folder().resolve(source)));
            for (TensorInfo info : TensorFiles.list(file)) {
                try (TensorSource copy = TensorFiles.open(file, info.name());
                        TensorSource original = TensorFiles.open(folder().resolve(source), info.name())) {
                    assertThat(copy.readAllCOrder()).isEqualTo(original.readAllCOrder());
                }
            }
        }
    }

    @Test
    void legacyAndTorchScriptFilesAreRefusedInOneLine() {
        for (Map.Entry<String, String> e : Map.of("ckpt_legacy.pt", TorchZipFormat.LEGACY,
                "ckpt_torchscript.pt", TorchZipFormat.TORCHSCRIPT).entrySet()) {
            Path f = folder().resolve(e.getKey());
            TensorFormatException x = catchThrowableOfType(TensorFormatException.class, () -> TensorFiles.list(f));
            assertThat(x).isNotNull();
            assertThat(x.getMessage()).isEqualTo(f + ": " + e.getValue());
        }
        assertThat(TorchZipFormat.LEGACY).contains("legacy torch.save format (PyTorch < 1.6): re-save with "
                + "torch.save(state_dict, path) from PyTorch >= 1.6, or convert to safetensors");
    }

    @Test
    void skippedTensorsAreRefusedByNameWithTheirReason() throws Exception {
        Path pt = folder().resolve("ckpt_state.pt");
        assertThat(message(() -> TensorFiles.open(pt, "bn.num_batches_tracked"))).isEqualTo(pt + ": tensor "
                + "'bn.num_batches_tracked': unsupported dtype 'torch.int64' (supported: torch.float16, "
                + "torch.bfloat16, torch.float32, torch.float64)");
        assertThat(message(() -> TensorFiles.open(pt, "strided"))).isEqualTo(pt + ": tensor 'strided': cannot be "
                + "read: non-contiguous view (stride [6, 2])");
        assertThat(message(() -> TensorFiles.open(pt, "empty"))).isEqualTo(pt + ": tensor 'empty': cannot be "
                + "read: no elements");
        assertThat(message(() -> TensorFiles.open(pt, null))).startsWith(pt + ": contains 19 tensors, name one "
                + "of: 'f32.matrix', 'f64.vector'");
    }

    static String message(TensorErrorMessagesTest.Read read) {
        TensorFormatException e = catchThrowableOfType(TensorFormatException.class, read::run);
        assertThat(e).as("expected a TensorFormatException").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n", "\r");
        return e.getMessage();
    }

    static double[] stream(TensorSource s) throws TensorFormatException {
        List<Double> out = new ArrayList<>();
        s.forEachChunk((buf, len) -> {
            for (int i = 0; i < len; i++) {
                out.add(buf[i]);
            }
        });
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The C-order values in the order the file stores them (column-major for a Fortran-ordered matrix). */
    static double[] storageOrder(TensorInfo info, double[] c) {
        if (!info.fortranOrder()) {
            return c;
        }
        int rows = (int) info.shape()[0];
        int cols = (int) info.shape()[1];
        double[] f = new double[c.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                f[j * rows + i] = c[i * cols + j];
            }
        }
        return f;
    }

    static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }
}
