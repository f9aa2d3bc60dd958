package course.grader.model;

import course.grader.files.FileTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An exercise module of a course folder: a folder with a {@code rubric.properties}. A course's
 * modules are found by their rubric files, in the order of their folder names.
 */
public record CourseModule(String name, Path dir, String packagePath, Rubric rubric) {

    public static final String RUBRIC = "rubric.properties";

    public static List<CourseModule> discover(Path folder) throws IOException {
        List<CourseModule> modules = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path dir : children.filter(d -> Files.isRegularFile(d.resolve(RUBRIC)))
                    .sorted(Comparator.comparing(d -> d.getFileName().toString())).toList()) {
                modules.add(new CourseModule(dir.getFileName().toString(), dir, packageOf(dir), Rubric.read(dir.resolve(RUBRIC))));
            }
        }
        return modules;
    }

    /** The exercise's package folder, e.g. {@code course/asyncfetch}: the one under src/main/java/course. */
    private static String packageOf(Path dir) throws IOException {
        Path course = dir.resolve("src/main/java/course");
        if (!Files.isDirectory(course)) {
            return "course/" + dir.getFileName().toString().replaceAll("[^a-z]", "");
        }
        try (Stream<Path> packages = Files.list(course)) {
            List<Path> found = packages.filter(Files::isDirectory).toList();
            if (found.size() != 1) {
                throw new IOException(course + " should hold exactly one package folder, found " + found.size());
            }
            return "course/" + found.get(0).getFileName();
        }
    }

    /** The exercise's Java package, e.g. {@code course.asyncfetch}. */
    public String packageName() {
        return packagePath.replace('/', '.');
    }

    /** A module's source folders. */
    public enum Folder {
        MAIN_JAVA("src/main/java"), MAIN_RESOURCES("src/main/resources"),
        TEST_JAVA("src/test/java"), TEST_RESOURCES("src/test/resources"),
        HIDDEN_TEST_JAVA("src/hidden-test/java"), HIDDEN_TEST_RESOURCES("src/hidden-test/resources");

        private final String path;

        Folder(String path) {
            this.path = path;
        }
    }

    public Path folder(Folder folder) {
        return dir.resolve(folder.path);
    }

    public boolean hasHiddenTests() {
        return Files.isDirectory(folder(Folder.HIDDEN_TEST_JAVA));
    }

    /**
     * In a student's copy, the course's own test files of this module (relative to its folder), from
     * the export's list; empty where there is no list (a master copy: every test is the course's).
     */
    public Optional<Set<String>> courseTestFiles() throws IOException {
        Path list = dir.getParent().resolve(StudentVersion.COURSE_TESTS);
        if (!Files.isRegularFile(list)) {
            return Optional.empty();
        }
        Set<String> files = new HashSet<>();
        for (String line : Files.readAllLines(list)) {
            if (line.startsWith(name + "/")) {
                files.add(line.substring(name.length() + 1).strip());
            }
        }
        return Optional.of(files);
    }

    /** The class names of the hidden tests' top-level classes, from their source files. */
    public List<String> hiddenTestClasses() throws IOException {
        List<String> names = new ArrayList<>();
        Path hidden = folder(Folder.HIDDEN_TEST_JAVA);
        for (Path file : FileTree.files(hidden)) {
            String relative = FileTree.relative(hidden, file);
            if (relative.endsWith(".java")) {
                names.add(relative.substring(0, relative.length() - 5).replace('/', '.'));
            }
        }
        return names;
    }
}
