package course.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import course.grader.model.CourseModule;
import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Smoke test: the first module's reference solution scores full marks and its stubs zero, with
 * a results.json in Gradescope's documented shape. {@code ./grade verify} checks every module.
 */
class ReferenceAndStubsTest {

    static List<String> modules() throws Exception {
        return CourseModule.discover(CourseGrading.ROOT).stream().map(CourseModule::name).limit(1).toList();
    }

    @ParameterizedTest(name = "{0}: the reference solution scores full marks on every part")
    @MethodSource("modules")
    void solutionsScoreFullMarks(String module) throws Exception {
        Path out = CourseGrading.tempOut("solutions");
        Results results = CourseGrading.grade(module, true, List.of(), out);
        ModuleResult graded = results.modules().get(0);

        assertThat(graded.rubricErrors()).as("rubric errors").isEmpty();
        assertThat(graded.problem()).as("problem grading the solutions").isNull();
        for (PartResult part : graded.parts()) {
            assertThat(part.earned())
                    .as("part %s; failing: %s", part.id(), graded.tests().stream().filter(t -> t.earned() < t.points())
                            .map(t -> t.displayName() + " -> " + t.message()).toList())
                    .isEqualTo(part.points());
        }
        assertThat(graded.tests()).as("hidden tests graded").anyMatch(Results.TestResult::hidden);

        assertGradescopeShape(out.resolve("results.json"), graded.points());
    }

    @ParameterizedTest(name = "{0}: the stubs score zero on every part")
    @MethodSource("modules")
    void stubsScoreZero(String module) {
        Results results = CourseGrading.grade(module, false, List.of(), CourseGrading.tempOut("stubs"));
        ModuleResult graded = results.modules().get(0);

        assertThat(graded.tests()).as("tests run against the stubs").isNotEmpty();
        assertThat(graded.tests().stream().filter(t -> t.earned() > 0).map(Results.TestResult::displayName).toList())
                .as("tests that pass against the stubs (they pass by accident)")
                .isEmpty();
    }

    /** Gradescope's documented results.json fields and allowed values. */
    static void assertGradescopeShape(Path file, double maxScore) throws Exception {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        assertThat(root.get("score").isNumber()).as("score is a number").isTrue();
        assertThat(root.get("max_score").asDouble()).as("max_score").isEqualTo(maxScore);
        assertThat(root.get("execution_time").isNumber()).as("execution_time is a number of seconds").isTrue();
        assertThat(root.get("tests").isArray()).isTrue();
        Set<String> visibilities = Set.of("hidden", "after_due_date", "after_published", "visible");
        assertThat(visibilities).contains(root.get("visibility").asText(), root.get("stdout_visibility").asText());
        for (JsonNode test : root.get("tests")) {
            assertThat(test.get("name").isTextual()).isTrue();
            assertThat(test.get("score").isNumber()).isTrue();
            assertThat(test.get("max_score").isNumber()).isTrue();
            assertThat(test.get("status").asText()).isIn("passed", "failed");
            assertThat(visibilities).contains(test.get("visibility").asText());
            assertThat(test.get("output").isTextual()).isTrue();
        }
    }
}
