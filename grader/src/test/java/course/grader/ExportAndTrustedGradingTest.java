package course.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student export holds nothing it must not, its leak scan catches planted leaks, and trusted
 * grading takes only the student's own sources. (The export's Maven build, and the solutions
 * typed into the export scoring full marks with the hidden tests, are checked by
 * {@code ./grade verify} and by {@link BatchGradingTest}: they are too slow to repeat here.)
 */
@DisplayName("Export and trusted grading")
class ExportAndTrustedGradingTest {

    static final Path ROOT = CourseGrading.ROOT;
    static final String EX1 = "exercise-01-async-fetch";

    @TempDir
    Path dir;

    @Test
    @DisplayName("the export has stubs and visible tests, no solutions, hidden tests or fixtures, and a pom that runs the tests")
    void exportShape() throws Exception {
        Path export = dir.resolve("export");
        Export.of(ROOT).writeTo(export);

        assertThat(export.resolve("solutions")).doesNotExist();
        assertThat(export.resolve(EX1 + "/src/hidden-test")).doesNotExist();
        assertThat(export.resolve("grader/src/test")).doesNotExist();
        assertThat(export.resolve(EX1 + "/src/main/java/course/asyncfetch/BatchFetch.java")).exists();
        assertThat(export.resolve(EX1 + "/src/test/java/course/asyncfetch/BatchFetchTest.java")).exists();
        assertThat(export.resolve("grade")).isExecutable();
        assertThat(export.resolve(".github/workflows/grade.yml")).exists();
        String pom = Files.readString(export.resolve("pom.xml"));
        assertThat(pom).doesNotContain("<module>solutions</module>").doesNotContain("hidden-test")
                .contains("<exercise.skipTests>false</exercise.skipTests>").contains("<module>grader</module>");
        assertThat(Files.readString(export.resolve("README.md"))).contains("mvn test -pl " + EX1).contains("./grade")
                .doesNotContain("{{");
        assertThat(ExportCheck.secretsOf(ROOT).scan(export)).as("leaks in a fresh export").isEmpty();
    }

    @Test
    @DisplayName("a solution's code, a hidden test's name or a hidden test's line in the export is a leak naming the file")
    void plantedLeaksAreFound() throws Exception {
        Path export = dir.resolve("export");
        Export.of(ROOT).writeTo(export);
        Path stub = export.resolve(EX1 + "/src/main/java/course/asyncfetch/BatchFetch.java");
        Files.copy(ROOT.resolve("solutions/src/main/java/course/asyncfetch/BatchFetch.java"), stub,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path hidden = ROOT.resolve(EX1 + "/src/hidden-test/java/course/asyncfetch/BatchFetchEdgeCasesTest.java");
        Files.writeString(export.resolve("NOTES.md"), "see BatchFetchEdgeCasesTest for the edge cases\n");
        String hiddenLine = Files.readAllLines(hidden).stream().map(String::strip)
                .filter(l -> l.startsWith("assertThat(") && l.length() > 70).findFirst().orElseThrow();
        Files.writeString(export.resolve(EX1 + "/src/test/java/course/asyncfetch/Extra.java"), "// " + "\n" + hiddenLine + "\n");

        List<ExportCheck.Leak> leaks = ExportCheck.secretsOf(ROOT).scan(export);

        assertThat(leaks).anyMatch(l -> l.file().endsWith("main/java/course/asyncfetch/BatchFetch.java")
                && l.what().contains("solutions/src/main/java/course/asyncfetch/BatchFetch.java"));
        assertThat(leaks).anyMatch(l -> l.file().equals("NOTES.md") && l.what().contains("BatchFetchEdgeCasesTest"));
        assertThat(leaks).anyMatch(l -> l.file().endsWith("Extra.java") && l.what().contains("hidden test"));
    }

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

        Results results = gradeAsTeacher(submission, dir.resolve("out"));

        assertThat(results.earned()).as("score of the stubs with tampered tests").isZero();
        assertThat(results.modules().get(0).tests()).as("the teacher's tests ran, hidden ones too")
                .anyMatch(t -> t.method().equals("backsOffExponentially")).anyMatch(Results.TestResult::hidden);
        assertThat(results.notUsed()).anyMatch(f -> f.startsWith(EX1 + "/src/test/java/course/asyncfetch/BatchFetchTest.java (changed"))
                .anyMatch(f -> f.startsWith(EX1 + "/src/test/java/course/asyncfetch/RetryTest.java (deleted"))
                .anyMatch(f -> f.startsWith(EX1 + "/pom.xml (changed"))
                .anyMatch(f -> f.startsWith(EX1 + "/src/main/java/org/junit/jupiter/api/Assertions.java"))
                .anyMatch(f -> f.startsWith(EX1 + "/src/main/java/course/asyncfetch/LinkedTask.java (a symbolic link"));
        Reports.writeAll(results, dir.resolve("out"), true);
        assertThat(Files.readString(dir.resolve("out/summary-teacher.md"))).contains("Changed but not used")
                .contains("RetryTest.java (deleted)");

        // what students see (the pull-request workflow's artifact) names no hidden test, in no file
        Path studentOut = dir.resolve("student-out");
        Reports.writeAll(results, studentOut, false);
        // (class names anywhere; display names as whole JSON values: one may be the start of a visible test's name)
        List<String> hiddenNames = results.modules().get(0).tests().stream().filter(Results.TestResult::hidden)
                .flatMap(t -> java.util.stream.Stream.of(t.className().substring(t.className().lastIndexOf('.') + 1),
                        "\"" + t.displayName() + "\"", ": " + t.displayName() + " —", ": " + t.displayName() + "\n"))
                .distinct().toList();
        try (var files = Files.list(studentOut)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                assertThat(hiddenNames).as("hidden test names in %s", file.getFileName()).noneMatch(text::contains);
            }
        }
    }

    @Test
    @DisplayName("a source folder that links outside the submission (to the teacher's solutions) is never taken")
    void linkedFoldersAreNotTaken() throws Exception {
        Path submission = Submissions.make(ROOT, dir.resolve("student"), List.of());
        Path main = submission.resolve(EX1 + "/src/main");
        ModuleGrader.deleteRecursively(main);
        Files.createSymbolicLink(main, ROOT.resolve("solutions/src/main"));

        TrustedCopy.Prepared prepared = TrustedCopy.prepare(ROOT, submission, dir.resolve("work"), List.of(EX1));

        assertThat(prepared.notUsed()).anyMatch(f -> f.startsWith(EX1 + "/src/main/java/course/asyncfetch/BatchFetch.java (outside"));
        assertThat(TrustedCopy.files(prepared.course().resolve(EX1 + "/src/main/java"))).as("sources taken").isEmpty();
    }

    @Test
    @DisplayName("a student's copy, without hidden tests, says which points only the hidden tests can earn")
    void visibleOnlyScoresSayWhy() {
        var test = new Results.TestResult("t", "course.demo.ThingTest", "one", "one", "A", 6, false,
                Results.Status.PASSED, "", 0);
        var module = new Results.ModuleResult("exercise-99-demo", "Demo", List.of(new Results.PartResult("A", "First", 10, 6)),
                List.of(test), null, List.of(), 0);
        Results results = new Results("f", "s", List.of(module), 0);

        assertThat(Reports.table(results, false, false)).contains("4 of the 10 points are for hidden tests your teacher runs");
        assertThat(Reports.markdown(results, false)).contains("4 of the 10 points are for hidden tests");
    }

    static Results gradeAsTeacher(Path submission, Path out) throws Exception {
        String before = System.getProperty("course.root");
        System.setProperty("course.root", ROOT.toString());
        try {
            Main main = new Main();
            main.console = new PrintStream(OutputStream.nullOutputStream());
            main.onlyModules = List.of(EX1);
            return main.grade(submission, out);
        } finally {
            if (before == null) {
                System.clearProperty("course.root");
            } else {
                System.setProperty("course.root", before);
            }
        }
    }
}
