package dev.initcheck.cli;

import dev.initcheck.app.TensorCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validated line of a manifest: {@code {"file", "tensor"?, "scheme", "layout", "fan_in"?, "fan_out"?}}.
 * {@code file} is relative to the manifest's folder; {@code tensor} may be left out for a file that holds one
 * tensor (.npy, .csv). Unknown keys are rejected, so a misspelt {@code fanin} cannot be silently ignored.
 */
record ManifestEntry(int index, String fileAsWritten, TensorCheck.Target target, Scheme scheme,
                     TensorCheck.TensorSpec options, Expectation expectation) {

    private static final Set<String> KEYS = Set.of("file", "tensor", "scheme", "layout", "fan_in", "fan_out");

    /** "entry 3 (a.npy [fc.weight])". */
    String label() {
        return "entry " + index + " (" + fileAsWritten + (target.tensor() == null ? "" : " [" + target.tensor() + "]")
                + ")";
    }

    /**
     * Reads and validates every entry before anything is checked.
     *
     * @throws IllegalArgumentException one line naming the manifest, the entry and the problem
     */
    static List<ManifestEntry> read(Path manifest) {
        String where = "manifest " + manifest;
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(manifest));
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot read it: " + Errors.oneLine(e));
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException(where + ": expected a non-empty JSON list of "
                    + "{file, tensor, scheme, layout, fan_in?, fan_out?} objects");
        }
        Path dir = manifest.toAbsolutePath().getParent();
        List<ManifestEntry> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < root.size(); i++) {
            ManifestEntry e = entry(where, i + 1, root.get(i), dir);
            String key = e.target().file().normalize() + "\u0000" + e.target().tensor();
            Integer first = seen.putIfAbsent(key, e.index());
            if (first != null) {
                throw new IllegalArgumentException(where + ": " + e.label() + " declares the same tensor as entry "
                        + first);
            }
            out.add(e);
        }
        return out;
    }

    private static ManifestEntry entry(String where, int index, JsonNode node, Path dir) {
        String at = where + ": entry " + index;
        if (!node.isObject()) {
            throw new IllegalArgumentException(at + ": expected an object, got " + node.getNodeType());
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException(at + ": unknown field '" + k
                        + "' (valid: file, tensor, scheme, layout, fan_in, fan_out)");
            }
        }
        String file = text(node, "file", at, true);
        String tensor = text(node, "tensor", at, false);
        at = at + " (" + file + (tensor == null ? "" : " [" + tensor + "]") + ")";
        String layout = text(node, "layout", at, true);
        Long fanIn = fan(node, "fan_in", at);
        Long fanOut = fan(node, "fan_out", at);
        try {
            Scheme scheme = Scheme.parse(text(node, "scheme", at, true));
            TensorCheck.TensorSpec o = new TensorCheck.TensorSpec(Layout.parse(layout), fanIn, fanOut, null);
            TensorCheck.Target t = new TensorCheck.Target(dir.resolve(file), tensor);
            TensorInfo info = info(t);
            t = new TensorCheck.Target(t.file(), info.name()); // a one-tensor file's own name (.npy: its stem)
            return new ManifestEntry(index, file, t, scheme, o, TensorCheck.expectation(t, info, scheme, o));
        } catch (TensorFormatException | RuntimeException e) {
            throw new IllegalArgumentException(at + ": " + Errors.oneLine(e), e);
        }
    }

    /** The tensor's name, shape and dtype; fails when the file or the tensor is missing. */
    private static TensorInfo info(TensorCheck.Target t) throws TensorFormatException {
        try (var src = TensorFiles.open(t.file(), t.tensor())) {
            return src.info();
        }
    }

    private static String text(JsonNode node, String key, String at, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(at + ": missing field '" + key + "'");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(at + ": field '" + key + "' must be a non-empty string, got " + v);
        }
        return v.asText();
    }

    private static Long fan(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 1) {
            throw new IllegalArgumentException(at + ": field '" + key + "' must be a positive integer, got " + v);
        }
        return v.asLong();
    }
}
