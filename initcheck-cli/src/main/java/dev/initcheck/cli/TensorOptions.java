package dev.initcheck.cli;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.io.SkippedTensor;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorListing;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options shared by commands that read tensors: their layout and fans, and the shape of CSV data. Which tensor to
 * read ({@code --tensor}) is each command's own option, since check and identify treat a file of several tensors
 * differently.
 */
final class TensorOptions {
    /** The option names of this mixin, e.g. to refuse them where they do not apply. */
    static final List<String> NAMES = List.of("--layout", "--fan-in", "--fan-out", "--shape");

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    String layout;

    Long fanIn;

    Long fanOut;

    @Option(names = "--shape", description = "Shape of CSV data, e.g. 256,512 (default: as the rows and columns).")
    String csvShape;

    @Option(names = "--layout", defaultValue = "pytorch", paramLabel = "L",
            description = "pytorch ([out,in,*k]) or keras ([*k,in,out]) (default: ${DEFAULT-VALUE}).")
    void layout(String l) {
        try {
            Layout.parse(l);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(mixee.commandLine(), "--layout must be pytorch or keras, "
                    + "got '" + l + "'");
        }
        layout = l;
    }

    @Option(names = "--fan-in", paramLabel = "N", description = "Override fan_in (e.g. transposed convolutions).")
    void fanIn(long n) {
        fanIn = Options.atLeast(mixee.commandLine(), "--fan-in", n, 1);
    }

    @Option(names = "--fan-out", paramLabel = "N", description = "Override fan_out.")
    void fanOut(long n) {
        fanOut = Options.atLeast(mixee.commandLine(), "--fan-out", n, 1);
    }

    Layout layout() {
        return Layout.parse(layout);
    }

    /** These options as the plain record the application layer takes. */
    TensorCheck.TensorSpec spec() {
        return new TensorCheck.TensorSpec(layout(), fanIn, fanOut, csvShape());
    }

    long[] csvShape() {
        return csvShape == null ? null : Shape.parse(csvShape).dims();
    }

    /** The tensors to check, and the tensors of the file that cannot be. */
    record Selection(List<TensorCheck.Target> targets, List<SkippedTensor> skipped) {
    }

    /**
     * The named tensor, or every float tensor of the file (the others listed as skipped).
     *
     * @throws IllegalArgumentException when the file holds no tensor that can be checked, naming the file and
     *     listing what it skipped
     */
    static Selection select(Path file, String tensor) throws TensorFormatException {
        if (tensor != null) {
            return new Selection(List.of(new TensorCheck.Target(file, tensor)), List.of());
        }
        if (isCsv(file)) { // one tensor, named after the file; parsed once, when it is checked
            return new Selection(List.of(new TensorCheck.Target(file, TensorFiles.defaultName(file))), List.of());
        }
        TensorListing listing = TensorFiles.listing(file);
        List<TensorCheck.Target> out = new ArrayList<>();
        for (TensorInfo info : listing.tensors()) {
            out.add(new TensorCheck.Target(file, info.name()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no tensor to check" + (listing.skipped().isEmpty()
                    ? ": the file holds no tensors" : "; skipped " + describe(listing.skipped())));
        }
        return new Selection(out, listing.skipped());
    }

    /** "'step' (I64: not a float16/bfloat16/float32/float64 tensor), ..." */
    static String describe(List<SkippedTensor> skipped) {
        List<String> parts = new ArrayList<>();
        for (SkippedTensor s : skipped.subList(0, Math.min(skipped.size(), 10))) {
            parts.add(String.format(Locale.ROOT, "'%s' (%s: %s)", s.name(), s.dtype(), s.reason()));
        }
        return String.join(", ", parts) + (skipped.size() > 10 ? " and " + (skipped.size() - 10) + " more" : "");
    }

    private static boolean isCsv(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".txt");
    }
}
