package dev.initcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.thirdparty.encog.EncogCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        for (ThirdPartyCase c : ThirdPartyMatrix.defaultCases()) {
            assertThat(md).contains(c.initializer());
        }
        assertThat(md).contains("XaiverRandomizer.randomize(BasicNetwork, int)", "`second_moment` rejected",
                        "org.beykery:neuroph:2.92", "com.github.haifengl:smile-core:1.5.3")
                .doesNotContain("UNEXPECTED");
    }

    @Test
    void withoutTheProfileTheDl4jRowsAreAbsentAndSaidSo() {
        boolean onClasspath = !ThirdPartyMatrix.dl4jCases().isEmpty();
        String md = MatrixReport.markdown(java.util.List.of(ThirdPartyMatrix.evaluate(EncogCases.all().get(0),
                1)), new MatrixReport.Provenance("cmd", 1, "gen", "date", "jdk",
                List.of(onClasspath ? "org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1" : "x:y:1"),
                onClasspath ? List.of() : List.of("Deeplearning4j rows not run (add `-Pdl4j`)")));
        assertThat(md).contains(onClasspath ? "deeplearning4j-nn:1.0.0-M2.1" : "Deeplearning4j rows not run");
    }
}
