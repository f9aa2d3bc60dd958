package course.grader;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.Results.ModuleResult;
import course.grader.Results.PartResult;
import course.grader.Results.TestResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Submissions that do not compile, loop for ever, deadlock, call System.exit, run out of memory
 * or start threads without end: each is graded in full, the part at fault scores zero with a
 * message saying why, and every other part and module keeps its score.
 */
@DisplayName("Fatal submissions cost only their own part")
class FatalSubmissionsTest {

    static final Path FIXTURES = CourseGrading.ROOT.resolve("grader/src/test/crash-fixtures");

    @TestFactory
    Stream<DynamicTest> eachFatalSubmissionCostsOnlyItsPart() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("fixture.properties"))).sorted().toList().stream()
                    .map(fixture -> DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> check(fixture)));
        }
    }

    private static void check(Path fixture) throws Exception {
        Properties expected = new Properties();
        try (Reader in = Files.newBufferedReader(fixture.resolve("fixture.properties"))) {
            expected.load(in);
        }
        String module = expected.getProperty("module");
        Set<String> loses = Arrays.stream(expected.getProperty("loses").split(",")).map(String::strip).collect(Collectors.toSet());
        String message = expected.getProperty("message", "").strip();

        // The module at fault and, where the course has one, another module that must not notice.
        List<String> graded = new ArrayList<>(List.of(module));
        CourseModule.discover(CourseGrading.ROOT).stream().map(CourseModule::name)
                .filter(name -> !name.equals(module)).findFirst().ifPresent(graded::add);
        Main main = new Main();
        main.solutions = true;
        main.overlays = List.of(fixture);
        main.onlyModules = graded;
        main.timeLimitSeconds = 300;
        Results results = main.grade(CourseGrading.ROOT, CourseGrading.tempOut(fixture.getFileName().toString()));

        for (ModuleResult result : results.modules()) {
            if (!result.name().equals(module)) {
                assertThat(result.earned()).as("%s must keep full marks while %s fails", result.name(), module)
                        .isEqualTo(result.points());
                continue;
            }
            for (PartResult part : result.parts()) {
                assertThat(part.earned())
                        .as("%s: part %s should %s", fixture.getFileName(), part.id(), loses.contains(part.id()) ? "score 0" : "keep full marks")
                        .isEqualTo(loses.contains(part.id()) ? 0 : part.points());
            }
            if (!message.isEmpty()) {
                List<String> said = new ArrayList<>();
                if (result.problem() != null) {
                    said.add(result.problem());
                }
                result.tests().stream().filter(t -> loses.contains(t.part()) && t.earned() < t.points())
                        .map(TestResult::message).forEach(said::add);
                assertThat(said).as("what the grader says about %s", fixture.getFileName())
                        .anyMatch(text -> text.contains(message));
            }
        }
    }
}
