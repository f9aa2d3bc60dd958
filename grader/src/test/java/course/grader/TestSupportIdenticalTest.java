package course.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test support every module shares (waiting with a teaching message, recording a timeline of
 * what the fakes saw) is one file per module, the same apart from its package line: a fix made in
 * one module must reach them all.
 */
@DisplayName("The shared test support is the same file in every exercise module")
class TestSupportIdenticalTest {

    private static final List<String> SHARED = List.of("Waits.java", "Timeline.java", "TimelineExtension.java");

    static Stream<Arguments> copies() throws IOException {
        List<Path> testFolders;
        try (Stream<Path> modules = Files.list(CourseGrading.ROOT)) {
            testFolders = modules.filter(m -> Files.isRegularFile(m.resolve("rubric.properties")))
                    .map(m -> m.resolve("src/test/java")).sorted().toList();
        }
        return SHARED.stream().flatMap(name -> testFolders.stream().map(folder -> Arguments.of(name, folder)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("copies")
    @DisplayName("each module has the file, equal to exercise-01's apart from the package line")
    void sameAsExerciseOne(String name, Path testFolder) throws IOException {
        Path reference = find(CourseGrading.ROOT.resolve("exercise-01-async-fetch/src/test/java"), name);
        Path copy = find(testFolder, name);
        assertThat(copy).as("%s in %s: every exercise module's tests need the shared file (copy it from %s)",
                name, CourseGrading.ROOT.relativize(testFolder), CourseGrading.ROOT.relativize(reference)).isNotNull();
        assertThat(withoutPackageLine(copy))
                .as("%s differs from %s apart from the package line: change every copy the same way",
                        CourseGrading.ROOT.relativize(copy), CourseGrading.ROOT.relativize(reference))
                .isEqualTo(withoutPackageLine(reference));
    }

    private static Path find(Path folder, String name) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().equals(name)).findFirst().orElse(null);
        }
    }

    private static String withoutPackageLine(Path file) {
        try {
            return Files.readString(file).replaceFirst("(?m)^package [\\w.]+;\\R", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
