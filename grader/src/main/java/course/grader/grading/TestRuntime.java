package course.grader.grading;

import course.grader.files.FileTree;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What a test JVM runs on: the JDK, the test libraries (JUnit, AssertJ, Awaitility, ArchUnit, ...)
 * and the runner's classes — copied into a folder of its own, so the test JVM's class path, and so
 * the code under test, never shows where the course or the grader are. The grader's build puts the
 * libraries on the grader's own class path; only the runner's package of the grader is copied.
 */
final class TestRuntime implements AutoCloseable {

    private static final List<String> GRADER_ONLY = List.of("picocli", "jackson-", "java-diff-utils");
    private static final String RUNNER_PACKAGE = "course/grader/runner/";

    private final Path dir;
    private final Path runner;
    private final List<Path> libraries;
    private final Path java;

    private TestRuntime(Path dir, Path runner, List<Path> libraries, Path java) {
        this.dir = dir;
        this.runner = runner;
        this.libraries = libraries;
        this.java = java;
    }

    /** Copies the runner and the libraries of this JVM's class path into a new temporary folder. */
    static TestRuntime ofThisJvm() {
        try {
            Path dir = Files.createTempDirectory("grader-runtime");
            Path grader = Path.of(TestRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path runner = dir.resolve("runner");
            copyRunner(grader, runner);
            List<Path> libraries = new ArrayList<>();
            String raw = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            for (String entry : raw.split(File.pathSeparator)) {
                Path jar = entry.isBlank() ? null : Path.of(entry);
                if (jar != null && entry.endsWith(".jar") && !jar.equals(grader)
                        && GRADER_ONLY.stream().noneMatch(jar.getFileName().toString()::startsWith)) {
                    Path copy = dir.resolve("lib").resolve(jar.getFileName());
                    FileTree.copy(jar, copy);
                    libraries.add(copy);
                }
            }
            String exe = System.getProperty("os.name", "").toLowerCase().contains("win") ? "java.exe" : "java";
            return new TestRuntime(dir, runner, List.copyOf(libraries), Path.of(System.getProperty("java.home"), "bin", exe));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the test JVMs' runtime", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The runner's package only, from the grader's jar or classes folder. */
    private static void copyRunner(Path grader, Path into) throws IOException {
        if (Files.isDirectory(grader)) {
            FileTree.copyTree(grader.resolve(RUNNER_PACKAGE), into.resolve(RUNNER_PACKAGE), relative -> true);
            return;
        }
        try (JarFile jar = new JarFile(grader.toFile())) {
            for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith(RUNNER_PACKAGE) && !e.isDirectory()).toList()) {
                Path to = into.resolve(entry.getName());
                Files.createDirectories(to.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, to);
                }
            }
        }
    }

    /** The folder the runtime is in (the sandbox shows it read-only). */
    Path dir() {
        return dir;
    }

    Path java() {
        return java;
    }

    /** The libraries, to compile the tests against. */
    List<Path> libraries() {
        return libraries;
    }

    /**
     * The test JVM's class path: the runner and the libraries first, then the tests, and the code
     * under test last, so that no class of the code under test can stand in for one of theirs.
     */
    String classPath(List<Path> testClasses, Path codeUnderTest) {
        List<String> entries = new ArrayList<>(List.of(runner.toString()));
        libraries.forEach(jar -> entries.add(jar.toString()));
        testClasses.forEach(tests -> entries.add(tests.toString()));
        entries.add(codeUnderTest.toString());
        return String.join(File.pathSeparator, entries);
    }

    @Override
    public void close() throws IOException {
        FileTree.deleteRecursively(dir);
    }
}
