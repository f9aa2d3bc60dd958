package course.grader;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.Results.ModuleResult;
import course.grader.Results.PartResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Each known-wrong submission kept under src/test/fixtures loses points on exactly the parts its
 * fixture.properties names, and keeps full marks everywhere else.
 */
@DisplayName("Known-wrong submissions lose exactly their expected parts")
class KnownWrongFixturesTest {

    static final Path FIXTURES = CourseGrading.ROOT.resolve("grader/src/test/fixtures");

    @TestFactory
    Stream<DynamicTest> everyFixtureLosesExactlyItsParts() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> modules = Files.list(FIXTURES)) {
            fixtures = modules.filter(Files::isDirectory)
                    .flatMap(module -> {
                        try {
                            return Files.list(module).filter(f -> Files.isRegularFile(f.resolve("fixture.properties")))
                                    .filter(KnownWrongFixturesTest::checked).toList().stream();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .sorted()
                    .toList();
        }
        return fixtures.stream().map(fixture -> DynamicTest.dynamicTest(
                fixture.getParent().getFileName() + "/" + fixture.getFileName(), () -> check(fixture)));
    }

    /** A fixture marked checked=false is kept for reference; its fixture.properties says why. */
    private static boolean checked(Path fixture) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(fixture.resolve("fixture.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return !"false".equals(p.getProperty("checked", "true").strip());
    }

    private static void check(Path fixture) throws IOException {
        Properties expected = new Properties();
        try (Reader in = Files.newBufferedReader(fixture.resolve("fixture.properties"))) {
            expected.load(in);
        }
        Set<String> loses = Arrays.stream(expected.getProperty("loses", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        String module = fixture.getParent().getFileName().toString();

        Results results = CourseGrading.grade(module, true, List.of(fixture),
                CourseGrading.tempOut(fixture.getFileName().toString()));

        ModuleResult graded = results.modules().get(0);
        assertThat(graded.rubricErrors()).as("rubric errors").isEmpty();
        assertThat(graded.problem()).as("the fixture %s should compile and run", fixture.getFileName()).isNull();
        for (PartResult part : graded.parts()) {
            if (loses.contains(part.id())) {
                assertThat(part.earned())
                        .as("%s (%s) should lose points on part %s", fixture.getFileName(), expected.getProperty("description"), part.id())
                        .isLessThan(part.points());
            } else {
                assertThat(part.earned())
                        .as("%s (%s) should keep full marks on part %s; failing there: %s", fixture.getFileName(),
                                expected.getProperty("description"), part.id(),
                                graded.tests().stream().filter(t -> part.id().equals(t.part()) && t.earned() < t.points())
                                        .map(t -> t.displayName() + " -> " + t.message().lines().findFirst().orElse("")).toList())
                        .isEqualTo(part.points());
            }
        }
    }
}
