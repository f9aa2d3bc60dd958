package course.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import course.grader.grading.GradeRequest;
import course.grader.model.CannotGrade;
import course.grader.report.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The grader reports rubric mistakes and bad input instead of guessing")
class RubricAndInputTest {

    @TempDir
    Path dir;

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    @DisplayName("a test without points, an undeclared part, a part with no tests and a points mismatch are each named")
    void rubricMistakesAreNamed() throws Exception {
        Path module = dir.resolve("exercise-99-demo");
        write(module.resolve("rubric.properties"), """
                module.title=Demo
                part.A.title=First
                part.A.points=5
                part.B.title=Empty
                part.B.points=1
                """);
        write(module.resolve("src/main/java/course/demo/Thing.java"), "package course.demo; public class Thing { public int one() { return 1; } }");
        write(module.resolve("src/test/java/course/demo/ThingTest.java"), """
                package course.demo;
                import org.junit.jupiter.api.*;
                @Tag("part:A")
                class ThingTest {
                    @Test @Tag("points:1") void counted() { Assertions.assertEquals(1, new Thing().one()); }
                    @Test void noPoints() { }
                }
                """);
        write(module.resolve("src/hidden-test/java/course/demo/StrayTest.java"), """
                package course.demo;
                import org.junit.jupiter.api.*;
                @Tag("part:Z")
                class StrayTest {
                    @Test @Tag("points:2") void stray() { }
                }
                """);

        Results results = CourseGrading.grade(GradeRequest.of(dir).withOut(dir.resolve("out")));

        assertThat(results.modules().get(0).rubricErrors()).satisfiesExactlyInAnyOrder(
                e -> assertThat(e).contains("ThingTest.noPoints").contains("points"),
                e -> assertThat(e).contains("StrayTest.stray").contains("part:Z"),
                e -> assertThat(e).contains("part B").contains("no tests"),
                e -> assertThat(e).contains("part A").contains("5").contains("1"));
    }

    @Test
    @DisplayName("a missing folder is a one-line error that says what to give instead")
    void missingFolder() {
        assertThatThrownBy(() -> CourseGrading.grade(GradeRequest.of(dir.resolve("nope")).withOut(dir.resolve("out"))))
                .hasCauseInstanceOf(CannotGrade.class)
                .hasMessageContaining("is not a folder").hasMessageContaining("course repository");
    }

    @Test
    @DisplayName("an empty folder, or one that is not a course, is a one-line error")
    void notACourse() throws Exception {
        write(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> CourseGrading.grade(GradeRequest.of(dir).withOut(dir.resolve("out"))))
                .hasCauseInstanceOf(CannotGrade.class)
                .hasMessageContaining("holds no exercise module");
    }

    @Test
    @DisplayName("a submission missing a module is graded for what it has; the missing module scores 0 and says so")
    void partialSubmission() throws Exception {
        Path submission = dir.resolve("submission");
        Path source = CourseGrading.ROOT.resolve("exercise-01-async-fetch");
        try (var files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/target/")).toList()) {
                write(submission.resolve("exercise-01-async-fetch").resolve(source.relativize(file)), Files.readString(file));
            }
        }
        Results results = CourseGrading.grade(CourseGrading.request(dir.resolve("out")).withSubmission(submission).withHidden(false));
        List<String> modules = results.modules().stream().map(Results.ModuleResult::name).toList();
        assertThat(modules).contains("exercise-01-async-fetch");
        assertThat(results.modules().stream().filter(m -> !m.name().equals("exercise-01-async-fetch")))
                .allSatisfy(m -> assertThat(m.problem()).contains("missing from the submission"));
        assertThat(results.modules().get(0).tests()).as("exercise-01's tests ran").isNotEmpty();
    }
}
