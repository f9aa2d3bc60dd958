package course.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What students use but do not write (interfaces, simulated services, records, demos) is the
 * same in the exercise module and in the solutions, so the reference code is graded against
 * exactly what students have. A file without a "TODO:" is such a file.
 */
class InfrastructureIdenticalTest {

    static List<Path> infrastructureFiles() throws Exception {
        try (Stream<Path> modules = Files.list(CourseGrading.ROOT)) {
            return modules.filter(m -> Files.isRegularFile(m.resolve("rubric.properties")))
                    .map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(main -> {
                        try (Stream<Path> files = Files.walk(main)) {
                            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(f -> {
                        try {
                            return !Files.readString(f).contains("TODO:");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infrastructureFiles")
    void sameInSolutions(Path file) throws Exception {
        Path main = file;
        while (!main.getFileName().toString().equals("java")) {
            main = main.getParent();
        }
        Path inSolutions = CourseGrading.ROOT.resolve("solutions/src/main/java").resolve(main.relativize(file));
        assertThat(inSolutions).as("every given (non-TODO) file has its twin in solutions").exists();
        assertThat(Files.readString(inSolutions))
                .as("%s differs from its copy in solutions: given files must be identical", CourseGrading.ROOT.relativize(file))
                .isEqualTo(Files.readString(file));
    }
}
