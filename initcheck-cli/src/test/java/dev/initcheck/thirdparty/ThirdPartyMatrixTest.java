package dev.initcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.thirdparty.encog.EncogCases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThirdPartyMatrixTest {

    @Test
    void writesTheReportWithProvenanceRowsAndFindings(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nested/third-party.md");
        ThirdPartyMatrix.main(new String[] {out.toString(), Long.toString(ThirdPartyMatrix.SEED)});
        String md = Files.readString(out);
        assertThat(md).contains("## Provenance", "Seed: " + ThirdPartyMatrix.SEED, "XO_RO_SHI_RO_128_PP",
                "JDK: ", "Date: ", ThirdPartyMatrix.COMMAND.substring(7), "## Matrix", "## Findings and failures");
        for (ThirdPartyCase c : EncogCases.all()) {
            assertThat(md).contains(c.initializer());
        }
        assertThat(md).contains("XaiverRandomizer.randomize(BasicNetwork, int)", "`second_moment` rejected")
                .doesNotContain("UNEXPECTED");
    }

    @Test
    void withoutTheProfileTheDl4jRowsAreAbsentAndSaidSo() {
        boolean onClasspath = !ThirdPartyMatrix.dl4jCases().isEmpty();
        String md = MatrixReport.markdown(java.util.List.of(ThirdPartyMatrix.evaluate(EncogCases.all().get(0),
                1)), new MatrixReport.Provenance("cmd", 1, "gen", "date", "jdk", onClasspath));
        assertThat(md).contains(onClasspath ? "deeplearning4j-nn:1.0.0-M2.1" : "Deeplearning4j rows not run");
    }
}
