package course.grader.grading;

import course.grader.files.FileTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Files by their path relative to a source root, built by laying roots over each other: a file in
 * a later root replaces the file at the same relative path from an earlier one. That is how a
 * module is graded with its stubs, with the reference solution, or with a known-wrong fixture.
 */
final class SourceSet {

    private final Map<String, Path> files = new TreeMap<>();

    /** Adds every file below {@code root} whose relative path starts with {@code prefix} ("" for all). */
    SourceSet overlay(Path root, String prefix) throws IOException {
        for (Path file : FileTree.files(root)) {
            String relative = FileTree.relative(root, file);
            if (relative.startsWith(prefix)) {
                files.put(relative, file);
            }
        }
        return this;
    }

    /** Adds one file at {@code relative}. */
    SourceSet put(String relative, Path file) {
        files.put(relative, file);
        return this;
    }

    /** Keeps the Java files whose relative path {@code keep} accepts (and every other file). */
    SourceSet retainJava(java.util.function.Predicate<String> keep) {
        files.keySet().removeIf(relative -> relative.endsWith(".java") && !keep.test(relative));
        return this;
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    /** Drops the file at {@code relative}, if any. */
    SourceSet remove(String relative) {
        files.remove(relative);
        return this;
    }

    /** The file at {@code relative}, or null. */
    Path get(String relative) {
        return files.get(relative);
    }

    List<Path> javaFiles() {
        return files.entrySet().stream().filter(e -> e.getKey().endsWith(".java")).map(Map.Entry::getValue).toList();
    }

    /** Copies the non-Java files (resources) into {@code target}, keeping their relative paths. */
    void copyResourcesTo(Path target) throws IOException {
        for (var entry : files.entrySet()) {
            if (!entry.getKey().endsWith(".java")) {
                FileTree.copy(entry.getValue(), target.resolve(entry.getKey()));
            }
        }
    }
}
