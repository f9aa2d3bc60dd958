package course.grader.grading;

import course.grader.files.FileTree;
import course.grader.model.CourseModule;
import course.grader.model.CourseModule.Folder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Each module's tests, compiled once and shared by every grading that uses them (a verification
 * grades dozens of fixtures against the same tests, a batch a whole class). Tests are compiled
 * against the module's own code — the stubs in a master copy, the API students are given — so a
 * submission that changed a signature fails only the tests that call it.
 */
final class TestBuilds implements AutoCloseable {

    /**
     * The compiled tests of one module; {@code errors}: the compiler's, when they do not compile;
     * {@code hiddenClasses} from the hidden-test sources and {@code catalog} from the compiled
     * classes, both known before any test runs.
     */
    record TestBuild(Path classes, List<String> errors, Set<String> hiddenClasses, TestCatalog catalog,
                     Set<String> hiddenTexts, OwnTestBuild own) {
    }

    /** A student's own tests (the test files of their copy that are not the course's), compiled, or why not; null when none. */
    record OwnTestBuild(Path classes, List<String> errors) {
    }

    private record Key(Path module, boolean hidden) {
    }

    private final TestRuntime runtime;
    private final Path dir;
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    private final Map<Key, TestBuild> builds = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    TestBuilds(TestRuntime runtime) {
        this.runtime = runtime;
        try {
            this.dir = Files.createTempDirectory("grader-tests");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the compiled tests", e);
        }
    }

    /**
     * The tests of {@code module} (with its hidden tests when {@code hidden}), compiled on first use.
     * {@code api}: the module's own code already compiled, or null to compile it here.
     */
    TestBuild of(CourseModule module, boolean hidden, Path api) throws IOException {
        Key key = new Key(module.dir().toAbsolutePath().normalize(), hidden);
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            TestBuild build = builds.get(key);
            if (build == null) {
                build = compile(module, hidden, api, dir.resolve(String.valueOf(count.incrementAndGet())));
                builds.put(key, build);
            }
            return build;
        }
    }

    private TestBuild compile(CourseModule module, boolean hidden, Path api, Path into) throws IOException {
        Set<String> hiddenClasses = hidden ? Set.copyOf(module.hiddenTestClasses()) : Set.of();
        if (api == null) {
            api = into.resolve("api");
            List<String> errors = JavaCompilation.compile(new SourceSet().overlay(module.folder(Folder.MAIN_JAVA), "").javaFiles(),
                    List.of(), api, module.dir().getParent()); // main code: the JDK alone, as in ModuleGrader
            if (!errors.isEmpty()) {
                return new TestBuild(null, errors, hiddenClasses, null, Set.of(), null);
            }
        }
        Optional<Set<String>> course = module.courseTestFiles();
        Predicate<String> courseTest = relative -> course.map(files -> files.contains("src/test/java/" + relative)).orElse(true);
        SourceSet tests = new SourceSet().overlay(module.folder(Folder.TEST_JAVA), "").overlay(module.folder(Folder.TEST_RESOURCES), "")
                .retainJava(courseTest);
        if (hidden) {
            tests.overlay(module.folder(Folder.HIDDEN_TEST_JAVA), "").overlay(module.folder(Folder.HIDDEN_TEST_RESOURCES), "");
        }
        Path classes = into.resolve("test-classes"); // ArchUnit recognises this name as tests
        List<Path> compileClassPath = new ArrayList<>(runtime.libraries());
        compileClassPath.add(0, api);
        List<String> errors = JavaCompilation.compile(tests.javaFiles(), compileClassPath, classes, module.dir().getParent());
        if (!errors.isEmpty()) {
            return new TestBuild(null, errors, hiddenClasses, null, Set.of(), null);
        }
        tests.copyResourcesTo(classes);
        TestCatalog catalog = TestCatalog.read(classes);
        SourceSet own = new SourceSet().overlay(module.folder(Folder.TEST_JAVA), "").retainJava(courseTest.negate());
        return new TestBuild(classes, errors, hiddenClasses, catalog, HiddenTexts.of(module, hiddenClasses, catalog),
                own.isEmpty() ? null : compileOwn(own, api, classes, into, module));
    }

    /** The student's own tests, compiled against their code, the course's tests (their fakes) and the libraries. */
    private OwnTestBuild compileOwn(SourceSet own, Path api, Path courseTests, Path into, CourseModule module) throws IOException {
        Path classes = into.resolve("own-test-classes");
        List<Path> compileClassPath = new ArrayList<>(List.of(api, courseTests));
        compileClassPath.addAll(runtime.libraries());
        List<String> errors = JavaCompilation.compile(own.javaFiles(), compileClassPath, classes, module.dir().getParent());
        return new OwnTestBuild(errors.isEmpty() ? classes : null, errors);
    }

    @Override
    public void close() throws IOException {
        FileTree.deleteRecursively(dir);
    }
}
