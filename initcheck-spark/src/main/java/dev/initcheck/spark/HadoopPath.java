package dev.initcheck.spark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path of a {@link HadoopFiles} file system: slash-separated names under the file system's
 * {@code scheme://authority}. An absolute path prints as its URI ({@code hdfs://nn/models/gpt/model.safetensors}), so
 * messages and the audit's JSON name the file as the user gave it; a relative one (a file name) prints as itself.
 */
final class HadoopPath implements Path {
    private final HadoopFiles fs;
    private final boolean absolute;
    private final List<String> names;

    HadoopPath(HadoopFiles fs, boolean absolute, List<String> names) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = List.copyOf(names);
    }

    /** Parses a slash-separated path: empty names (repeated or trailing slashes) are dropped. */
    static HadoopPath parse(HadoopFiles fs, String path) {
        List<String> names = new ArrayList<>(Arrays.asList(path.split("/")));
        names.removeIf(String::isEmpty);
        return new HadoopPath(fs, path.startsWith("/"), names);
    }

    /** The path part of the URI ("/a/b"), or the relative path ("a/b"). */
    String pathString() {
        return (absolute ? "/" : "") + String.join("/", names);
    }

    @Override
    public HadoopFiles getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public Path getRoot() {
        return absolute ? new HadoopPath(fs, true, List.of()) : null;
    }

    @Override
    public Path getFileName() {
        return names.isEmpty() ? null : new HadoopPath(fs, false, List.of(names.get(names.size() - 1)));
    }

    @Override
    public Path getParent() {
        if (names.isEmpty() || (!absolute && names.size() == 1)) {
            return null;
        }
        return new HadoopPath(fs, absolute, names.subList(0, names.size() - 1));
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public Path getName(int index) {
        return new HadoopPath(fs, false, List.of(names.get(index)));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return new HadoopPath(fs, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        return other instanceof HadoopPath o && o.fs.equals(fs) && o.absolute == absolute
                && o.names.size() <= names.size() && names.subList(0, o.names.size()).equals(o.names);
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof HadoopPath o) || !o.fs.equals(fs) || o.names.size() > names.size()
                || (o.absolute && !(absolute && o.names.size() == names.size()))) {
            return false;
        }
        return names.subList(names.size() - o.names.size(), names.size()).equals(o.names);
    }

    @Override
    public Path normalize() {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n.equals(".")) {
                continue;
            }
            if (n.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(n.equals("..") && absolute)) { // "/.." is "/"
                out.add(n);
            }
        }
        return new HadoopPath(fs, absolute, out);
    }

    @Override
    public Path resolve(Path other) {
        HadoopPath o = mine(other);
        if (o.absolute) {
            return o;
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(o.names);
        return new HadoopPath(fs, absolute, all);
    }

    @Override
    public Path relativize(Path other) {
        throw new UnsupportedOperationException("relativize");
    }

    @Override
    public URI toUri() {
        try {
            return new URI(fs.scheme(), fs.authority(), ((HadoopPath) toAbsolutePath()).pathString(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public Path toAbsolutePath() {
        return absolute ? this : new HadoopPath(fs, true, names);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return toAbsolutePath().normalize();
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("watching a Hadoop path");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HadoopPath p && p.fs.equals(fs) && p.absolute == absolute && p.names.equals(names);
    }

    @Override
    public int hashCode() {
        return fs.hashCode() * 31 + names.hashCode() * 2 + (absolute ? 1 : 0);
    }

    /** The URI for an absolute path, as the user writes it; the names for a relative one. */
    @Override
    public String toString() {
        return absolute ? toUri().toString() : pathString();
    }

    private HadoopPath mine(Path other) {
        if (other instanceof HadoopPath o && o.fs.equals(fs)) {
            return o;
        }
        throw new ProviderMismatchException(other + " is not on " + fs.scheme() + "://" + fs.authority());
    }
}
