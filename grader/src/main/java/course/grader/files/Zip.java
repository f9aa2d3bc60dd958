package course.grader.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zip files in and out. Unpacking is guarded: a zip is untrusted input (a student's upload). */
public final class Zip {

    public static final long MAX_UNZIPPED_BYTES = 500L * 1024 * 1024;
    public static final int MAX_ENTRIES = 50_000;

    private Zip() {
    }

    /**
     * Unpacks {@code zip} into {@code target} (emptied first): no entry may land outside it, and the
     * entries and their total size are bounded. Entry times are kept.
     */
    public static void unzip(Path zip, Path target) throws IOException {
        FileTree.deleteRecursively(target);
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        long total = 0;
        int count = 0;
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (++count > MAX_ENTRIES) {
                    throw new IOException(zip.getFileName() + " has more than " + MAX_ENTRIES + " entries");
                }
                Path to = root.resolve(entry.getName()).normalize();
                if (!to.startsWith(root) || to.equals(root)) {
                    throw new IOException(zip.getFileName() + " has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                    continue;
                }
                Files.createDirectories(to.getParent());
                total += copyBounded(in, to, MAX_UNZIPPED_BYTES - total, zip);
                if (entry.getLastModifiedTime() != null) {
                    Files.setLastModifiedTime(to, entry.getLastModifiedTime());
                }
            }
        }
        if (count == 0) {
            throw new IOException(zip.getFileName() + " is empty or not a zip file");
        }
    }

    private static long copyBounded(InputStream in, Path to, long allowed, Path zip) throws IOException {
        long written = 0;
        try (OutputStream out = Files.newOutputStream(to)) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                written += n;
                if (written > allowed) {
                    throw new IOException(zip.getFileName() + " unpacks to more than " + MAX_UNZIPPED_BYTES / 1024 / 1024 + " MB");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    /** Packs every file below {@code dir} (but {@code zip} itself) into {@code zip}, keeping their times. */
    public static void zip(Path dir, Path zip) throws IOException {
        Path zipPath = zip.toAbsolutePath().normalize();
        try (OutputStream raw = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(raw)) {
            for (Path file : FileTree.files(dir)) {
                if (file.toAbsolutePath().normalize().equals(zipPath)) {
                    continue;
                }
                ZipEntry entry = new ZipEntry(FileTree.relative(dir, file));
                entry.setLastModifiedTime(Files.getLastModifiedTime(file));
                out.putNextEntry(entry);
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }
}
