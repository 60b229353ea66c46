package dev.initcheck.cli;

import dev.initcheck.scheme.Catalogue;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code initcheck list}: the catalogue, its formulas, and the numbers for a shape. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Print the catalogue: every scheme, its family and its expected law.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", description = "Only this scheme, e.g. 'he_normal' or 'torch.kaiming_uniform(a=0)'.")
    String scheme;

    @Option(names = "--shape", description = "Weight shape, e.g. 256,512 or 64,32,3,3: print the numbers for it.")
    String shape;

    @Option(names = "--layout", defaultValue = "pytorch",
            description = "pytorch ([out,in,*k]) or keras ([*k,in,out]) (default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--fan-in", description = "Override fan_in.")
    Long fanIn;

    @Option(names = "--fan-out", description = "Override fan_out.")
    Long fanOut;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (fanIn != null) {
            Options.atLeast(spec.commandLine(), "--fan-in", fanIn, 1);
        }
        if (fanOut != null) {
            Options.atLeast(spec.commandLine(), "--fan-out", fanOut, 1);
        }
        List<Scheme> schemes = scheme != null ? List.of(Scheme.parse(scheme)) : Catalogue.defaults();
        Layout lay = Layout.parse(layout);
        if (shape == null && fanIn == null && fanOut == null) {
            printFormulas(out, schemes);
            return Main.EXIT_OK;
        }
        Shape s = shape != null ? Shape.parse(shape) : Shape.of(fanOut != null ? fanOut : 1, fanIn != null ? fanIn : 1);
        Fans fans = Fans.of(s, lay).withOverrides(fanIn, fanOut);
        out.printf(Locale.ROOT, "shape %s, layout %s: fan_in=%d fan_out=%d receptive_field=%d%n",
                s, lay.id(), fans.fanIn(), fans.fanOut(), fans.receptiveField());
        out.printf(Locale.ROOT, "%-28s %-17s %-13s %-13s %s%n", "scheme", "family", "variance", "bound", "law");
        for (Scheme sc : schemes) {
            Expectation e = sc.resolve(s, lay, fans);
            var d = e.distribution();
            String bound = d.isBounded() ? String.format(Locale.ROOT, "%.6g", Math.max(-d.lowerBound(), d.upperBound())) : "none";
            out.printf(Locale.ROOT, "%-28s %-17s %-13.6g %-13s %s%n", sc, d.family().id(), d.variance(), bound,
                    d.describe());
        }
        return Main.EXIT_OK;
    }

    private static void printFormulas(PrintWriter out, List<Scheme> schemes) {
        out.printf(Locale.ROOT, "%-22s %-11s %s%n", "scheme", "origin", "law (fan_in, fan_out from shape and layout)");
        for (Scheme sc : schemes) {
            out.printf(Locale.ROOT, "%-22s %-11s %s%n", sc.name(), sc.origin(), sc.formula());
            if (!sc.usage().equals(sc.name())) {
                out.printf(Locale.ROOT, "%-22s %-11s   usage: %s%n", "", "", sc.usage());
            }
        }
    }
}
