package dev.initcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.propagation.PropagationRow;
import java.util.Map;

/**
 * report.json (schema: {@code docs/report-schema.md}): the run, every verdict as {@link Json#verdict} writes it,
 * and the suite's sections. Deterministic: two runs with the same seed differ only in {@code generated_at}.
 */
public final class ReportJson {
    /** Version of the report.json layout. */
    public static final int SCHEMA_VERSION = 1;

    private ReportJson() {
    }

    public static String write(Report r) {
        ObjectNode o = Json.object();
        o.put("schema_version", SCHEMA_VERSION);
        o.set("run", run(r));
        o.set("summary", summary(r));
        ArrayNode verdicts = o.putArray("verdicts");
        for (TensorResult t : r.tensors()) {
            ObjectNode v = Json.verdict(t.verdict(), t.file(), t.tensor());
            v.put("id", Ids.of(t));
            verdicts.add(v);
        }
        ArrayNode skipped = o.putArray("skipped");
        for (Report.Skipped s : r.skipped()) {
            skipped.addObject().put("file", s.file()).put("tensor", s.tensor()).put("dtype", s.dtype())
                    .put("reason", s.reason()).put("status", s.status());
        }
        if (r.propagation() != null) {
            o.set("propagation", propagation(r.propagation()));
        }
        if (r.seedExperiment() != null) {
            o.set("seed_experiment", seed(r.seedExperiment()));
        }
        if (r.symmetry() != null) {
            o.set("symmetry", symmetry(r.symmetry()));
        }
        if (r.training() != null) {
            o.set("training", TrainingJson.section(r.training()));
        }
        return Json.write(o);
    }

    private static ObjectNode run(Report r) {
        Report.RunInfo i = r.info();
        ObjectNode o = Json.object();
        o.put("command", i.command());
        o.put("initcheck_version", Report.INITCHECK_VERSION);
        o.put("java_version", System.getProperty("java.version"));
        if (i.seed() != null) {
            o.put("seed", i.seed());
            o.put("generator", i.generator());
        }
        Json.num(o, "alpha_total", i.alpha());
        o.put("tensors", r.tensors().size());
        Json.num(o, "alpha_per_tensor", i.alpha() / Math.max(1, r.tensors().size()));
        if (i.samples() != null) {
            o.put("samples", i.samples());
        }
        o.put("generated_at", i.generatedAt());
        return o;
    }

    private static ObjectNode summary(Report r) {
        ObjectNode o = Json.object();
        long failed = r.tensors().stream().filter(t -> t.verdict().failed()).count();
        long passed = r.tensors().stream().filter(t -> t.verdict().passed()).count();
        o.put("verdict", r.passed() ? "pass" : failed > 0 ? "fail" : "inconclusive");
        o.put("tensors_passed", passed);
        o.put("tensors_inconclusive", r.tensors().size() - passed - failed);
        o.put("tensors_failed", failed);
        ArrayNode f = o.putArray("failures");
        for (TensorResult t : r.tensors()) {
            for (CheckResult c : t.verdict().failures()) {
                ObjectNode x = f.addObject();
                x.put("id", Ids.of(t));
                x.put("scheme", t.scheme());
                x.put("check", c.name().id());
                x.put("message", c.message());
            }
        }
        return o;
    }

    private static ObjectNode propagation(PropagationSection p) {
        ObjectNode o = Json.object();
        ints(o.putArray("widths"), p.widths());
        o.put("batch", p.batch());
        o.put("layout", p.layout());
        ArrayNode acts = o.putArray("activations");
        p.activations().forEach(acts::add);
        ArrayNode runs = o.putArray("runs");
        for (PropagationSection.Run r : p.runs()) {
            ObjectNode x = runs.addObject();
            x.put("scheme", r.scheme());
            x.put("activation", r.activation());
            x.put("regime", r.regime());
            nums(x.putArray("mean"), r.mean());
            nums(x.putArray("std"), r.std());
            nums(x.putArray("saturated"), r.saturated());
            nums(x.putArray("predicted_std"), r.predictedStd());
            nums(x.putArray("input_gradient"), r.inputGradient());
        }
        ArrayNode skipped = o.putArray("skipped");
        for (PropagationSection.Skipped s : p.skipped()) {
            skipped.addObject().put("scheme", s.scheme()).put("reason", s.reason());
        }
        return o;
    }

    private static ObjectNode seed(SeedSection s) {
        ObjectNode o = Json.object();
        ints(o.putArray("widths"), s.widths());
        o.put("batch", s.batch());
        o.put("activation", s.activation());
        ArrayNode rows = o.putArray("rows");
        for (PropagationRow r : s.rows()) {
            ObjectNode x = rows.addObject();
            x.put("scheme", r.scheme());
            x.put("layer", r.layer());
            Json.num(x, "mean", r.mean());
            Json.num(x, "std", r.std());
            Json.num(x, "saturated", r.saturated());
            if (r.predictedStd() == null) {
                x.putNull("predicted_std");
            } else {
                Json.num(x, "predicted_std", r.predictedStd());
            }
        }
        ObjectNode regimes = o.putObject("regimes");
        for (Map.Entry<String, String> e : s.regimes().entrySet()) {
            regimes.put(e.getKey(), e.getValue());
        }
        ArrayNode constant = o.putArray("identical_rows");
        for (SeedSection.IdenticalRows c : s.constantRows()) {
            constant.addObject().put("scheme", c.scheme()).put("rows", c.rows()).put("cols", c.cols())
                    .put("largest_identical_group", c.largestIdenticalGroup());
        }
        return o;
    }

    private static ObjectNode symmetry(SymmetrySection s) {
        ObjectNode o = Json.object();
        ints(o.putArray("widths"), s.widths());
        o.put("activation", s.activation());
        o.put("steps", s.steps());
        Json.num(o, "learning_rate", s.learningRate());
        ArrayNode traces = o.putArray("traces");
        for (SymmetrySection.Trace t : s.traces()) {
            ObjectNode x = traces.addObject();
            x.put("label", t.label());
            x.put("scheme", t.scheme());
            Json.num(x, "dropout", t.dropout());
            x.put("expect_symmetric", t.expectSymmetric());
            x.put("as_expected", t.asExpected());
            ArrayNode d = x.putArray("max_distance");
            for (double[] step : t.maxDistance()) {
                nums(d.addArray(), step);
            }
            nums(x.putArray("loss"), t.loss());
        }
        return o;
    }

    /** The values, null for NaN and infinities. */
    static void nums(ArrayNode a, double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.addNull();
            }
        }
    }

    private static void ints(ArrayNode a, int[] v) {
        for (int x : v) {
            a.add(x);
        }
    }

    /** The detectable scale error of a check, NaN when it did not run. */
    static double detectable(TensorResult t, CheckName name) {
        return t.verdict().check(name).filter(CheckResult::ran).map(CheckResult::detectableScaleError)
                .orElse(Double.NaN);
    }
}
