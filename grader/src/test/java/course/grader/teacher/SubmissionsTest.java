package course.grader.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.CourseGrading;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The reference solution as a student would hand it in")
class SubmissionsTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("keeps the reference's helper classes and leaves out the teacher's benchmarks")
    void withoutTeacherTools() throws Exception {
        Path submission = Submissions.make(CourseGrading.ROOT, dir.resolve("s"), Submissions.solutions(CourseGrading.ROOT));
        assertThat(submission.resolve("exercise-01-async-fetch/src/main/java/course/asyncfetch/LinkedTask.java"))
                .as("a helper class of the reference that the stubs lack is part of the solution").exists();
        assertThat(submission.resolve("mini-challenge/src/main/java/course/pipeline/PipelineBenchmark.java"))
                .as("a benchmark (a main method, not in the student's copy) is the teacher's tool, not a submission")
                .doesNotExist();
        assertThat(submission.resolve("mini-challenge/src/main/java/course/pipeline/PipelineDemo.java"))
                .as("a demo the students were given stays").exists();
    }
}
