package dev.initcheck.report;

import dev.initcheck.propagation.TrainingClaims;
import dev.initcheck.propagation.TrainingResult;
import dev.initcheck.propagation.TrainingStudy;
import java.util.List;

/**
 * The suite's training section: the study {@code initcheck train} runs with its defaults (settings, generator,
 * one {@link TrainingResult} per scheme and activation: per-seed runs, loss quartiles per logged step, median steps
 * to the target with its order-statistic interval, median gradient norm per layer at step 0) and the seed
 * documents' claims evaluated on it ({@link TrainingClaims}, each a paired sign test at α = 1e-3).
 */
public record TrainingSection(TrainingStudy.Study study, List<TrainingClaims.Claim> claims) {
    public TrainingSection {
        claims = List.copyOf(claims);
    }

    public static TrainingSection of(TrainingStudy.Study study) {
        return new TrainingSection(study, TrainingClaims.evaluate(study));
    }
}
