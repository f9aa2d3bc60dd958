package course.grader.grading;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.CourseGrading;
import course.grader.files.FileTree;
import course.grader.model.CourseModule;
import course.grader.report.ReportFiles;
import course.grader.report.Results;
import course.grader.teacher.Submissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trusted grading takes only the student's own sources; everything else the student changed is listed, never used. */
@DisplayName("Trusted grading")
class TrustedGradingTest {

    static final Path ROOT = CourseGrading.ROOT;
    static final String EX1 = "exercise-01-async-fetch";

    @TempDir
    Path dir;

    @Test
    @DisplayName("edited and deleted tests and an edited pom are listed as changed but not used, and gain nothing")
    void tamperingGainsNothing() throws Exception {
        Path submission = Submissions.make(ROOT, dir.resolve("student"), List.of());
        Path tests = submission.resolve(EX1 + "/src/test/java/course/asyncfetch");
        Files.writeString(tests.resolve("BatchFetchTest.java"), """
                package course.asyncfetch;
                import static org.junit.jupiter.api.Assertions.assertTrue;
                import org.junit.jupiter.api.*;
                @Tag("part:A")
                class BatchFetchTest {
                    @Test @Tag("points:30") void everything() { assertTrue(true); }
                }
                """);
        Files.delete(tests.resolve("RetryTest.java"));
        Files.writeString(submission.resolve(EX1 + "/pom.xml"),
                Files.readString(submission.resolve(EX1 + "/pom.xml")).replace("</project>", "<!-- mine --></project>"));
        // a class outside the exercise's package, e.g. one that would shadow a library, is never compiled
        Path shadow = submission.resolve(EX1 + "/src/main/java/org/junit/jupiter/api/Assertions.java");
        Files.createDirectories(shadow.getParent());
        Files.writeString(shadow, "package org.junit.jupiter.api; public class Assertions { }");
        // a link to a file outside the submission (the teacher's solution, here) is never followed
        Files.createSymbolicLink(submission.resolve(EX1 + "/src/main/java/course/asyncfetch/LinkedTask.java"),
                ROOT.resolve("solutions/src/main/java/course/asyncfetch/LinkedTask.java"));

        Path out = dir.resolve("out");
        Results results = CourseGrading.grade(CourseGrading.request(out).withSubmission(submission).withModules(List.of(EX1)));

        assertThat(results.earned()).as("score of the stubs with tampered tests").isZero();
        assertThat(results.modules().get(0).tests()).as("the teacher's tests ran, hidden ones too")
                .anyMatch(t -> t.method().equals("backsOffExponentially")).anyMatch(Results.TestResult::hidden);
        assertThat(results.notUsed()).anyMatch(f -> f.startsWith(EX1 + "/src/test/java/course/asyncfetch/BatchFetchTest.java (changed"))
                .anyMatch(f -> f.startsWith(EX1 + "/src/test/java/course/asyncfetch/RetryTest.java (deleted"))
                .anyMatch(f -> f.startsWith(EX1 + "/pom.xml (changed"))
                .anyMatch(f -> f.startsWith(EX1 + "/src/main/java/org/junit/jupiter/api/Assertions.java"))
                .anyMatch(f -> f.startsWith(EX1 + "/src/main/java/course/asyncfetch/LinkedTask.java (a symbolic link"));
        assertThat(Files.readString(out.resolve("summary-teacher.md"))).contains("Changed but not used")
                .contains("RetryTest.java (deleted)");

        // what students see (the pull-request workflow's artifact) names no hidden test, in no file
        Path studentOut = dir.resolve("student-out");
        ReportFiles.writeAll(results, studentOut, false);
        // (class names anywhere; display names as whole JSON values: one may be the start of a visible test's name)
        List<String> hiddenNames = results.modules().get(0).tests().stream().filter(Results.TestResult::hidden)
                .flatMap(t -> Stream.of(t.className().substring(t.className().lastIndexOf('.') + 1),
                        "\"" + t.displayName() + "\"", ": " + t.displayName() + " —", ": " + t.displayName() + "\n"))
                .distinct().toList();
        for (Path file : FileTree.files(studentOut)) {
            String text = Files.readString(file);
            assertThat(hiddenNames).as("hidden test names in %s", file.getFileName()).noneMatch(text::contains);
        }
    }

    @Test
    @DisplayName("a source folder that links outside the submission (to the teacher's solutions) is never taken")
    void linkedFoldersAreNotTaken() throws Exception {
        Path submission = Submissions.make(ROOT, dir.resolve("student"), List.of());
        Path main = submission.resolve(EX1 + "/src/main");
        FileTree.deleteRecursively(main);
        Files.createSymbolicLink(main, ROOT.resolve("solutions/src/main"));
        List<CourseModule> modules = CourseModule.discover(ROOT);

        SubmissionSources.Taken taken = SubmissionSources.take(ROOT, submission, modules, EX1::equals);

        assertThat(taken.notUsed()).anyMatch(f -> f.startsWith(EX1 + "/src/main/java/course/asyncfetch/BatchFetch.java (outside"));
        assertThat(taken.mainByModule().get(EX1).javaFiles()).as("sources taken").isEmpty();
    }
}
