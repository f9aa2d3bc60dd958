package course.grader;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import course.grader.teacher.Fixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Smoke test: a known-wrong submission loses points on exactly the parts its fixture.properties
 * names, and keeps full marks everywhere else. Two quick, deterministic fixtures of two modules here;
 * {@code ./grade verify} grades every fixture (once each in CI; {@code --repeat N} for more).
 */
@DisplayName("Known-wrong submissions lose exactly their expected parts (smoke test)")
class KnownWrongFixturesTest {

    static final Path FIXTURES = CourseGrading.ROOT.resolve("grader/src/test/fixtures");
    static final Set<String> SMOKE = Set.of("exercise-01-async-fetch/rate-limiter-burst",
            "exercise-03-cpu-parallel/common-pool-parallel-stream");

    @TestFactory
    Stream<DynamicTest> smokeFixturesLoseExactlyTheirParts() throws IOException {
        return Fixture.knownWrong(FIXTURES).stream().filter(f -> SMOKE.contains(f.toString()))
                .map(fixture -> DynamicTest.dynamicTest(fixture.toString(), () -> check(fixture)));
    }

    private static void check(Fixture fixture) throws IOException {
        Path out = CourseGrading.tempOut(fixture.id());
        Path sources = fixture.sources(CourseGrading.ROOT, out.resolve("sources"));
        Results results = CourseGrading.grade(fixture.module(), true, List.of(sources), out);

        ModuleResult graded = results.modules().get(0);
        assertThat(graded.rubricErrors()).as("rubric errors").isEmpty();
        assertThat(graded.problem()).as("the fixture %s should compile and run", fixture).isNull();
        for (PartResult part : graded.parts()) {
            if (fixture.loses().contains(part.id())) {
                assertThat(part.earned())
                        .as("%s (%s) should lose points on part %s", fixture, fixture.description(), part.id())
                        .isLessThan(part.points());
            } else {
                assertThat(part.earned())
                        .as("%s (%s) should keep full marks on part %s; failing there: %s", fixture, fixture.description(), part.id(),
                                graded.tests().stream().filter(t -> part.id().equals(t.part()) && t.earned() < t.points())
                                        .map(t -> t.displayName() + " -> " + t.message().lines().findFirst().orElse("")).toList())
                        .isEqualTo(part.points());
            }
        }
    }
}
