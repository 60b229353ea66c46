package dev.initcheck.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.propagation.Activation;
import dev.initcheck.propagation.TrainingClaims;
import dev.initcheck.propagation.TrainingStudy;
import dev.initcheck.report.Report;
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
}
