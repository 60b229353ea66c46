package dev.initcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(md).contains("Seed: " + ThirdPartyMatrix.SEED, "XO_RO_SHI_RO_128_PP", "JDK: ", "Date: ",
                ThirdPartyMatrix.COMMAND, "### Findings and failures", "org.beykery:neuroph:2.92",
                "com.github.haifengl:smile-core:1.5.3");
        for (ThirdPartyCase c : ThirdPartyMatrix.defaultCases()) {
            assertThat(md).contains(c.initializer());
        }
        assertThat(md).contains("XaiverRandomizer.randomize(BasicNetwork, int)", "`second_moment` rejected",
                "NguyenWidrowRandomizer.java:47").doesNotContain("UNEXPECTED");
        assertThat(Files.readString(dir.resolve("nested/third-party/default.md"))).isSubstringOf(md);
    }

    /** A section whose profile is absent keeps what an earlier run wrote, or says how to generate it. */
    @Test
    void anAbsentProfileKeepsItsSectionOrSaysHowToWriteIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("third-party.md");
        Files.createDirectories(dir.resolve("third-party"));
        Files.writeString(dir.resolve("third-party/tensorflow.md"), "## kept from an earlier run\n");
        ThirdPartyMatrix.main(new String[] {out.toString()});
        String md = Files.readString(out);
        boolean dl4j = !ThirdPartyMatrix.optionalCases(ThirdPartyMatrix.OPTIONAL.get(0)).isEmpty();
        assertThat(md).contains(dl4j ? "deeplearning4j-nn:1.0.0-M2.1" : "Not generated yet: run `mvn -q -Pdl4j");
        if (ThirdPartyMatrix.optionalCases(ThirdPartyMatrix.OPTIONAL.get(1)).isEmpty()) {
            assertThat(md).contains("## kept from an earlier run");
        }
    }
}
