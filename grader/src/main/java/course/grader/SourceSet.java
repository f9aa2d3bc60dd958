package course.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files by their path relative to a source root, built by laying roots over each other: a file in
 * a later root replaces the file at the same relative path from an earlier one. That is how a
 * module is graded with its stubs, with the reference solution, or with a known-wrong fixture.
 */
final class SourceSet {

    private final Map<String, Path> files = new TreeMap<>();

    /** Adds every file below {@code root} whose relative path starts with {@code prefix} ("" for all). */
    SourceSet overlay(Path root, String prefix) {
        if (!Files.isDirectory(root)) {
            return this;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith(prefix)) {
                    files.put(relative, file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return this;
    }

    List<Path> javaFiles() {
        return files.entrySet().stream().filter(e -> e.getKey().endsWith(".java")).map(Map.Entry::getValue).toList();
    }

    /** Copies the non-Java files (resources) into {@code target}, keeping their relative paths. */
    void copyResourcesTo(Path target) throws IOException {
        for (var entry : files.entrySet()) {
            if (!entry.getKey().endsWith(".java")) {
                Path destination = target.resolve(entry.getKey());
                Files.createDirectories(destination.getParent());
                Files.copy(entry.getValue(), destination, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    boolean isEmpty() {
        return files.isEmpty();
    }
}
