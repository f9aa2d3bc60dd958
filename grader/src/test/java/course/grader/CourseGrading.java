package course.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Grades this repository in-process, as `./grade` would, for the grader's own tests. */
final class CourseGrading {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static Results grade(String module, boolean solutions, List<Path> overlays, Path out) {
        Main main = new Main();
        main.solutions = solutions;
        main.overlays = overlays;
        main.onlyModules = List.of(module);
        main.timeLimitSeconds = 300;
        try {
            return main.grade(ROOT, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempOut(String name) {
        try {
            Path base = ROOT.resolve("grader/target/grading-tests");
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CourseGrading() {
    }
}
