package dev.initcheck.cli;

import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by commands that read tensors: which tensor, its layout and fans, CSV shape. */
final class TensorOptions {
    @Option(names = "--tensor", description = "Tensor name in a .npz/.safetensors file (default: every tensor).")
    String tensor;

    @Option(names = "--layout", defaultValue = "pytorch", description = "pytorch ([out,in,*k]) or keras ([*k,in,out]).")
    String layout;

    @Option(names = "--fan-in", description = "Override fan_in (e.g. transposed convolutions).")
    Long fanIn;

    @Option(names = "--fan-out", description = "Override fan_out.")
    Long fanOut;

    @Option(names = "--shape", description = "Shape of CSV data, e.g. 256,512.")
    String csvShape;

    Layout layout() {
        return Layout.parse(layout);
    }

    long[] csvShape() {
        return csvShape == null ? null : Shape.parse(csvShape).dims();
    }

    /** The tensors to check: the named one, or every tensor of the file. */
    List<TensorCheck.Target> targets(Path file) throws TensorFormatException {
        if (tensor != null || isCsv(file)) {
            return List.of(new TensorCheck.Target(file, tensor));
        }
        List<TensorCheck.Target> out = new ArrayList<>();
        for (TensorInfo info : TensorFiles.list(file)) {
            out.add(new TensorCheck.Target(file, info.name()));
        }
        return out;
    }

    private static boolean isCsv(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".txt");
    }
}
