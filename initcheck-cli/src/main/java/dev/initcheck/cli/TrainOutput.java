package dev.initcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** A list with one object per (scheme, activation); +∞ and NaN are written as null. */
    static String json(TrainingStudy.Study study) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode list = mapper.createArrayNode();
        TrainingStudy.Config c = study.config();
        for (TrainingResult r : study.results()) {
            ObjectNode o = list.addObject();
            o.put("scheme", r.scheme());
            o.put("activation", r.activation().id());
            o.put("depth", r.depth());
            o.put("width", r.width());
            o.put("task", c.task().id());
            o.put("target_loss", r.targetLoss());
            ArrayNode reach = o.putArray("steps_to_target");
            ArrayNode finals = o.putArray("final_loss");
            ArrayNode diverged = o.putArray("diverged");
            for (TrainingResult.SeedRun s : r.runs()) {
                if (s.stepsToTarget() == null) {
                    reach.addNull();
                } else {
                    reach.add(s.stepsToTarget());
                }
                number(finals, s.finalLoss());
                diverged.add(s.diverged());
            }
            ObjectNode median = o.putObject("steps_to_target_median");
            number(median, "median", r.stepsToTarget().median());
            number(median, "lower", r.stepsToTarget().lower());
            number(median, "upper", r.stepsToTarget().upper());
            median.put("coverage", r.stepsToTarget().coverage());
            ObjectNode curve = o.putObject("loss_curve");
            ArrayNode st = curve.putArray("step");
            for (int v : r.curve().steps()) {
                st.add(v);
            }
            array(curve.putArray("q1"), r.curve().lowerQuartile());
            array(curve.putArray("median"), r.curve().median());
            array(curve.putArray("q3"), r.curve().upperQuartile());
            array(o.putArray("gradient_norms_step0"), r.gradientNorms());
            o.put("learning_rate", r.learningRate());
            o.put("momentum", c.momentum());
            o.put("batch", c.batch());
            o.put("steps", c.steps());
            o.put("seeds", r.runs().size());
            o.put("seed", c.seed());
            o.put("generator", study.generator());
        }
        return mapper.writeValueAsString(list);
    }

    private static void array(ArrayNode a, double[] values) {
        for (double v : values) {
            number(a, v);
        }
    }

    private static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
