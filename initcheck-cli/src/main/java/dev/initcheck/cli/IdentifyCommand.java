package dev.initcheck.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.initcheck.app.HeapGuard;
import dev.initcheck.app.TensorCheck;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.Identification;
import dev.initcheck.check.LawFit;
import dev.initcheck.distribution.Precision;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorSource;
import dev.initcheck.report.Json;
import dev.initcheck.sample.SortedSample;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code initcheck identify FILE}: the law fitted to a tensor ({@link LawFit}: any scale, closed forms recognized)
 * and which catalogue scheme explains it best ({@link Identification}), each at the full budget --alpha.
 */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Fit a law of any scale to one tensor (normal, uniform, truncated normal or constant; "
                + "parameters with standard errors, a closed form such as 1/sqrt(fan_in) or 0.02 when one matches, "
                + "and the full checks of the fitted law; 'no law explains' for NaN, infinite or huge values or when "
                + "every family fails), then rank every catalogue scheme by how well it explains the tensor (KS "
                + "distance to its law for the tensor's shape, and the verdict of the full checks, the budget split "
                + "over every scheme tried). Exit 0: some catalogue scheme or the fitted law passes, 1: none, "
                + "2: bad input.")
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
        LawFit.Result fitted;
        Expectation shapeInfo;
        try (TensorSource src = TensorFiles.open(t.file(), t.tensor(), tensorOptions.csvShape())) {
            TensorInfo info = src.info();
            shapeInfo = TensorCheck.expectation(t, info, Scheme.parse("zeros"), tensorOptions.spec());
            HeapGuard.requireIdentify(t, info, shapeInfo);
            double[] values = src.readAllCOrder();
            SortedSample sorted = Arrays.stream(values).anyMatch(Double::isNaN) ? null : SortedSample.of(values);
            Precision p = TensorCheck.precision(info.dtype());
            fitted = LawFit.fit(values, sorted, shapeInfo.shape(), shapeInfo.layout(), shapeInfo.fans(), p,
                    AlphaShare.of(alpha.value()));
            ranking = Identification.rank(values, sorted, shapeInfo.shape(), shapeInfo.layout(), shapeInfo.fans(), p,
                    AlphaShare.of(alpha.value()));
        }
        PrintWriter w = spec.commandLine().getOut();
        if (out == OutputFormat.JSON) {
            ObjectNode o = json(t, shapeInfo, ranking);
            o.set("fitted", json(fitted));
            w.print(Json.write(o));
        } else {
            text(w, t, shapeInfo, fitted, ranking);
        }
        boolean fitPasses = fitted.explained() && fitted.verdict().passed();
        return fitPasses || ranking.stream().anyMatch(Identification.Candidate::passed) ? Main.EXIT_OK
                : Main.EXIT_NONCONFORMANT;
    }

    /**
     * The {@code fitted} object: explained, family, description, parameters and standard_errors (grammar keys),
     * scheme, recognized and recognized_scheme (null when none), verdict (pass, inconclusive; fail when unexplained),
     * failed_checks, distance (KS), notes.
     */
    static ObjectNode json(LawFit.Result f) {
        ObjectNode x = Json.object();
        x.put("explained", f.explained());
        x.put("family", f.family());
        x.put("description", f.description());
        ObjectNode params = x.putObject("parameters");
        f.parameters().forEach(params::put);
        ObjectNode se = x.putObject("standard_errors");
        f.standardErrors().forEach(se::put);
        putOrNull(x, "scheme", f.scheme() == null ? null : f.scheme().toString());
        putOrNull(x, "recognized", f.recognized());
        putOrNull(x, "recognized_scheme", f.recognizedScheme() == null ? null : f.recognizedScheme().toString());
        x.put("verdict", f.explained() ? f.verdict().status().id() : "fail");
        ArrayNode failed = x.putArray("failed_checks");
        f.verdict().failures().forEach(r -> failed.add(r.name().id()));
        double d = f.candidates().isEmpty() || !f.explained() ? Double.NaN : f.candidates().get(0).distance();
        if (Double.isFinite(d)) {
            x.put("distance", d);
        } else {
            x.putNull("distance");
        }
        ArrayNode notes = x.putArray("notes");
        f.notes().forEach(notes::add);
        return x;
    }

    private static void putOrNull(ObjectNode o, String key, String value) {
        if (value == null) {
            o.putNull(key);
        } else {
            o.put(key, value);
        }
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

    private static void text(PrintWriter w, TensorCheck.Target t, Expectation e, LawFit.Result fitted,
                             List<Identification.Candidate> ranking) {
        w.printf(Locale.ROOT, "%s%s: shape %s, %s layout, fan_in %d, fan_out %d%n", t.file(),
                t.tensor() == null ? "" : " [" + t.tensor() + "]", e.shape(), e.layout().id(), e.fans().fanIn(),
                e.fans().fanOut());
        w.println("fitted: " + fitted.description() + " [" + (fitted.explained() ? fitted.verdict().status().id()
                : "fail")
                + (fitted.scheme() == null ? "" : ", scheme " + fitted.scheme())
                + (fitted.recognizedScheme() == null ? "" : ", recognized " + fitted.recognizedScheme()) + "]");
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
