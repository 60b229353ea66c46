package dev.initcheck.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.check.CheckName;
import dev.initcheck.report.Report;
import dev.initcheck.report.ReportFiles;
import dev.initcheck.report.TensorResult;
import dev.initcheck.scheme.ReferenceInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Negative control of the whole suite: he_uniform sampled with fan_avg instead of fan_in (Keras
 * {@code VarianceScaling(2, fan_avg, uniform)}). On [256, 512] PyTorch fan_avg = 384, so the bound is
 * sqrt(6/384) instead of sqrt(6/512), 15% too wide: values beyond the declared bound (support) and a variance
 * 33% too large, far above the detectable error of 1.3% the table reports for this shape.
 */
class SuiteMutantTest {
    @TempDir
    Path dir;

    @Test
    void aMutantSamplerFailsTheRunAndEveryReportNamesTheFailingCheck() throws Exception {
        Suite.Config c = Suite.Config.defaults().withSeed(3).withSchemes("he_uniform", "glorot_uniform")
                .withShapes(Suite.DEFAULT_SHAPES.subList(0, 2)).withSections(false, false).withoutTraining()
                .withOverride("he_uniform", layout ->
                        ReferenceInitializer.of("variance_scaling(scale=2,mode=fan_avg,distribution=uniform)", layout));
        Report r = Suite.run(c, "2024-01-01T00:00:00Z");
        assertThat(r.passed()).isFalse();
        List<TensorResult> failed = r.tensors().stream().filter(t -> !t.verdict().passed()).toList();
        assertThat(failed).extracting(TensorResult::scheme).containsOnly("he_uniform").hasSize(2);
        assertThat(failed.get(0).verdict().check(CheckName.SUPPORT).orElseThrow().failed()).isTrue();
        ReportFiles.write(dir, r, 1);
        String json = Files.readString(dir.resolve("report.json"));
        String xml = Files.readString(dir.resolve("junit.xml"));
        String md = Files.readString(dir.resolve("summary.md"));
        assertThat(json).contains("\"verdict\" : \"fail\"", "\"check\" : \"support\"", "\"check\" : \"second_moment\"");
        assertThat(xml).containsPattern("<testcase classname=\"initcheck.suite\" name=\"he_uniform on \\[256, 512\\] "
                + "\\(pytorch\\)\" time=\"[0-9.]+\">\n      <failure message=\"failed: support, ");
        assertThat(md).contains("FAIL", "`he_uniform.256x512.pytorch` **support**", "**second_moment**");
        assertThat(md).doesNotContain("`glorot_uniform.256x512.pytorch` **");
    }

    @Test
    void samplesPoolIndependentTensorsOfTheShape() {
        Suite.Config c = Suite.Config.defaults().withSchemes("he_normal", "orthogonal")
                .withShapes(Suite.DEFAULT_SHAPES.subList(2, 3)).withSections(false, false).withoutTraining().withSamples(50_000);
        Report r = Suite.run(c, "t");
        assertThat(r.tensors()).extracting(t -> t.verdict().n()).containsExactly(50_000L, 64L * 32 * 9);
        assertThat(r.passed()).as("pooled he_normal and single orthogonal conform").isTrue();
    }
}
