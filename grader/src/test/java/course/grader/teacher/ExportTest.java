package course.grader.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.CourseGrading;
import course.grader.model.StudentVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student export holds nothing it must not, and its leak scan catches planted leaks. (The
 * export's Maven build, and the solutions typed into the export scoring full marks with the hidden
 * tests, are checked by {@code ./grade verify}: they are too slow to repeat here.)
 */
@DisplayName("The student export")
class ExportTest {

    static final Path ROOT = CourseGrading.ROOT;
    static final String EX1 = "exercise-01-async-fetch";

    @TempDir
    Path dir;

    @Test
    @DisplayName("has stubs and visible tests, no solutions, hidden tests or fixtures, and a pom that runs the tests")
    void exportShape() throws Exception {
        Path export = dir.resolve("export");
        StudentVersion.of(ROOT).writeTo(export);

        assertThat(export.resolve("solutions")).doesNotExist();
        assertThat(export.resolve(EX1 + "/src/hidden-test")).doesNotExist();
        assertThat(export.resolve("grader/src/test")).doesNotExist();
        assertThat(export.resolve(EX1 + "/src/main/java/course/asyncfetch/BatchFetch.java")).exists();
        assertThat(export.resolve(EX1 + "/src/test/java/course/asyncfetch/BatchFetchTest.java")).exists();
        assertThat(export.resolve("grade")).isExecutable();
        assertThat(export.resolve(".ci/sandbox-setup")).as("the workflow's sandbox step").isExecutable();
        assertThat(export.resolve(".github/workflows/grade.yml")).exists();
        String pom = Files.readString(export.resolve("pom.xml"));
        assertThat(pom).doesNotContain("<module>solutions</module>").doesNotContain("hidden-test").doesNotContain("MASTER COPY")
                .contains("<exercise.skipTests>false</exercise.skipTests>").contains("<module>grader</module>")
                .contains("Student version");
        assertThat(Files.readString(export.resolve("README.md"))).contains("mvnw test -pl " + EX1).contains("./grade")
                .doesNotContain("{{");
        assertThat(LeakScan.secretsOf(ROOT).scan(export)).as("leaks in a fresh export").isEmpty();
    }

    @Test
    @DisplayName("a solution's code, a hidden test's name or a hidden test's line in the export is a leak naming the file")
    void plantedLeaksAreFound() throws Exception {
        Path export = dir.resolve("export");
        StudentVersion.of(ROOT).writeTo(export);
        Path stub = export.resolve(EX1 + "/src/main/java/course/asyncfetch/BatchFetch.java");
        Files.copy(ROOT.resolve("solutions/src/main/java/course/asyncfetch/BatchFetch.java"), stub, StandardCopyOption.REPLACE_EXISTING);
        Path hidden = ROOT.resolve(EX1 + "/src/hidden-test/java/course/asyncfetch/BatchFetchEdgeCasesTest.java");
        Files.writeString(export.resolve("NOTES.md"), "see BatchFetchEdgeCasesTest for the edge cases\n");
        String hiddenLine = Files.readAllLines(hidden).stream().map(String::strip)
                .filter(l -> l.startsWith("assertThat(") && l.length() > 70).findFirst().orElseThrow();
        Files.writeString(export.resolve(EX1 + "/src/test/java/course/asyncfetch/Extra.java"), "// \n" + hiddenLine + "\n");

        List<LeakScan.Leak> leaks = LeakScan.secretsOf(ROOT).scan(export);

        assertThat(leaks).anyMatch(l -> l.file().endsWith("main/java/course/asyncfetch/BatchFetch.java") && l.line() > 0
                && l.what().contains("solutions/src/main/java/course/asyncfetch/BatchFetch.java"));
        assertThat(leaks).anyMatch(l -> l.file().equals("NOTES.md") && l.line() == 1 && l.what().contains("BatchFetchEdgeCasesTest"));
        assertThat(leaks).anyMatch(l -> l.file().endsWith("Extra.java") && l.line() == 2 && l.what().contains("hidden test"));
    }

    @Test
    @DisplayName("teacher-only blocks are dropped; teacher text and broken links left in students' Markdown are problems naming the line")
    void teacherTextAndBrokenLinks() throws Exception {
        assertThat(StudentVersion.forStudents("intro\n<!-- teacher-only -->\nrun -pl solutions\n<!-- /teacher-only -->\nend\n"))
                .isEqualTo("intro\nend\n");
        Path export = dir.resolve("export");
        StudentVersion.of(ROOT).writeTo(export);
        Path readme = export.resolve(EX1 + "/README.md");
        Files.writeString(readme, Files.readString(readme) + "\nCompare with the seeds' version, or run `mvn test -Dstudent`.\n"
                + "See [the notes](NOTES.md) and [part A](#a-batch-fetch-30-points).\n");

        List<String> problems = StudentText.problems(export);

        int last = Files.readAllLines(readme).size();
        assertThat(problems).anyMatch(p -> p.startsWith("TEACHER TEXT in " + EX1 + "/README.md:" + (last - 1)) && p.contains("seeds"))
                .anyMatch(p -> p.startsWith("BROKEN LINK in " + EX1 + "/README.md:" + last) && p.contains("NOTES.md"))
                .noneMatch(p -> p.contains("#a-batch-fetch"));
    }

    @Test
    @DisplayName("the Gradescope bundle's course is the student version plus the hidden tests")
    void gradescopeCourseHasHiddenTests() throws Exception {
        StudentVersion bundle = StudentVersion.withHiddenTests(ROOT);
        StudentVersion students = StudentVersion.of(ROOT);

        assertThat(bundle.paths()).containsAll(students.paths())
                .contains(EX1 + "/src/hidden-test/java/course/asyncfetch/BatchFetchEdgeCasesTest.java")
                .noneMatch(p -> p.startsWith("solutions/") || p.startsWith("grader/src/test/") || p.contains("/target/"));
    }
}
