package course.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** An exercise module of a course folder: a directory with a {@code rubric.properties}. */
record CourseModule(String name, Path dir, String packagePath, Rubric rubric) {

    /** The course's modules, in the course's order. */
    static final List<String> ORDER = List.of(
            "exercise-01-async-fetch", "exercise-02-threaded-io", "exercise-03-cpu-parallel", "mini-challenge");

    static List<CourseModule> discover(Path folder) throws IOException {
        List<CourseModule> modules = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path dir : children.filter(d -> Files.isRegularFile(d.resolve("rubric.properties")))
                    .sorted(Comparator.comparing((Path d) -> order(d.getFileName().toString()))
                            .thenComparing(d -> d.getFileName().toString()))
                    .toList()) {
                modules.add(new CourseModule(dir.getFileName().toString(), dir, packageOf(dir),
                        Rubric.read(dir.resolve("rubric.properties"))));
            }
        }
        return modules;
    }

    private static int order(String name) {
        int index = ORDER.indexOf(name);
        return index < 0 ? ORDER.size() : index;
    }

    /** The exercise's package directory, e.g. {@code course/asyncfetch}: the one under src/main/java/course. */
    private static String packageOf(Path dir) throws IOException {
        Path course = dir.resolve("src/main/java/course");
        if (!Files.isDirectory(course)) {
            return "course/" + dir.getFileName().toString().replaceAll("[^a-z]", "");
        }
        try (Stream<Path> packages = Files.list(course)) {
            List<Path> found = packages.filter(Files::isDirectory).toList();
            if (found.size() != 1) {
                throw new IOException(course + " should hold exactly one package directory, found " + found.size());
            }
            return "course/" + found.get(0).getFileName();
        }
    }

    Path hiddenTestDir() {
        return dir.resolve("src/hidden-test/java");
    }

    boolean hasHiddenTests() {
        return Files.isDirectory(hiddenTestDir());
    }

    boolean isHidden(String className) {
        String topLevel = className.split("\\$")[0];
        return Files.isRegularFile(hiddenTestDir().resolve(topLevel.replace('.', '/') + ".java"));
    }
}
