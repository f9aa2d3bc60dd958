package course.grader.grading;

import course.grader.files.FileTree;
import course.grader.model.CourseModule;
import course.grader.model.CourseModule.Folder;
import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Grades one exercise module: compiles the chosen main sources, takes the module's compiled tests,
 * runs them in a child JVM and scores them.
 */
final class ModuleGrader {

    private final TestRuntime runtime;
    private final Sandbox sandbox;
    private final TestBuilds testBuilds;
    private final Duration timeLimit;
    private final boolean withHidden;
    /** Texts of source files the static gate trusts as they are (the teacher's), or null: no static gate. */
    private final Set<String> trustedSources;

    ModuleGrader(TestRuntime runtime, Sandbox sandbox, TestBuilds testBuilds, Duration timeLimit, boolean withHidden,
                 Set<String> trustedSources) {
        this.runtime = runtime;
        this.sandbox = sandbox;
        this.testBuilds = testBuilds;
        this.timeLimit = timeLimit;
        this.withHidden = withHidden;
        this.trustedSources = trustedSources;
    }

    /** Grades {@code main} with the tests and rubric of {@code module}; {@code work} is emptied first. */
    ModuleResult grade(CourseModule module, SourceSet main, Path work) throws IOException {
        long start = System.nanoTime();
        FileTree.deleteRecursively(work);
        Files.createDirectories(work);
        Path classes = work.resolve("classes");
        // Against the JDK alone, as Maven compiles it: the test libraries are test-scoped, never the main code's.
        List<String> errors = JavaCompilation.compile(main.javaFiles(), List.of(), classes, module.dir().getParent());
        if (!errors.isEmpty()) {
            return Scoring.notGraded(module, "does not compile, so every test scores 0. The compiler says:\n"
                    + String.join("\n", errors) + testLibraryHint(errors), seconds(start));
        }
        String refused = CodeGate.outsidePackage(classes, module);
        if (refused == null && trustedSources != null) {
            refused = CodeGate.check(classes, unchanged(main, trustedSources), module.rubric().gateAllowed());
        }
        if (refused != null) {
            return Scoring.notGraded(module, refused, seconds(start));
        }
        main.copyResourcesTo(classes);
        boolean mainIsApi = new SourceSet().overlay(module.folder(Folder.MAIN_JAVA), "").javaFiles().equals(main.javaFiles());
        TestBuilds.TestBuild tests = testBuilds.of(module, withHidden, mainIsApi ? classes : null);
        if (!tests.errors().isEmpty()) {
            return Scoring.notGraded(module, "the tests do not compile against this code (was a class, method or"
                    + " signature the tests use renamed or changed?), so every test scores 0. The compiler says:\n"
                    + String.join("\n", tests.errors()), seconds(start));
        }
        TestJvm jvm = new TestJvm(runtime, sandbox, work, timeLimit);
        ModuleResult result = new Scoring(module, tests, withHidden).score(jvm.run(classes, tests.classes()), seconds(start));
        return tests.own() == null ? result : withOwnTests(result, tests.own(), jvm, classes, tests.classes());
    }

    /** The student's own tests run too, after the course's, and are reported apart: they never count. */
    private static ModuleResult withOwnTests(ModuleResult result, TestBuilds.OwnTestBuild own, TestJvm jvm, Path classes,
                                             Path courseTests) throws IOException {
        Results.OwnTests outcome = own.classes() == null
                ? new Results.OwnTests(0, 0, List.of(), "your own tests do not compile:\n" + String.join("\n", own.errors()))
                : Scoring.ownTests(jvm.run(classes, own.classes(), List.of(courseTests), "own-tests-scratch"));
        return new ModuleResult(result.name(), result.title(), result.parts(), result.tests(), result.problem(),
                result.rubricErrors(), result.seconds(), outcome);
    }

    /** What an error about a missing test library's package usually means, or nothing. */
    private static String testLibraryHint(List<String> errors) {
        boolean testLibrary = errors.stream().anyMatch(e -> e.matches(".*package (org\\.junit|org\\.assertj|org\\.awaitility"
                + "|com\\.tngtech\\.archunit|org\\.hamcrest|org\\.opentest4j|org\\.apiguardian|org\\.slf4j)\\S* does not exist.*"));
        return testLibrary ? "\nJUnit, AssertJ, Awaitility, ArchUnit and the libraries they bring are for the tests: main code"
                + " compiles against the JDK alone, as in Maven's build (did your IDE add an import to src/main/java?)" : "";
    }

    /** The names of the files of {@code main} whose text is one the gate trusts (the teacher's, unchanged). */
    private static Set<String> unchanged(SourceSet main, Set<String> trustedSources) throws IOException {
        Set<String> unchanged = new HashSet<>();
        for (Path file : main.javaFiles()) {
            if (trustedSources.contains(Files.readString(file).replace("\r\n", "\n"))) {
                unchanged.add(file.getFileName().toString());
            }
        }
        return unchanged;
    }

    static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }
}
