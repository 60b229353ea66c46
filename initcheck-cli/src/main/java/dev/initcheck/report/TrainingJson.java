package dev.initcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.initcheck.propagation.PairedComparison;
import dev.initcheck.propagation.TrainingClaims;
import dev.initcheck.propagation.TrainingResult;
import dev.initcheck.propagation.TrainingStudy;

/**
 * The training study as JSON: the list {@code initcheck train --format json} prints, and the {@code training}
 * object of the suite's report.json (the same list under {@code results}, plus the settings and the claims).
 * +∞ (a target never reached, a diverged loss) and NaN are written as null.
 */
public final class TrainingJson {
    private TrainingJson() {
    }

    /** One object per (scheme, activation), in the study's order. */
    public static ArrayNode results(TrainingStudy.Study study) {
        ArrayNode list = Json.array();
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
            Json.num(median, "median", r.stepsToTarget().median());
            Json.num(median, "lower", r.stepsToTarget().lower());
            Json.num(median, "upper", r.stepsToTarget().upper());
            median.put("coverage", r.stepsToTarget().coverage());
            ObjectNode curve = o.putObject("loss_curve");
            ArrayNode st = curve.putArray("step");
            for (int v : r.curve().steps()) {
                st.add(v);
            }
            ReportJson.nums(curve.putArray("q1"), r.curve().lowerQuartile());
            ReportJson.nums(curve.putArray("median"), r.curve().median());
            ReportJson.nums(curve.putArray("q3"), r.curve().upperQuartile());
            ReportJson.nums(o.putArray("gradient_norms_step0"), r.gradientNorms());
            o.put("learning_rate", r.learningRate());
            o.put("momentum", c.momentum());
            o.put("batch", c.batch());
            o.put("steps", c.steps());
            o.put("seeds", r.runs().size());
            o.put("seed", c.seed());
            o.put("generator", study.generator());
        }
        return list;
    }

    /** The suite's {@code training} object: settings, {@link #results}, and each claim with its sign test. */
    static ObjectNode section(TrainingSection s) {
        ObjectNode o = Json.object();
        TrainingStudy.Config c = s.study().config();
        o.put("task", c.task().id());
        o.put("target_loss", c.task().targetLoss());
        o.put("depth", c.depth());
        o.put("width", c.width());
        o.put("seeds", c.seeds());
        o.put("steps", c.steps());
        o.put("batch", c.batch());
        o.put("momentum", c.momentum());
        o.put("log_every", c.logEvery());
        o.put("seed", c.seed());
        o.put("generator", s.study().generator());
        o.set("results", results(s.study()));
        ArrayNode claims = o.putArray("claims");
        for (TrainingClaims.Claim cl : s.claims()) {
            ObjectNode x = claims.addObject();
            x.put("statement", cl.statement());
            x.put("holds", cl.holds());
            x.put("detail", cl.detail());
            PairedComparison p = cl.comparison();
            if (p != null) {
                x.put("a", p.a()).put("b", p.b()).put("wins", p.wins()).put("losses", p.losses())
                        .put("ties", p.ties());
                Json.num(x, "p_value", p.pValue());
                Json.num(x, "alpha", p.alpha());
            }
        }
        return o;
    }


    private static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }
}
