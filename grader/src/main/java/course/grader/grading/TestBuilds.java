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
                     Set<String> hiddenTexts) {
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
                    runtime.libraries(), api, module.dir().getParent());
            if (!errors.isEmpty()) {
                return new TestBuild(null, errors, hiddenClasses, null, Set.of());
            }
        }
        SourceSet tests = new SourceSet().overlay(module.folder(Folder.TEST_JAVA), "").overlay(module.folder(Folder.TEST_RESOURCES), "");
        if (hidden) {
            tests.overlay(module.folder(Folder.HIDDEN_TEST_JAVA), "").overlay(module.folder(Folder.HIDDEN_TEST_RESOURCES), "");
        }
        Path classes = into.resolve("test-classes"); // ArchUnit recognises this name as tests
        List<Path> compileClassPath = new ArrayList<>(runtime.libraries());
        compileClassPath.add(0, api);
        List<String> errors = JavaCompilation.compile(tests.javaFiles(), compileClassPath, classes, module.dir().getParent());
        if (!errors.isEmpty()) {
            return new TestBuild(null, errors, hiddenClasses, null, Set.of());
        }
        tests.copyResourcesTo(classes);
        TestCatalog catalog = TestCatalog.read(classes);
        return new TestBuild(classes, errors, hiddenClasses, catalog, HiddenTexts.of(module, hiddenClasses, catalog));
    }

    @Override
    public void close() throws IOException {
        FileTree.deleteRecursively(dir);
    }
}
