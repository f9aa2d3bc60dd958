package course.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import course.grader.report.Results.Status;
import course.grader.report.Results.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report, written from one hand-built result: the same numbers everywhere, hidden tests only for the teacher. */
@DisplayName("The report writers")
class ReportWritersTest {

    @TempDir
    Path dir;

    static final TestResult PASSED = new TestResult("t1", "course.demo.ThingTest", "one", "adds one", "A", 6, false,
            Status.PASSED, "", null);
    static final TestResult FAILED = new TestResult("t2", "course.demo.ThingTest", "two", "adds two", "B", 4, false,
            Status.FAILED, "java.lang.AssertionError: expected 2 but was 3 | a pipe\nsecond line", null);
    static final TestResult HIDDEN = new TestResult("t3", "course.demo.ThingEdgeCasesTest", "secret", "handles the secret case",
            "B", 2.5, true, Status.FAILED, "the secret message", null);

    static Results results() {
        ModuleResult module = new ModuleResult("exercise-99-demo", "Demo", List.of(new PartResult("A", "First", 6, 6),
                new PartResult("B", "Second", 6.5, 0)), List.of(PASSED, FAILED, HIDDEN), null, List.of(), 1.5, null);
        return new Results("f", "s", List.of(module), 2.0, List.of("exercise-99-demo/pom.xml (changed)"),
                "bubblewrap");
    }

    @Test
    @DisplayName("the score table, the Markdown summary and results.json agree on the points")
    void sameNumbersEverywhere() throws Exception {
        ReportFiles.writeAll(results(), dir, true);

        assertThat(Files.readString(dir.resolve("scores.txt"))).contains("6 / 12.5").contains("✗ B: adds two")
                .contains("expected 2 but was 3").contains("Changed but not used").contains("pom.xml (changed)");
        assertThat(Files.readString(dir.resolve("summary.md"))).startsWith("## Score: 6 / 12.5")
                .contains("| exercise-99-demo | A. First | 6 / 6 |").contains("was 3 \\| a pipe");
        GradescopeResults gradescope = ReportFiles.readGradescope(dir.resolve("results.json"));
        assertThat(gradescope.score()).isEqualTo(6);
        assertThat(gradescope.maxScore()).isEqualTo(12.5);
        assertThat(gradescope.tests()).extracting(GradescopeResults.Test::visibility).containsExactly("visible", "visible", "hidden");
    }

    @Test
    @DisplayName("report.json reads back to the same results")
    void reportJsonRoundTrips() throws Exception {
        ReportFiles.writeAll(results(), dir, true);

        assertThat(ReportFiles.read(dir.resolve(ReportFiles.REPORT_JSON))).isEqualTo(results());
    }

    @Test
    @DisplayName("the teacher sees the hidden test by name; the student view only counts it, in every file")
    void studentViewHidesHiddenTests() throws Exception {
        Path teacher = dir.resolve("teacher");
        Path student = dir.resolve("student");
        ReportFiles.writeAll(results(), teacher, true);
        ReportFiles.writeAll(results(), student, false);

        assertThat(Files.readString(teacher.resolve("summary-teacher.md"))).contains("\\[hidden\\] B: handles the secret case");
        assertThat(student.resolve("summary-teacher.md")).doesNotExist();
        for (String file : List.of("scores.txt", "summary.md", "report.json", "results.json")) {
            assertThat(Files.readString(student.resolve(file))).as(file)
                    .doesNotContain("secret").doesNotContain("ThingEdgeCasesTest");
        }
        assertThat(Files.readString(student.resolve("scores.txt"))).contains("hidden tests: 1 (2.5 points)");
    }

    @Test
    @DisplayName("a student's copy, without hidden tests, says which points only the hidden tests can earn")
    void visibleOnlyScoresSayWhy() {
        ModuleResult module = new ModuleResult("exercise-99-demo", "Demo", List.of(new PartResult("A", "First", 10, 6)),
                List.of(PASSED), null, List.of(), 0, null);
        Results results = new Results("f", "s", List.of(module), 0, List.of(), "none");

        assertThat(ScoreTable.render(results, false, false)).contains("4 of the 10 points are for hidden tests your teacher runs");
        assertThat(MarkdownSummary.render(results, false)).contains("4 of the 10 points are for hidden tests");
    }
}
