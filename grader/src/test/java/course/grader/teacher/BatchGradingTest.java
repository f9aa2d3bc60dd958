package course.grader.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.CourseGrading;
import course.grader.files.Zip;
import course.grader.grading.GradeRequest;
import course.grader.model.CourseModule;
import course.grader.model.Points;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk grading: folders and zips, bad input as rows with notes, the gradebook and the class
 * summary, and re-runs that skip what is graded. (The batch of every fixture, a compile error and a
 * hang runs in {@code ./grade verify}.)
 */
@DisplayName("Batch grading")
class BatchGradingTest {

    static final Path ROOT = CourseGrading.ROOT;

    @TempDir
    Path dir;

    @Test
    @DisplayName("folders and zips are graded into a gradebook; a non-submission and a broken zip are rows with notes")
    void gradebook() throws Exception {
        Path submissions = dir.resolve("submissions");
        Submissions.make(ROOT, submissions.resolve("alice"), Submissions.solutions(ROOT));
        Path bob = Submissions.make(ROOT, dir.resolve("bob-unzipped/bob-repo"), List.of());
        Files.createDirectories(submissions);
        Zip.zip(bob.getParent(), submissions.resolve("bob.zip"));
        Files.createDirectories(submissions.resolve("carol"));
        Files.writeString(submissions.resolve("carol/notes.txt"), "I did not finish");
        Files.writeString(submissions.resolve("dave.zip"), "not a zip at all");
        Batch batch = new Batch(ROOT, 2, GradeRequest.DEFAULT_TIME_LIMIT, false, new PrintStream(OutputStream.nullOutputStream()));
        String module = CourseModule.discover(ROOT).get(0).name(); // one module keeps this quick; verify batches them all
        List.of("alice", "bob", "carol", "dave").forEach(student -> batch.onlyModules(student, List.of(module)));
        Path out = dir.resolve("out");

        List<Gradebook.Row> rows = batch.run(submissions, out);

        List<CourseModule> modules = CourseModule.discover(ROOT);
        double max = modules.get(0).rubric().totalPoints();
        assertThat(rows).extracting(Gradebook.Row::student).containsExactly("alice", "bob", "carol", "dave");
        assertThat(rows.get(0).total()).as("alice (the solutions): %s", rows.get(0).notes()).isEqualTo(max);
        assertThat(rows.get(1).total()).as("bob (the stubs, zipped in a folder): %s", rows.get(1).notes()).isZero();
        assertThat(rows.get(1).results()).as("bob was graded").isNotNull();
        assertThat(rows.get(2).notes()).contains("none of the course's modules");
        assertThat(rows.get(3).notes()).contains("zip");
        List<String> csv = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(csv.get(0)).startsWith("student," + modules.get(0).name()).endsWith(",total,notes");
        assertThat(csv).hasSize(5);
        assertThat(csv.get(1)).startsWith("alice,").contains("," + Points.fmt(max) + ",");
        assertThat(Files.readString(out.resolve("class-summary.md"))).contains("Mean per part").contains("Most-failed tests");
        assertThat(out.resolve("students/alice/summary-teacher.md")).exists();

        // a re-run skips what is graded: alice's report is left as it was
        Path aliceReport = out.resolve("students/alice/report.json");
        FileTime graded = Files.getLastModifiedTime(aliceReport);
        rows = batch.run(submissions, out);
        assertThat(Files.getLastModifiedTime(aliceReport)).isEqualTo(graded);
        assertThat(rows.get(0).total()).isEqualTo(max);
    }
}
