package course.grader.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The grader's only way to list, copy and delete files. A symbolic link is never followed: it is
 * not listed, not copied through, and deleted as a link. (A submission is untrusted input: a link
 * could point at the teacher's solutions or at another student's folder.)
 */
public final class FileTree {

    private FileTree() {
    }

    /** Every regular file below {@code dir}, sorted; empty when {@code dir} is not a folder. */
    public static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    /** The symbolic links below {@code dir} (never followed), relative, sorted. */
    public static List<String> links(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isSymbolicLink).map(link -> relative(dir, link)).sorted().toList();
        }
    }

    /** {@code file} relative to {@code base}, with '/' separators on every platform. */
    public static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    /** Is {@code file} really inside {@code root}, with no symbolic link on the way out of it? */
    public static boolean isInside(Path file, Path root) throws IOException {
        return file.toRealPath().startsWith(root.toRealPath());
    }

    /** Copies one file (creating its folder), replacing what is there and keeping its time and mode. */
    public static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                LinkOption.NOFOLLOW_LINKS);
    }

    /** Copies the files below {@code from} whose relative path {@code keep} accepts, to the same paths below {@code to}. */
    public static void copyTree(Path from, Path to, Predicate<String> keep) throws IOException {
        for (Path file : files(from)) {
            String relative = relative(from, file);
            if (keep.test(relative)) {
                copy(file, to.resolve(relative));
            }
        }
    }

    /** Deletes {@code path} and everything below it; a link is deleted, never what it points at. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Fails unless {@code dir} does not exist or is empty. */
    public static boolean isNewOrEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.findAny().isEmpty();
        }
    }

    /** A NUL byte in the first 8000 bytes: not text. */
    public static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Adds the execute bits (a no-op where the file system has none, as on Windows). */
    public static void makeExecutable(Path file) {
        try {
            Set<PosixFilePermission> permissions = new LinkedHashSet<>(Files.getPosixFilePermissions(file));
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the .cmd launchers are used there
        }
    }
}
