package course.grader.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import course.grader.CourseGrading;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The student version of the root pom")
class StudentPomTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("drops the solutions module and the hidden-test profile, turns the tests on, keeps the rest and its comments")
    void studentVersion() throws Exception {
        StudentPom pom = StudentPom.read(CourseGrading.ROOT.resolve("pom.xml"));
        String student = pom.studentVersion();

        assertThat(pom.modules()).contains("solutions", "grader");
        assertThat(student).doesNotContain("<module>solutions</module>").doesNotContain("<id>hidden-tests</id>")
                .doesNotContain("MASTER COPY").contains("<exercise.skipTests>false</exercise.skipTests>")
                .contains("<module>exercise-01-async-fetch</module>").contains("<id>student</id>")
                .contains("Pinned versions").startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project");
        Path written = dir.resolve("pom.xml");
        Files.writeString(written, student);
        assertThat(StudentPom.read(written).modules()).doesNotContain("solutions").contains("grader");
    }

    @Test
    @DisplayName("a student version's pom (a Gradescope bundle's course) is its own student version")
    void studentPomStaysAsItIs() throws Exception {
        Path file = dir.resolve("pom.xml");
        Files.writeString(file, StudentPom.read(CourseGrading.ROOT.resolve("pom.xml")).studentVersion());

        assertThat(StudentPom.read(file).studentVersion()).isEqualTo(Files.readString(file));
    }

    @Test
    @DisplayName("a pom without the master/student switch is refused with a message that says what export expects")
    void notAMasterPom() throws Exception {
        Path file = dir.resolve("pom.xml");
        Files.writeString(file, "<project><modules><module>a</module></modules></project>");

        assertThatThrownBy(() -> StudentPom.read(file).studentVersion()).isInstanceOf(CannotGrade.class)
                .hasMessageContaining("exercise.skipTests");
    }
}
