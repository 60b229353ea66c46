package dev.initcheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Distribution;
import dev.initcheck.scheme.Expectation;
import java.util.Map;

/**
 * JSON forms of initcheck's results (schema in {@code docs/report-schema.md}). Non-finite numbers are written as
 * {@code null}: JSON has no NaN.
 */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Pretty-printed, with a trailing newline. */
    public static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise report", e);
        }
    }

    /** Puts a number, or null for NaN and infinities. */
    public static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /** The object {@code check --format json} prints for one tensor. */
    public static ObjectNode verdict(Verdict v, String file, String tensor) {
        ObjectNode o = object();
        if (file != null) {
            o.put("file", file);
        }
        if (tensor != null) {
            o.put("tensor", tensor);
        }
        Expectation e = v.expectation();
        ArrayNode shape = o.putArray("shape");
        for (long d : e.shape().dims()) {
            shape.add(d);
        }
        o.put("layout", e.layout().id());
        o.put("fan_in", e.fans().fanIn());
        o.put("fan_out", e.fans().fanOut());
        o.put("n", v.n());
        o.put("precision", v.precision().id());
        o.put("scheme", e.scheme().toString());
        o.set("expected", expected(e));
        o.put("verdict", v.status().id());
        num(o, "alpha", v.alpha());
        if (v.source() != null) {
            o.put("generator", v.source().source().name());
            o.put("seed", v.source().seed());
        }
        ArrayNode checks = o.putArray("checks");
        v.checks().forEach(c -> checks.add(check(c)));
        return o;
    }

    static ObjectNode expected(Expectation e) {
        Distribution d = e.distribution();
        ObjectNode x = object();
        x.put("family", d.family().id());
        ObjectNode params = x.putObject("parameters");
        d.parameters().forEach((k, val) -> num(params, k, val));
        num(x, "variance", d.variance());
        num(x, "stddev", d.standardDeviation());
        num(x, "lower", d.lowerBound());
        num(x, "upper", d.upperBound());
        x.put("structure", e.structure().name().toLowerCase(java.util.Locale.ROOT));
        x.put("law", d.describe());
        x.put("formula", e.scheme().formula());
        return x;
    }

    /** One check as JSON (the objects of {@code checks[]}). */
    public static ObjectNode check(CheckResult c) {
        ObjectNode o = object();
        o.put("name", c.name().id());
        num(o, "statistic", c.statistic());
        // a subnormal threshold is float64's ulp at 0 (a point mass at 0): exact equality, written as null
        num(o, "threshold", Math.abs(c.threshold()) < Double.MIN_NORMAL && c.threshold() != 0 ? Double.NaN
                : c.threshold());
        num(o, "p_value", c.pValue());
        num(o, "alpha", c.alpha());
        o.put("passed", c.passed());
        o.put("ran", c.ran());
        o.put("outcome", c.outcome().id());
        o.put("hard", c.hard());
        num(o, "detectable_scale_error", c.detectableScaleError());
        o.put("message", c.message());
        if (!c.details().isEmpty()) {
            ObjectNode d = o.putObject("details");
            for (Map.Entry<String, Object> kv : c.details().entrySet()) {
                if (kv.getValue() instanceof Number n) {
                    num(d, kv.getKey(), n.doubleValue());
                } else {
                    d.put(kv.getKey(), String.valueOf(kv.getValue()));
                }
            }
        }
        return o;
    }
}
