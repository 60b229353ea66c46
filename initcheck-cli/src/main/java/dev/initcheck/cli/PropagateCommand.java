package dev.initcheck.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.initcheck.propagation.Activation;
import dev.initcheck.propagation.PropagationRow;
import dev.initcheck.propagation.PropagationTable;
import dev.initcheck.propagation.Regime;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code initcheck propagate}: seed document 000's activation table, measured and predicted. */
@Command(name = "propagate", mixinStandardHelpOptions = true,
        description = "Push a batch of N(0,1) inputs through a dense network per scheme; print each layer's "
                + "activation mean, std, saturated fraction and the mean-field std.")
final class PropagateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--widths", defaultValue = "100,50,50,50,50,50",
            description = "Input width then layer widths (default: ${DEFAULT-VALUE}).")
    String widths;

    @Option(names = "--activation", defaultValue = "tanh", description = "One of: linear, tanh, sigmoid, relu, "
            + "leaky_relu, selu (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--schemes", defaultValue = "small_random,large_random,glorot_uniform,he_normal",
            description = "Comma-separated schemes (default: ${DEFAULT-VALUE}); parameters in parentheses may "
                    + "contain commas, e.g. 'normal(stddev=0.1,mean=0)'.")
    String schemes;

    @Option(names = "--batch", defaultValue = "1000",
            description = "Inputs per pass, at least 2 (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    SeedOption seed;

    @Option(names = "--layout", defaultValue = "pytorch",
            description = "pytorch ([out,in]) or keras ([in,out]) (default: ${DEFAULT-VALUE}).")
    String layout;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        Options.atLeast(spec.commandLine(), "--batch", batch, 2);
        int[] w = parseWidths(widths);
        Activation act = Activation.parse(activation);
        Layout lay = Layout.parse(layout);
        List<Scheme> list = splitSchemes(schemes).stream().map(Scheme::parse).toList();
        PropagationTable table = PropagationTable.of(list, lay, w, act, batch, SeededRandom.of(seed.value()));
        PrintWriter out = spec.commandLine().getOut();
        if (format.value() == OutputFormat.JSON) {
            out.println(json(table));
        } else {
            printText(out, table, w, act, lay);
        }
        return Main.EXIT_OK;
    }

    private void printText(PrintWriter out, PropagationTable table, int[] w, Activation act, Layout lay) {
        out.printf(Locale.ROOT, "propagate: widths %s, activation %s, batch %d, seed %d, layout %s%n",
                Arrays.stream(w).mapToObj(Integer::toString).collect(Collectors.joining(",")), act.id(), batch, seed.value(),
                lay.id());
        out.printf(Locale.ROOT, "%-24s %5s %12s %12s %10s %14s%n", "scheme", "layer", "mean", "std", "saturated",
                "predicted_std");
        for (PropagationRow r : table.rows()) {
            String predicted = r.predictedStd() == null ? "n/a" : String.format(Locale.ROOT, "%.6g", r.predictedStd());
            out.printf(Locale.ROOT, "%-24s %5d %12.4e %12.6g %10.4f %14s%n", r.scheme(), r.layer(), r.mean(), r.std(),
                    r.saturated(), predicted);
        }
        for (Map.Entry<String, Regime> e : table.regimes().entrySet()) {
            out.printf(Locale.ROOT, "%s: %s%n", e.getKey(), e.getValue().id());
        }
    }

    /** The rows as a JSON list, each with its scheme's {@code regime}, as the text prints it. */
    static String json(PropagationTable table) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode rows = mapper.createArrayNode();
        for (PropagationRow r : table.rows()) {
            ObjectNode o = rows.addObject();
            o.put("scheme", r.scheme());
            o.put("activation", r.activation());
            o.put("layer", r.layer());
            o.put("mean", r.mean());
            o.put("std", r.std());
            o.put("saturated", r.saturated());
            o.put("predicted_std", r.predictedStd()); // null where the mean-field theory does not apply
            o.put("regime", table.regime(r.scheme()).id());
        }
        return mapper.writeValueAsString(rows);
    }

    static int[] parseWidths(String text) {
        String[] parts = text.strip().split("\\s*,\\s*");
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--widths '" + text
                        + "' is not a comma-separated list of integers (e.g. 100,50,50)");
            }
            if (w[i] < 1) {
                throw new IllegalArgumentException("--widths: every width must be >= 1, got " + w[i]);
            }
        }
        if (w.length < 2) {
            throw new IllegalArgumentException("--widths needs an input width and at least one layer width, got '"
                    + text + "'");
        }
        return w;
    }

    /** Splits on commas outside parentheses, so 'normal(stddev=0.1,mean=0),he_normal' gives two schemes. */
    static List<String> splitSchemes(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == ',' && depth == 0) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                continue;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            cur.append(c);
        }
        out.add(cur.toString().strip());
        if (out.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--schemes '" + text + "' has an empty entry");
        }
        return out;
    }
}
