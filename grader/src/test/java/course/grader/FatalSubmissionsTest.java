package course.grader;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.model.CourseModule;
import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import course.grader.report.Results.TestResult;
import course.grader.teacher.Fixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Smoke test: a submission that does not compile, or that calls System.exit, is graded in full,
 * the part at fault scores zero with a message saying why, and every other part and module keeps
 * its score. {@code ./grade verify} grades every crash fixture (loops, deadlocks, out of memory,
 * endless threads too) as a student's submission.
 */
@DisplayName("Fatal submissions cost only their own part (smoke test)")
class FatalSubmissionsTest {

    static final Path FIXTURES = CourseGrading.ROOT.resolve("grader/src/test/crash-fixtures");
    static final Set<String> SMOKE = Set.of("compile-error", "main-uses-a-test-library", "system-exit");

    @TestFactory
    Stream<DynamicTest> smokeCrashesCostOnlyTheirPart() throws IOException {
        return Fixture.crashes(FIXTURES).stream().filter(f -> SMOKE.contains(f.id()))
                .map(fixture -> DynamicTest.dynamicTest(fixture.id(), () -> check(fixture)));
    }

    private static void check(Fixture fixture) throws Exception {
        // The module at fault and, where the course has one, another module that must not notice.
        List<String> graded = new ArrayList<>(List.of(fixture.module()));
        CourseModule.discover(CourseGrading.ROOT).stream().map(CourseModule::name)
                .filter(name -> !name.equals(fixture.module())).findFirst().ifPresent(graded::add);
        Path out = CourseGrading.tempOut(fixture.id());
        Path sources = fixture.sources(CourseGrading.ROOT, out.resolve("sources"));
        // the static gate would refuse some of these before they run: this proves the layers below it
        Results results = CourseGrading.grade(CourseGrading.request(out).withSolutions(true).withOverlays(List.of(sources))
                .withModules(graded).withStaticGate(false));

        for (ModuleResult result : results.modules()) {
            if (!result.name().equals(fixture.module())) {
                assertThat(result.earned()).as("%s must keep full marks while %s fails", result.name(), fixture.module())
                        .isEqualTo(result.points());
                continue;
            }
            for (PartResult part : result.parts()) {
                boolean loses = fixture.loses().contains(part.id());
                assertThat(part.earned()).as("%s: part %s should %s", fixture.id(), part.id(), loses ? "score 0" : "keep full marks")
                        .isEqualTo(loses ? 0 : part.points());
            }
            if (!fixture.message().isEmpty()) {
                List<String> said = new ArrayList<>();
                if (result.problem() != null) {
                    said.add(result.problem());
                }
                result.tests().stream().filter(t -> fixture.loses().contains(t.part()) && t.earned() < t.points())
                        .map(TestResult::message).forEach(said::add);
                assertThat(said).as("what the grader says about %s", fixture.id()).anyMatch(text -> text.contains(fixture.message()));
            }
        }
    }
}
