package dev.initcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.initcheck.audit.Audit;
import dev.initcheck.audit.AuditRequest;
import dev.initcheck.audit.AuditResult;
import dev.initcheck.audit.Declaration;
import dev.initcheck.audit.Identified;
import dev.initcheck.audit.TensorAudit;
import dev.initcheck.audit.TensorStatus;
import dev.initcheck.check.CheckResult;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.report.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code initcheck audit PATH}: every tensor of a model checkpoint against its policy or preset. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit every tensor of a checkpoint (.safetensors, .bin, .pt, .pth, .npz, .npy, or a model "
                + "directory with an index and shards) against a policy file and/or a preset. Each tensor gets a "
                + "status: pass, fail, inconclusive, undeclared (identified, with fitted parameters) or skipped. "
                + "Exit 0: every declared tensor passes (inconclusive allowed unless --strict), 1: some tensor "
                + "fails, 2: bad input.")
public final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "A tensor file or a model directory.")
    Path path;

    @Mixin
    AuditOptions options;

    @Mixin
    FormatOption format;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write index.html, report.json, junit.xml and summary.md into DIR.")
    Path report;

    @Override
    public Integer call() throws TensorFormatException, IOException {
        AuditRequest request = options.request(spec.commandLine(), path);
        if (report != null) {
            OutputPaths.directory("--report", report);
        }
        TensorProgress progress = new TensorProgress(spec.commandLine().getErr(), System.console() != null);
        AuditResult result;
        try {
            result = Audit.run(request, progress);
        } finally {
            progress.finish();
        }
        PrintWriter w = spec.commandLine().getOut();
        if (format.value() == OutputFormat.JSON) {
            w.print(Json.write(json(result)));
        } else {
            text(w, result);
        }
        if (report != null) {
            AuditReport.write(report, result);
        }
        return result.conforms() ? Main.EXIT_OK : Main.EXIT_NONCONFORMANT;
    }

    /** The scheme a tensor was checked against, as written, with its fan overrides. */
    static String scheme(Declaration d) {
        if (d == null) {
            return null;
        }
        return switch (d.kind()) {
            case SKIP -> "skip";
            case TIED -> "tied_to " + d.tiedTo();
            case SCHEME -> d.scheme() + (d.spec().fanIn() == null ? "" : " (fan_in " + d.spec().fanIn() + ")")
                    + (d.spec().fanOut() == null ? "" : " (fan_out " + d.spec().fanOut() + ")");
        };
    }

    /** One line per tensor (status, name, shape, dtype, law, and what failed), then a summary line. */
    public static void text(PrintWriter w, AuditResult r) {
        for (TensorAudit t : r.tensors()) {
            String shape = t.status() == TensorStatus.SKIPPED && t.declaration() == null ? ""
                    : " " + TensorInfo.formatShape(t.shape());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s %s%s %s", t.status().id()
                    .toUpperCase(Locale.ROOT), t.tensor(), shape, t.dtype()));
            if (t.declaration() != null) {
                line.append("  ").append(scheme(t.declaration())).append("  [").append(t.declaration().origin())
                        .append(']');
            }
            Identified id = t.identified();
            if (id != null) {
                line.append("  identified: ").append(id.description()); // the recognized form included
            }
            if (t.note() != null) {
                line.append("  (").append(t.note()).append(')');
            }
            w.println(line);
            for (CheckResult c : t.failures()) {
                w.printf(Locale.ROOT, "    %s: %s%n", c.name().id(), c.message());
            }
            if (t.status() == TensorStatus.INCONCLUSIVE && t.verdict() != null) {
                w.printf(Locale.ROOT, "    inconclusive: with %d values, %s could not have caught a relevant error "
                        + "(--format json has each check's detectable error)%n", t.verdict().n(),
                        String.join(", ", t.verdict().inconclusive().stream().map(c -> c.name().id()).toList()));
            }
            if (id != null && !id.explained() && id.verdict() != null) {
                id.verdict().failures().forEach(c -> w.printf(Locale.ROOT, "    %s: %s%n", c.name().id(),
                        c.message()));
            }
        }
        w.printf(Locale.ROOT, "audit %s: %s: %d pass, %d fail, %d inconclusive, %d undeclared, %d skipped "
                        + "(alpha %s over %d examined tensors%s%s)%n", r.path(), r.verdict().toUpperCase(Locale.ROOT),
                r.count(TensorStatus.PASS), r.count(TensorStatus.FAIL), r.count(TensorStatus.INCONCLUSIVE),
                r.count(TensorStatus.UNDECLARED), r.count(TensorStatus.SKIPPED), r.alpha(),
                r.examined(), r.policy() == null ? "" : "; policy " + r.policy(),
                r.preset() == null ? "" : "; preset " + r.preset().id());
    }

    /** The JSON object documented in docs/report-schema.md. */
    public static ObjectNode json(AuditResult r) {
        ObjectNode o = Json.object();
        o.put("path", r.path().toString());
        o.put("verdict", r.verdict());
        o.put("alpha", r.alpha());
        o.put("alpha_per_tensor", r.perTensor());
        o.put("strict", r.strict());
        if (r.policy() != null) {
            o.put("policy", r.policy().toString());
        } else {
            o.putNull("policy");
        }
        if (r.preset() != null) {
            o.put("preset", r.preset().id());
        } else {
            o.putNull("preset");
        }
        ObjectNode counts = o.putObject("counts");
        for (TensorStatus s : TensorStatus.values()) {
            counts.put(s.id(), r.count(s));
        }
        ArrayNode tensors = o.putArray("tensors");
        for (TensorAudit t : r.tensors()) {
            ObjectNode x = tensors.addObject();
            x.put("tensor", t.tensor());
            x.put("file", t.file().toString());
            ArrayNode shape = x.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            x.put("dtype", t.dtype());
            if (t.declaration() != null) {
                x.put("rule", t.declaration().origin());
                x.put("scheme", scheme(t.declaration()));
            } else {
                x.putNull("rule");
                x.putNull("scheme");
            }
            x.put("status", t.status().id());
            if (t.path() != null) {
                x.put("path", t.path());
            }
            List<CheckResult> checks = new ArrayList<>();
            if (t.verdict() != null) {
                checks.addAll(t.verdict().checks());
                x.put("n", t.verdict().n());
                x.put("law", t.verdict().expectation().distribution().describe());
            }
            checks.addAll(t.crossChecks());
            ArrayNode cs = x.putArray("checks");
            checks.forEach(c -> cs.add(Json.check(c)));
            Identified id = t.identified();
            if (id == null) {
                x.putNull("identified");
            } else {
                ObjectNode i = x.putObject("identified");
                i.put("family", id.family());
                i.put("description", id.description());
                i.put("scheme", id.scheme());
                i.put("recognized", id.recognized());
                i.put("explained", id.explained());
                if (id.verdict() != null) {
                    ArrayNode ic = i.putArray("checks");
                    id.verdict().checks().forEach(c -> ic.add(Json.check(c)));
                }
            }
            if (t.note() != null) {
                x.put("note", t.note());
            }
        }
        return o;
    }
}
