package course.grader.grading;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The libraries the exercises' tests need (JUnit, AssertJ, Awaitility, ArchUnit, ...) and the
 * runner, found on the grader's own class path: the grader's build puts them there.
 */
record ClassPath(List<Path> libraries, Path runner, Path java) {

    private static final List<String> GRADER_ONLY = List.of("picocli", "jackson-", "java-diff-utils");

    static ClassPath ofThisJvm() {
        String raw = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path runner;
        try {
            runner = Path.of(ClassPath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Path> libraries = new ArrayList<>();
        for (String entry : raw.split(File.pathSeparator)) {
            if (entry.isBlank() || !entry.endsWith(".jar")) {
                continue;
            }
            Path jar = Path.of(entry);
            String name = jar.getFileName().toString();
            if (GRADER_ONLY.stream().noneMatch(name::startsWith) && !jar.equals(runner)) {
                libraries.add(jar);
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        return new ClassPath(List.copyOf(libraries), runner, java);
    }

    /**
     * The child JVM's class path: the tests first (a class of the code under test can never stand
     * in for a test class of the same name), then the code under test, the libraries, the runner.
     */
    String runnerClassPath(Path classes, Path testClasses) {
        List<String> entries = new ArrayList<>(Arrays.asList(testClasses.toString(), classes.toString()));
        libraries.forEach(jar -> entries.add(jar.toString()));
        entries.add(runner.toString());
        return String.join(File.pathSeparator, entries);
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().contains("win");
    }
}
