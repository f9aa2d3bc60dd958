package course.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "never block" ArchUnit rules of all exercises refuse the same calls: the list lives in a
 * {@code BlockingCalls} class in the test folders of each module that has such a rule, and every
 * copy is the same file apart from its package line.
 */
@DisplayName("The blocking-call list of the 'never block' rules is the same in every module")
class BlockingCallListIdenticalTest {

    private static final String FILE_NAME = "BlockingCalls.java";

    /** The test source files of every exercise module (visible and hidden). */
    static List<Path> testSources() throws IOException {
        try (Stream<Path> modules = Files.list(CourseGrading.ROOT)) {
            return modules.filter(m -> Files.isRegularFile(m.resolve("rubric.properties")))
                    .flatMap(m -> Stream.of(m.resolve("src/test/java"), m.resolve("src/hidden-test/java")))
                    .filter(Files::isDirectory)
                    .flatMap(BlockingCallListIdenticalTest::javaFiles)
                    .sorted()
                    .toList();
        }
    }

    static List<Path> copies() throws IOException {
        return testSources().stream().filter(f -> f.getFileName().toString().equals(FILE_NAME)).toList();
    }

    /** Test sources that define a "never block" rule: an ArchUnit rule on the accessed targets. */
    static List<Path> rules() throws IOException {
        return testSources().stream().filter(f -> read(f).contains(".accessTargetWhere(")).toList();
    }

    @Test
    @DisplayName("there is a copy in exercise-01 and in the mini-challenge at least")
    void copiesExist() throws IOException {
        assertThat(copies().stream().map(f -> CourseGrading.ROOT.relativize(f).getName(0).toString()))
                .as("modules whose tests have a %s", FILE_NAME)
                .contains("exercise-01-async-fetch", "mini-challenge");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copies")
    @DisplayName("each copy is the first one apart from its package line")
    void sameAsTheFirstCopy(Path copy) throws IOException {
        Path first = copies().getFirst();
        assertThat(withoutPackageLine(copy))
                .as("%s differs from %s apart from the package line: the blocking-call list must be the same in "
                        + "every module (change every copy)", CourseGrading.ROOT.relativize(copy),
                        CourseGrading.ROOT.relativize(first))
                .isEqualTo(withoutPackageLine(first));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    @DisplayName("each 'never block' rule takes its list from BlockingCalls in its own module")
    void everyRuleUsesTheSharedList(Path rule) throws IOException {
        Path module = CourseGrading.ROOT.resolve(CourseGrading.ROOT.relativize(rule).getName(0));
        assertThat(read(rule))
                .as("%s has an ArchUnit rule on accessed targets but does not use BlockingCalls.A_BLOCKING_CALL",
                        CourseGrading.ROOT.relativize(rule))
                .contains("BlockingCalls.A_BLOCKING_CALL");
        assertThat(copies()).as("copies of %s; %s needs one in its test folder", FILE_NAME, module.getFileName())
                .anyMatch(copy -> copy.startsWith(module));
    }

    private static String withoutPackageLine(Path file) {
        return read(file).replaceFirst("(?m)^package [\\w.]+;\\R", "");
    }

    private static Stream<Path> javaFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
