package dev.initcheck.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.propagation.Activation;
import dev.initcheck.propagation.TrainingClaims;
import dev.initcheck.propagation.TrainingStudy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.report.HtmlReport;
import dev.initcheck.report.Report;
import dev.initcheck.report.ReportJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite's training section: the study of {@code initcheck train}, seeded by the suite's seed, with its claims. */
class SuiteTrainingTest {
    @Test
    void theDefaultSuiteRunsTheDefaultTrainingStudy() {
        assertThat(Suite.Config.defaults().training()).isEqualTo(TrainingStudy.Config.defaults());
        assertThat(Suite.Config.defaults().withSeed(7).training().seed()).isEqualTo(7);
        assertThat(Suite.Config.defaults().withoutTraining().training()).isNull();
    }

    @Test
    void theReportCarriesTheStudyAndItsClaims() {
        TrainingStudy.Config tiny = TrainingStudy.Config.defaults().with(2, 8, 2, 20)
                .withSchemes(List.of("zeros", "he_normal")).withActivations(List.of(Activation.TANH));
        Suite.Config c = Suite.Config.defaults().withSchemes("he_normal").withShapes(Suite.DEFAULT_SHAPES.subList(0, 1))
                .withSections(false, false).withTraining(tiny).withSeed(9);
        Report r = Suite.run(c, "t");
        assertThat(r.training()).isNotNull();
        assertThat(r.training().study().config().seed()).isEqualTo(9);
        assertThat(r.training().study().results()).extracting(x -> x.label())
                .containsExactly("zeros/tanh", "he_normal/tanh");
        assertThat(r.training().study().results().get(1).curve().steps()).containsExactly(0, 10, 20);
        assertThat(r.training().claims()).extracting(TrainingClaims.Claim::statement)
                .contains("zeros never breaks symmetry and stalls (tanh)");
        assertThat(Suite.run(c.withoutTraining(), "t").training()).isNull();
    }

    /**
     * The page and report.json render the section: the heading, one loss chart and one gradient chart per
     * activation, the steps-to-target table with a cell per scheme, every claim; and the JSON's results, with a
     * target never reached written as null.
     */
    @Test
    void thePageAndTheJsonShowTheSection() throws Exception {
        TrainingStudy.Config tiny = TrainingStudy.Config.defaults().with(2, 8, 2, 20)
                .withSchemes(List.of("zeros", "he_normal")).withActivations(List.of(Activation.TANH, Activation.RELU));
        Suite.Config c = Suite.Config.defaults().withSchemes("he_normal").withShapes(Suite.DEFAULT_SHAPES.subList(0, 1))
                .withSections(false, false).withTraining(tiny).withSeed(9);
        Report r = Suite.run(c, "t");
        String html = HtmlReport.write(r, List.of());
        String section = html.substring(html.indexOf("<h2>Training from each initialization</h2>"));
        assertThat(section).contains("<h3>tanh</h3>", "<h3>relu</h3>", "aria-label=\"training loss of tanh networks\"",
                "aria-label=\"training loss of relu networks\"", "‖∂L/∂W‖ at step 0");
        for (TrainingClaims.Claim cl : r.training().claims()) {
            assertThat(section).contains(cl.statement().replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;"));
        }
        assertThat(section).contains("<td><code>zeros</code></td><td class=\"num\">never (0/2)</td>");
        JsonNode json = new ObjectMapper().readTree(ReportJson.write(r)).get("training");
        assertThat(json.get("seed").asLong()).isEqualTo(9);
        assertThat(json.get("results")).hasSize(4);
        JsonNode zeros = json.get("results").get(0);
        assertThat(zeros.get("scheme").asText()).isEqualTo("zeros");
        assertThat(zeros.get("steps_to_target").get(0).isNull()).isTrue();
        assertThat(json.get("claims")).hasSize(r.training().claims().size());
        assertThat(ReportJson.write(Suite.run(c.withoutTraining(), "t"))).doesNotContain("\"training\"");
    }
}
