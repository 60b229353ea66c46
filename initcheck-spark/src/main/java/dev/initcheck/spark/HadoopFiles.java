package dev.initcheck.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * A read-only {@link FileSystem} over one Hadoop file system ({@code hdfs://namenode}, {@code s3a://bucket}, ...),
 * so that the driver lists a checkpoint, and executor tasks read the tensors they examine whole, with the local
 * audit's own code ({@code Checkpoint.open}, the tensor readers) through Hadoop's
 * {@link org.apache.hadoop.fs.FileSystem}: positional reads of exactly the bytes that code asks for (on the driver the
 * index, {@code config.json} and each shard's 8-byte header length and header; in a task, a header and the values of
 * its tensors), never a whole shard; each header is fetched once per view ({@link HeaderCache}).
 *
 * <p>Only {@code .safetensors} and {@code .json} files are opened: a PyTorch zip ({@code .bin}, {@code .pt}), an
 * {@code .npz} or {@code .npy} checkpoint is refused by name (the distributed audit reads those from local paths only).
 */
final class HadoopFiles extends FileSystem {
    /** Extensions of the files read through Hadoop. */
    static final List<String> READABLE = List.of(".safetensors", ".json");

    private final HadoopProvider provider;
    private final org.apache.hadoop.fs.FileSystem hadoop;
    private final String scheme;
    private final String authority;
    private final HeaderCache headers = new HeaderCache();

    private HadoopFiles(org.apache.hadoop.fs.FileSystem hadoop, String scheme, String authority) {
        this.hadoop = hadoop;
        this.scheme = scheme;
        this.authority = authority;
        this.provider = new HadoopProvider(this);
    }

    /**
     * The path a user gave: a local path as is ({@code file:} URIs included), any other URI ({@code hdfs://nn/m},
     * {@code s3a://bucket/m}) on Hadoop's file system for its scheme, configured by {@code conf}.
     *
     * @throws IOException when Hadoop has no file system for the scheme or cannot reach it
     */
    static Path resolve(String given, Configuration conf) throws IOException {
        URI uri;
        try {
            uri = new URI(given);
        } catch (java.net.URISyntaxException e) {
            if (given.matches("[A-Za-z][A-Za-z0-9+.-]+://.*")) {
                throw new IllegalArgumentException(given + ": not a valid URI (" + e.getReason()
                        + "; spaces and other reserved characters are written %XX)");
            }
            return Path.of(given);
        }
        String s = uri.getScheme();
        if (s == null || s.length() < 2) { // no scheme, or a drive letter
            return Path.of(given);
        }
        if (s.equalsIgnoreCase("file")) {
            return Path.of(uri);
        }
        if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
            throw new IllegalArgumentException(given + ": expected scheme://authority/path");
        }
        String auth = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        org.apache.hadoop.fs.FileSystem fs;
        try {
            fs = org.apache.hadoop.fs.FileSystem.get(uri, conf);
        } catch (IOException e) {
            throw new IOException(given + ": " + e.getMessage(), e);
        }
        return HadoopPath.parse(new HadoopFiles(fs, s.toLowerCase(Locale.ROOT), auth), uri.getPath());
    }

    org.apache.hadoop.fs.FileSystem hadoop() {
        return hadoop;
    }

    /** The Hadoop path of {@code p}. */
    org.apache.hadoop.fs.Path hadoopPath(Path p) {
        return new org.apache.hadoop.fs.Path(p.toAbsolutePath().toUri());
    }

    /** The safetensors headers read so far. */
    HeaderCache headers() {
        return headers;
    }

    String scheme() {
        return scheme;
    }

    /** The URI's authority, "" when it has none ({@code scheme:///path}). */
    String authority() {
        return authority;
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // Hadoop's file systems are cached and shared by the JVM; the Spark context closes them.
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(HadoopPath.parse(this, "/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    @Override
    public Path getPath(String first, String... more) {
        return HadoopPath.parse(this, more.length == 0 ? first : first + "/" + String.join("/", more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        throw new UnsupportedOperationException("path matchers on " + scheme);
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("user principals on " + scheme);
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("watching " + scheme);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HadoopFiles f && f.scheme.equals(scheme) && f.authority.equals(authority)
                && f.hadoop == hadoop;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, authority);
    }
}
