package dev.initcheck.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reader for {@code .npz} archives as written by NumPy's {@code savez} and {@code savez_compressed}:
 * a zip archive whose entries are {@code .npy} files, stored or deflated. An entry
 * {@code fc1.weight.npy} holds the tensor {@code fc1.weight}; entries not ending in {@code .npy}
 * are ignored; entries of other element types (e.g. PyTorch's int64 {@code bn.num_batches_tracked}) and empty
 * entries are listed as skipped by {@link #listing} and refused by name in {@link #open}. Entries
 * are streamed, never loaded whole, and sizes declared by the archive or the
 * headers are trusted only as far as the stream confirms them (see {@link NpzEntrySource}).
 */
final class NpzFormat {
    private static final String SUFFIX = ".npy";

    private NpzFormat() {
    }

    /** The float tensors with elements, and the other entries as skipped (name, NumPy dtype, reason). */
    static TensorListing listing(Where where, Path file) throws TensorFormatException, IOException {
        try (ZipFile zip = openZip(where, file)) {
            List<TensorInfo> infos = new ArrayList<>();
            List<SkippedTensor> skipped = new ArrayList<>();
            for (ZipEntry entry : npyEntries(where, zip)) {
                String name = tensorName(entry);
                Where tensorWhere = where.tensor(name);
                NpyHeader.Raw raw = readRaw(tensorWhere, zip, entry);
                String other = raw.otherDtype();
                if (other != null) {
                    skipped.add(new SkippedTensor(name, other, SkippedTensor.NOT_FLOAT));
                    continue;
                }
                NpyHeader header = raw.header(tensorWhere);
                header.dataBytes(tensorWhere);
                TensorInfo info = header.info(name);
                if (info.size() == 0) {
                    skipped.add(new SkippedTensor(name, info.dtype().longName(), SkippedTensor.EMPTY));
                } else {
                    infos.add(info);
                }
            }
            return new TensorListing(infos, skipped);
        }
    }

    static TensorSource open(Where where, Path file, String name) throws TensorFormatException, IOException {
        ZipFile zip = openZip(where, file);
        try {
            List<ZipEntry> entries = npyEntries(where, zip);
            List<String> names = entries.stream().map(NpzFormat::tensorName).toList();
            int index = where.choose(names, name);
            Where tensorWhere = where.tensor(names.get(index));
            NpyHeader header = readHeader(tensorWhere, zip, entries.get(index));
            TensorInfo info = header.info(names.get(index));
            Shapes.requireNonEmpty(tensorWhere, info);
            return new NpzEntrySource(info, tensorWhere, zip, entries.get(index), header);
        } catch (Throwable t) {
            zip.close();
            throw t;
        }
    }

    private static ZipFile openZip(Where where, Path file) throws TensorFormatException, IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (java.util.zip.ZipException e) {
            throw where.wrap("not a readable .npz (zip) archive", e);
        }
    }

    private static List<ZipEntry> npyEntries(Where where, ZipFile zip) throws TensorFormatException {
        List<ZipEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (entry.isDirectory() || !entry.getName().endsWith(SUFFIX)) {
                continue;
            }
            if (!seen.add(entry.getName())) {
                throw where.fail("archive holds two entries named %s", Where.quote(entry.getName()));
            }
            entries.add(entry);
        }
        return entries;
    }

    private static String tensorName(ZipEntry entry) {
        String name = entry.getName();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private static NpyHeader readHeader(Where where, ZipFile zip, ZipEntry entry) throws TensorFormatException {
        NpyHeader header = readRaw(where, zip, entry).header(where);
        header.dataBytes(where);
        return header;
    }

    private static NpyHeader.Raw readRaw(Where where, ZipFile zip, ZipEntry entry) throws TensorFormatException {
        try (InputStream in = zip.getInputStream(entry)) {
            return NpyHeader.readRaw(where, in, Long.MAX_VALUE);
        } catch (IOException | RuntimeException e) {
            throw where.wrap("cannot read the archive entry", e);
        }
    }
}
