package dev.initcheck.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;

/** The read-only operations of {@link HadoopFiles}: attributes, listing, and positional reads. */
final class HadoopProvider extends FileSystemProvider {
    private final HadoopFiles files;

    HadoopProvider(HadoopFiles files) {
        this.files = files;
    }

    @Override
    public String getScheme() {
        return files.scheme();
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("newFileSystem");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("getFileSystem");
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException("getPath");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                              FileAttribute<?>... attrs) throws IOException {
        return newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        for (OpenOption o : options) {
            if (o != StandardOpenOption.READ) {
                throw new ReadOnlyFileSystemException();
            }
        }
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        if (HadoopFiles.READABLE.stream().noneMatch(name::endsWith)) {
            throw new FileSystemException(path.toString(), null, "only .safetensors checkpoints are read through "
                    + "Hadoop; audit PyTorch (.bin, .pt, .pth), .npz and .npy checkpoints from a local path");
        }
        FileStatus status = status(path);
        if (status.isDirectory()) {
            throw new FileSystemException(path.toString(), null, "is a directory");
        }
        return new HadoopChannel(files.hadoop().open(files.hadoopPath(path)), status.getLen(), path.toString(),
                name.endsWith(".safetensors") ? files.headers() : null);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        List<Path> out = new ArrayList<>();
        for (FileStatus s : files.hadoop().listStatus(files.hadoopPath(dir))) {
            Path p = dir.resolve(s.getPath().getName());
            if (filter.accept(p)) {
                out.add(p);
            }
        }
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                return out.iterator();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void delete(Path path) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
        return path.toAbsolutePath().normalize().equals(path2.toAbsolutePath().normalize());
    }

    @Override
    public boolean isHidden(Path path) {
        return false;
    }

    @Override
    public FileStore getFileStore(Path path) {
        throw new UnsupportedOperationException("file stores on " + files.scheme());
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        status(path);
        for (AccessMode m : modes) {
            if (m != AccessMode.READ) {
                throw new FileSystemException(path.toString(), null, "read-only");
            }
        }
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (!type.isAssignableFrom(BasicFileAttributes.class)) {
            throw new UnsupportedOperationException(type.getSimpleName() + " on " + files.scheme());
        }
        FileStatus s = status(path);
        return (A) new BasicFileAttributes() {
            @Override
            public FileTime lastModifiedTime() {
                return FileTime.fromMillis(s.getModificationTime());
            }

            @Override
            public FileTime lastAccessTime() {
                return FileTime.fromMillis(s.getAccessTime());
            }

            @Override
            public FileTime creationTime() {
                return lastModifiedTime();
            }

            @Override
            public boolean isRegularFile() {
                return s.isFile();
            }

            @Override
            public boolean isDirectory() {
                return s.isDirectory();
            }

            @Override
            public boolean isSymbolicLink() {
                return false;
            }

            @Override
            public boolean isOther() {
                return !s.isFile() && !s.isDirectory();
            }

            @Override
            public long size() {
                return s.getLen();
            }

            @Override
            public Object fileKey() {
                return null;
            }
        };
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) {
        throw new UnsupportedOperationException("attributes by name on " + files.scheme());
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    private FileStatus status(Path path) throws IOException {
        try {
            return files.hadoop().getFileStatus(files.hadoopPath(path));
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(path.toString());
        }
    }
}
