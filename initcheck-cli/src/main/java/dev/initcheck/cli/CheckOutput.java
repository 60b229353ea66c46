package dev.initcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import dev.initcheck.io.SkippedTensor;
import dev.initcheck.report.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What {@code check} prints, for a file and for a manifest alike.
 *
 * <p><b>Text.</b> Per tensor: {@code FILE [tensor]: PASS|FAIL}, the verdict's summary sentence, then every check once
 * ({@code ok}, {@code FAIL}, or {@code -} for not run). Cross-tensor checks (manifests) are many, one per pair: only
 * the correlated pairs are printed, and one line counts the pairs. Then one line per skipped tensor, and a last
 * line counting tensors by outcome (and pairs, for a manifest).
 *
 * <p><b>JSON.</b> One object whatever the number of tensors: {@code file} (or {@code manifest}), {@code verdict} (the
 * worst of the tensors' verdicts), {@code alpha} (the run's budget), {@code tensors} (one {@link Json#verdict} object
 * each, plus {@code entry} for a manifest) and {@code skipped} ({@code tensor}, {@code dtype}, {@code reason}).
 */
final class CheckOutput {
    private CheckOutput() {
    }

    /** One checked tensor: the file as the user wrote it, the tensor's name, its verdict, its manifest entry. */
    record Row(String file, String tensor, Verdict verdict, Integer entry) {
    }

    static String status(Verdict v) {
        return v.status().name();
    }

    static void text(PrintWriter w, List<Row> rows, String file, List<SkippedTensor> skipped) {
        rows.forEach(r -> tensor(w, r));
        for (SkippedTensor s : skipped) {
            w.printf(Locale.ROOT, "%s [%s]: SKIPPED %s (%s)%n", file, s.name(), s.dtype(), s.reason());
        }
        long failed = rows.stream().filter(r -> r.verdict().failed()).count();
        long passed = rows.stream().filter(r -> r.verdict().passed()).count();
        long inconclusive = rows.size() - failed - passed;
        w.printf(Locale.ROOT, "%d tensor%s: %d pass, %d fail%s%s%s%n", rows.size(), rows.size() == 1 ? "" : "s",
                passed, failed, inconclusive == 0 ? "" : ", " + inconclusive + " inconclusive",
                skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped", pairs(rows));
    }

    /** "; 3 tensor pairs checked for cross-correlation, 1 correlated", or "" without pairs. */
    private static String pairs(List<Row> rows) {
        long ends = 0;
        long correlated = 0;
        for (Row r : rows) {
            for (CheckResult c : r.verdict().checks()) {
                if (c.name() == CheckName.CROSS_CORRELATION) {
                    ends++;
                    correlated += c.failed() ? 1 : 0;
                }
            }
        }
        return ends == 0 ? "" : String.format(Locale.ROOT, "; %d tensor pair%s checked for cross-correlation, %d "
                + "correlated", ends / 2, ends == 2 ? "" : "s", correlated / 2);
    }

    static void tensor(PrintWriter w, Row r) {
        Verdict v = r.verdict();
        w.printf(Locale.ROOT, "%s [%s]: %s%n", r.file(), r.tensor(), status(v));
        w.println("  " + v.explain().lines().findFirst().orElse(""));
        int pairs = 0;
        int correlated = 0;
        for (CheckResult c : v.checks()) {
            boolean pair = c.name() == CheckName.CROSS_CORRELATION;
            pairs += pair ? 1 : 0;
            correlated += pair && c.failed() ? 1 : 0;
            if (!pair || c.outcome() != CheckResult.Outcome.PASSED) {
                w.printf(Locale.ROOT, "  %-4s %-18s %s%n", mark(c), c.name().id(), c.message());
            }
        }
        if (pairs > 0) {
            w.printf(Locale.ROOT, "  %-4s %-18s %d pair%s with other tensors checked, %s%n", correlated == 0 ? "ok"
                    : "FAIL", CheckName.CROSS_CORRELATION.id(), pairs, pairs == 1 ? "" : "s", correlated == 0
                    ? "none correlated" : correlated + " correlated (above)");
        }
    }

    /** ok, FAIL, ?? (inconclusive) or - (not run). */
    static String mark(CheckResult c) {
        return switch (c.outcome()) {
            case PASSED -> "ok";
            case FAILED -> "FAIL";
            case INCONCLUSIVE -> "??";
            case NOT_RUN -> "-";
        };
    }

    /** The one JSON shape of {@code check}; {@code key} is {@code file} or {@code manifest}. */
    static ObjectNode json(String key, String source, double alpha, List<Row> rows, List<SkippedTensor> skipped) {
        ArrayNode tensors = Json.array();
        for (Row r : rows) {
            ObjectNode t = Json.verdict(r.verdict(), r.file(), r.tensor());
            if (r.entry() != null) {
                t.put("entry", r.entry());
            }
            tensors.add(t);
        }
        ObjectNode o = Json.object();
        o.put(key, source);
        o.put("verdict", worst(tensors));
        o.put("alpha", alpha);
        o.set("tensors", tensors);
        ArrayNode s = o.putArray("skipped");
        for (SkippedTensor x : skipped) {
            s.addObject().put("tensor", x.name()).put("dtype", x.dtype()).put("reason", x.reason());
        }
        return o;
    }

    /** "fail" if any tensor fails, else "pass" if all pass, else the first other verdict. */
    static String worst(ArrayNode tensors) {
        String other = null;
        for (JsonNode t : tensors) {
            String v = t.get("verdict").asText();
            if (v.equals("fail")) {
                return v;
            }
            other = other == null && !v.equals("pass") ? v : other;
        }
        return other == null ? "pass" : other;
    }
}
