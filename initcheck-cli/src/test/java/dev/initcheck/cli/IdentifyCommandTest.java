package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.report.ReportFiles;
import dev.initcheck.shape.Layout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** identify and check --report on files written with reference samples (seed 31, float32). */
class IdentifyCommandTest {
    @TempDir
    Path dir;

    Path sample(String scheme, Layout layout, long... shape) throws Exception {
        return ReferenceTensors.write(dir.resolve(scheme.replaceAll("[^a-z_]", "") + ".npy"), scheme, layout, 31, shape);
    }

    @Test
    void jsonRanksTheTrueSchemeFirstAndGroupsEquivalents() throws Exception {
        Path f = sample("he_uniform", Layout.KERAS, 3, 3, 32, 64);
        CliRun r = ListCommandTest.run("identify", f.toString(), "--layout", "keras", "--format", "json");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("shape").toString()).isEqualTo("[3,3,32,64]");
        JsonNode first = j.get("ranking").get(0);
        assertThat(first.get("scheme").asText()).isEqualTo("he_uniform");
        assertThat(first.get("verdict").asText()).isEqualTo("pass");
        assertThat(first.get("distance").asDouble()).isBetween(0.0, 0.02);
        assertThat(j.get("ranking").get(1).get("verdict").asText()).isEqualTo("fail");
    }

    @Test
    void textSaysWhichSchemesAreIndistinguishable() throws Exception {
        Path f = sample("torch.xavier_uniform", Layout.PYTORCH, 128, 128);
        CliRun r = ListCommandTest.run("identify", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("indistinguishable for this shape: glorot_uniform, lecun_uniform, "
                + "torch.xavier_uniform");
        assertThat(r.out().lines().filter(l -> l.contains(" pass ")).count()).isEqualTo(1);
    }

    @Test
    void jsonHasTheFittedLaw() throws Exception {
        Path f = sample("he_uniform", Layout.KERAS, 3, 3, 32, 64);
        CliRun r = ListCommandTest.run("identify", f.toString(), "--layout", "keras", "--format", "json");
        JsonNode fitted = new ObjectMapper().readTree(r.out()).get("fitted");
        assertThat(fitted.get("explained").asBoolean()).isTrue();
        assertThat(fitted.get("family").asText()).isEqualTo("uniform");
        assertThat(fitted.get("parameters").get("limit").asDouble()).isCloseTo(Math.sqrt(6.0 / 288),
                org.assertj.core.api.Assertions.within(1e-4));
        assertThat(fitted.get("standard_errors").get("limit").asDouble()).isPositive();
        assertThat(fitted.get("scheme").asText()).startsWith("uniform(limit=0.144");
        assertThat(fitted.get("recognized").asText()).isEqualTo("√(6/fan_in) = √(6/288), He/Kaiming uniform");
        assertThat(fitted.get("recognized_scheme").asText()).isEqualTo("he_uniform");
        assertThat(fitted.get("verdict").asText()).isEqualTo("pass");
    }

    @Test
    void aLawOutsideTheCatalogueIsFittedAndExitsZero() throws Exception {
        Path f = sample("uniform(limit=0.3)", Layout.PYTORCH, 64, 64);
        CliRun r = ListCommandTest.run("identify", f.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).matches("fitted: uniform ±0\\.(2999|300)\\d* ± "
                + "0\\.0000\\d = 0\\.3 \\[pass, scheme uniform\\(limit=0\\.(2999|300)\\d*\\), "
                + "recognized uniform\\(limit=0\\.3\\)]");
        assertThat(r.out()).contains("no catalogue scheme explains these values");
    }

    @Test
    void noPassingSchemeNorFittedLawExitsOneAndBadInputTwo() throws Exception {
        double[] w = new double[64 * 64]; // uninitialized memory: zeros, subnormals, huge values
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 3 == 0 ? 0 : i % 3 == 1 ? 1e-40 : 1e30;
        }
        w[7] = Double.NaN;
        Path f = dir.resolve("garbage.npy");
        dev.initcheck.io.NpyWriter.writeFloat32(f, new long[] {64, 64}, w);
        CliRun r = ListCommandTest.run("identify", f.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("fitted: no law explains: 1 NaN, ").contains("[fail]");
        CliRun bad = ListCommandTest.run("identify", dir.resolve("missing.npy").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("initcheck:").doesNotContain("\n");
    }

    @Test
    void checkReportWritesTheFourFiles() throws Exception {
        Path f = sample("glorot_normal", Layout.PYTORCH, 256, 512);
        Path out = dir.resolve("rep");
        CliRun r = ListCommandTest.run("check", f.toString(), "--scheme", "glorot_normal", "--report",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        for (String name : ReportFiles.NAMES) {
            assertThat(out.resolve(name)).isNotEmptyFile();
        }
        String html = Files.readString(out.resolve("index.html"));
        // deviation, histogram, tails and QQ, each an inline SVG figure; no raster image
        assertThat(html.split("<figure class=\"chart\"><div class=\"yt\">[^<]*</div><svg class=\"plot\"", -1))
                .hasSize(5);
        assertThat(html).doesNotContain("<img");
        assertThat(html).doesNotContain("Propagation");
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"command\" : \"check\"")
                .doesNotContain("\"seed\" : ").contains("glorot_normal.npy");
        assertThat(Files.readString(out.resolve("summary.md"))).contains("PASS");
    }
}
