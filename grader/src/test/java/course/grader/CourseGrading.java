package course.grader;

import course.grader.grading.GradeRequest;
import course.grader.grading.GradingService;
import course.grader.report.Results;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Grades this repository in-process, as {@code ./grade} would, for the grader's own tests. */
public final class CourseGrading {

    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** One service for every test: each module's tests are compiled once. */
    private static final GradingService SERVICE = new GradingService();

    private CourseGrading() {
    }

    /** {@code module} of this course, its reference solutions ({@code solutions}) or stubs, with overlays laid over. */
    public static Results grade(String module, boolean solutions, List<Path> overlays, Path out) {
        return grade(request(out).withModules(List.of(module)).withSolutions(solutions).withOverlays(overlays));
    }

    /** A request for this course with the reports in {@code out} and a generous time limit for a busy machine. */
    public static GradeRequest request(Path out) {
        return GradeRequest.of(ROOT).withOut(out).withTimeLimit(Duration.ofSeconds(300));
    }

    public static Results grade(GradeRequest request) {
        try {
            return SERVICE.grade(request, new PrintStream(OutputStream.nullOutputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path tempOut(String name) {
        try {
            Path base = ROOT.resolve("grader/target/grading-tests");
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
