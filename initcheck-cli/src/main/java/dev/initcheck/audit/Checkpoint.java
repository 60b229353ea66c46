package dev.initcheck.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.io.SkippedTensor;
import dev.initcheck.io.TensorFiles;
import dev.initcheck.io.TensorFormatException;
import dev.initcheck.io.TensorInfo;
import dev.initcheck.io.TensorListing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tensors of a model checkpoint, read from a file or a model directory, without reading their values.
 *
 * <p>A directory is resolved as Hugging Face's {@code from_pretrained} does, first found wins:
 * {@code model.safetensors}, {@code model.safetensors.index.json} (its {@code weight_map} names the shard of every
 * tensor), {@code pytorch_model.bin}, {@code pytorch_model.bin.index.json}; otherwise the one
 * tensor file it holds. {@code config.json} beside the checkpoint (in the directory, or beside the file) is read
 * when present. An index must agree with its shards: a tensor it names must be in that shard and a shard's tensor
 * must be in the index; shard names must stay inside the directory. A name found in two files is refused.
 *
 * @param path       what the user gave
 * @param tensors    the float tensors, in file order (shards in index order)
 * @param skipped    tensors that are listed but not read (integer buffers, empty tensors)
 * @param aliases    tensor name → the earlier tensor whose storage it shares in the file (PyTorch files: tied
 *                   weights saved once), empty for other formats
 * @param config     the parsed {@code config.json}, or null
 * @param configFile where it was read from, or null
 */
public record Checkpoint(Path path, List<Item> tensors, List<Skipped> skipped, Map<String, String> aliases,
                         JsonNode config, Path configFile) {
    /** Index files above this size are refused (a large model's index is a few hundred kilobytes). */
    static final long MAX_INDEX_BYTES = 64L << 20;
    private static final List<String> EXTENSIONS = List.of(".safetensors", ".bin", ".pt", ".pth", ".npz", ".npy");

    public Checkpoint {
        tensors = List.copyOf(tensors);
        skipped = List.copyOf(skipped);
        aliases = Map.copyOf(aliases);
    }

    /** A float tensor and the file that holds it. */
    public record Item(Path file, TensorInfo info) {
        public String name() {
            return info.name();
        }
    }

    /** A tensor that is listed but not read. */
    public record Skipped(Path file, SkippedTensor tensor) {
    }

    /**
     * Lists a checkpoint.
     *
     * @param path a tensor file or a model directory
     * @throws TensorFormatException for an unreadable or malformed file
     * @throws IllegalArgumentException for a directory without a checkpoint, an inconsistent index or config
     */
    public static Checkpoint open(Path path) throws TensorFormatException {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(path + ": no such file or directory");
        }
        List<Path> files;
        Path dir;
        Map<String, Path> index = null;
        Path indexFile = null;
        if (Files.isDirectory(path)) {
            dir = path;
            Path found = firstExisting(dir, "model.safetensors", "model.safetensors.index.json",
                    "pytorch_model.bin", "pytorch_model.bin.index.json");
            if (found == null) {
                files = List.of(single(dir));
            } else if (found.getFileName().toString().endsWith(".index.json")) {
                indexFile = found;
                index = readIndex(indexFile, dir);
                files = List.copyOf(new LinkedHashSet<>(index.values()));
            } else {
                files = List.of(found);
            }
        } else {
            dir = path.toAbsolutePath().getParent();
            files = List.of(path);
        }
        List<Item> tensors = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path f : files) {
            TensorListing listing = TensorFiles.listing(f);
            for (TensorInfo t : listing.tensors()) {
                claim(seen, t.name(), f, index, indexFile);
                tensors.add(new Item(f, t));
            }
            for (SkippedTensor s : listing.skipped()) {
                claim(seen, s.name(), f, index, indexFile);
                skipped.add(new Skipped(f, s));
            }
            aliases.putAll(listing.aliases());
        }
        if (index != null) {
            for (Map.Entry<String, Path> e : index.entrySet()) {
                if (!seen.containsKey(e.getKey())) {
                    throw new IllegalArgumentException(indexFile + ": names tensor '" + e.getKey() + "' in "
                            + e.getValue().getFileName() + ", which does not hold it");
                }
            }
        }
        Path configFile = dir == null ? null : dir.resolve("config.json");
        JsonNode config = null;
        if (configFile != null && Files.isRegularFile(configFile)) {
            config = readJson(configFile, "config");
        } else {
            configFile = null;
        }
        return new Checkpoint(path, tensors, skipped, aliases, config, configFile);
    }

    private static void claim(Map<String, Path> seen, String name, Path file, Map<String, Path> index,
                              Path indexFile) {
        Path before = seen.put(name, file);
        if (before != null) {
            throw new IllegalArgumentException(file + ": tensor '" + name + "' is also in " + before);
        }
        if (index != null && !file.equals(index.get(name))) {
            throw new IllegalArgumentException(indexFile + ": " + file.getFileName() + " holds tensor '" + name
                    + "', which the index " + (index.containsKey(name) ? "puts in " + index.get(name).getFileName()
                    : "does not list"));
        }
    }

    private static Path firstExisting(Path dir, String... names) {
        for (String n : names) {
            if (Files.isRegularFile(dir.resolve(n))) {
                return dir.resolve(n);
            }
        }
        return null;
    }

    private static Path single(Path dir) {
        List<Path> found = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(Files::isRegularFile).filter(p -> EXTENSIONS.stream().anyMatch(
                    e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e))).sorted()
                    .forEach(found::add);
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot list the directory: " + e.getMessage());
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        throw new IllegalArgumentException(dir + ": " + (found.isEmpty() ? "no checkpoint" : found.size()
                + " tensor files and no index") + " (expected model.safetensors[.index.json] or "
                + "pytorch_model.bin[.index.json], or a single .safetensors/.bin/.pt/.pth/.npz/.npy file)");
    }

    /** weight_map of an index: tensor name → shard path, shards inside the directory. */
    private static Map<String, Path> readIndex(Path indexFile, Path dir) {
        JsonNode root = readJson(indexFile, "index");
        JsonNode map = root.get("weight_map");
        if (map == null || !map.isObject() || map.isEmpty()) {
            throw new IllegalArgumentException(indexFile + ": no 'weight_map' object naming each tensor's shard");
        }
        Map<String, Path> out = new LinkedHashMap<>();
        Set<Path> checked = new LinkedHashSet<>();
        Path base = dir.toAbsolutePath().normalize();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException(indexFile + ": weight_map['" + e.getKey()
                        + "'] must be a file name");
            }
            Path shard = dir.resolve(e.getValue().asText()).normalize(); // "x" and "./x" are one shard
            if (!shard.toAbsolutePath().normalize().startsWith(base) || e.getValue().asText().isEmpty()) {
                throw new IllegalArgumentException(indexFile + ": shard '" + e.getValue().asText()
                        + "' is outside the model directory");
            }
            if (checked.add(shard) && !Files.isRegularFile(shard)) {
                throw new IllegalArgumentException(indexFile + ": shard '" + e.getValue().asText()
                        + "' (of tensor '" + e.getKey() + "') does not exist");
            }
            out.put(e.getKey(), shard);
        }
        return out;
    }

    private static JsonNode readJson(Path file, String what) {
        try {
            if (Files.size(file) > MAX_INDEX_BYTES) {
                throw new IllegalArgumentException(file + ": a " + what + " file larger than 64 MiB is refused");
            }
            JsonNode n;
            try (InputStream in = Files.newInputStream(file)) { // any file system: local, or Hadoop's through Spark
                n = new ObjectMapper().readTree(in);
            }
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException(file + ": the " + what + " must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a valid JSON " + what + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
