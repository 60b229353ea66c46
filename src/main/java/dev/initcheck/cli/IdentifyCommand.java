package dev.initcheck.cli;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.app.HeapGuard;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.initcheck.check.Identification;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorSource;
import dev.initcheck.report.Json;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code initcheck identify FILE}: which catalogue scheme explains a tensor best. */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Rank every catalogue scheme by how well it explains one tensor (KS distance to its law for "
                + "the tensor's shape, and the verdict of the full checks, the budget split over every scheme tried). "
                + "Exit 0: some scheme passes, 1: none, 2: bad input.")
final class IdentifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The tensor file.")
    Path file;

    @Option(names = "--tensor", description = "The tensor to identify; required when a .npz/.safetensors/.pt file "
            + "holds more than one float tensor.")
    String tensor;

    @Mixin
    TensorOptions tensorOptions;

    @Mixin
    AlphaOption alpha;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws TensorFormatException {
        OutputFormat out = format.value();
        List<TensorCheck.Target> targets = TensorOptions.select(file, tensor).targets();
        if (targets.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + targets.size()
                    + " float tensors; name one with --tensor (" + String.join(", ",
                    targets.stream().map(TensorCheck.Target::tensor).toList()) + ")");
        }
        TensorCheck.Target t = targets.get(0);
        List<Identification.Candidate> ranking;
        Expectation shapeInfo;
        try (TensorSource src = TensorFiles.open(t.file(), t.tensor(), tensorOptions.csvShape())) {
            TensorInfo info = src.info();
            shapeInfo = TensorCheck.expectation(t, info, Scheme.parse("zeros"), tensorOptions.spec());
            HeapGuard.requireIdentify(t, info, shapeInfo);
            ranking = Identification.rank(src.readAllCOrder(), shapeInfo.shape(), shapeInfo.layout(),
                    shapeInfo.fans(), TensorCheck.precision(info.dtype()), alpha.value());
        }
        PrintWriter w = spec.commandLine().getOut();
        if (out == OutputFormat.JSON) {
            w.print(Json.write(json(t, shapeInfo, ranking)));
        } else {
            text(w, t, shapeInfo, ranking);
        }
        return ranking.stream().anyMatch(Identification.Candidate::passed) ? Main.EXIT_OK : Main.EXIT_NONCONFORMANT;
    }

    private static ObjectNode json(TensorCheck.Target t, Expectation e, List<Identification.Candidate> ranking) {
        ObjectNode o = Json.object();
        o.put("file", t.file().toString());
        if (t.tensor() != null) {
            o.put("tensor", t.tensor());
        }
        ArrayNode shape = o.putArray("shape");
        for (long d : e.shape().dims()) {
            shape.add(d);
        }
        o.put("layout", e.layout().id());
        o.put("fan_in", e.fans().fanIn());
        o.put("fan_out", e.fans().fanOut());
        ArrayNode list = o.putArray("ranking");
        for (Identification.Candidate c : ranking) {
            ObjectNode x = list.addObject();
            x.put("scheme", c.scheme().toString());
            x.put("verdict", c.passed() ? "pass" : "fail");
            x.put("distance", c.distance());
            x.put("law", c.verdict().expectation().distribution().describe());
            if (!c.equivalent().isEmpty()) {
                ArrayNode eq = x.putArray("equivalent");
                c.equivalent().forEach(s -> eq.add(s.toString()));
            }
            if (!c.passed()) {
                ArrayNode f = x.putArray("failed_checks");
                c.verdict().failures().forEach(r -> f.add(r.name().id()));
            }
        }
        return o;
    }

    private static void text(PrintWriter w, TensorCheck.Target t, Expectation e, List<Identification.Candidate> ranking) {
        w.printf(Locale.ROOT, "%s%s: shape %s, %s layout, fan_in %d, fan_out %d%n", t.file(),
                t.tensor() == null ? "" : " [" + t.tensor() + "]", e.shape(), e.layout().id(), e.fans().fanIn(),
                e.fans().fanOut());
        long passing = ranking.stream().filter(Identification.Candidate::passed).count();
        w.println(passing == 0 ? "no catalogue scheme explains these values"
                : passing + " scheme group(s) pass; best first:");
        int rank = 1;
        for (Identification.Candidate c : ranking) {
            w.printf(Locale.ROOT, "%3d. %-4s D = %.3e  %-40s %s%n", rank++, c.passed() ? "pass" : "fail", c.distance(),
                    c.scheme(), c.verdict().expectation().distribution().describe());
            if (!c.equivalent().isEmpty()) {
                w.println("       indistinguishable for this shape: " + c.scheme() + ", "
                        + String.join(", ", c.equivalent().stream().map(Scheme::toString).toList()));
            }
        }
    }
}
