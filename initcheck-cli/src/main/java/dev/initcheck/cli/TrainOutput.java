package dev.initcheck.cli;

import dev.initcheck.report.Json;
import dev.initcheck.report.TrainingJson;
import dev.initcheck.propagation.SeedStatistics;
import dev.initcheck.propagation.TrainingClaims;
import dev.initcheck.propagation.TrainingResult;
import dev.initcheck.propagation.TrainingStudy;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The text and JSON of {@code initcheck train}, rendered from a {@link TrainingStudy.Study}. */
final class TrainOutput {
    private TrainOutput() {
    }

    static void text(PrintWriter out, TrainingStudy.Study study, List<TrainingClaims.Claim> claims) {
        TrainingStudy.Config c = study.config();
        out.printf(Locale.ROOT, "train: task %s (target loss %s), %d hidden layers of %d, %d seeds, %d steps, "
                        + "batch %d, momentum %s, seed %d (%s)%n", c.task().id(), c.task().targetLoss(), c.depth(),
                c.width(), c.seeds(), c.steps(), c.batch(), c.momentum(), c.seed(), study.generator());
        out.printf(Locale.ROOT, "%-22s %-8s %6s %8s %15s %24s %9s%n", "scheme", "act", "lr", "reached",
                "steps [CI]", "final loss median [IQR]", "diverged");
        for (TrainingResult r : study.results()) {
            long reached = r.runs().stream().filter(s -> s.stepsToTarget() != null).count();
            long diverged = r.runs().stream().filter(TrainingResult.SeedRun::diverged).count();
            double[] finals = r.runs().stream().mapToDouble(TrainingResult.SeedRun::finalLoss).toArray();
            SeedStatistics.Interval s = r.stepsToTarget();
            out.printf(Locale.ROOT, "%-22s %-8s %6s %8s %15s %24s %9d%n", r.scheme(), r.activation().id(),
                    r.learningRate(), reached + "/" + r.runs().size(),
                    steps(s.median()) + " [" + steps(s.lower()) + "," + steps(s.upper()) + "]",
                    String.format(Locale.ROOT, "%s [%s,%s]", loss(SeedStatistics.quantile(finals, 0.5)),
                            loss(SeedStatistics.quantile(finals, 0.25)), loss(SeedStatistics.quantile(finals, 0.75))),
                    diverged);
        }
        if (!study.results().isEmpty()) {
            out.printf(Locale.ROOT, "steps: median over seeds ('never': not reached in %d steps), CI: order-statistic "
                    + "interval of the median, coverage %.1f%%%n", c.steps(),
                    100 * study.results().get(0).stepsToTarget().coverage());
        }
        out.printf(Locale.ROOT, "claims (one-sided exact sign test paired by seed, alpha %.0e each):%n",
                TrainingClaims.ALPHA);
        for (TrainingClaims.Claim cl : claims) {
            out.println("  " + cl);
        }
    }

    private static String steps(double v) {
        return Double.isInfinite(v) ? "never" : String.valueOf(Math.round(v));
    }

    private static String loss(double v) {
        return Double.isInfinite(v) || Double.isNaN(v) ? "inf" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** A list with one object per (scheme, activation) ({@link TrainingJson#results}); +∞ and NaN as null. */
    static String json(TrainingStudy.Study study) {
        return Json.write(TrainingJson.results(study));
    }
}
