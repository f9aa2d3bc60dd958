package course.grader.teacher;

import course.grader.model.CourseModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A case of the assignment's verification: what is graded, and what it must score.
 *
 * @param module the one module graded, or null for all
 * @param loses  the parts a known-wrong or crashing case must lose (and only those)
 */
record VerifyCase(String id, String module, List<Path> overlays, Set<String> loses, Kind kind) {

    enum Kind { SOLUTIONS, STUBS, FIXTURE, CRASH }

    /**
     * The crash fixtures also graded in verify's batch: one that does not compile and one that hangs.
     * (All of grader/src/test/crash-fixtures are graded by the grader's own tests.)
     */
    static final Set<String> BATCH_CRASHES = Set.of("compile-error", "infinite-loop");

    /**
     * Solutions and stubs of every module, and every checked known-wrong fixture under
     * grader/src/test/fixtures (its sources made in {@code work}).
     */
    static List<VerifyCase> graded(Path root, Path work) throws IOException {
        List<VerifyCase> cases = new ArrayList<>();
        cases.add(new VerifyCase("solutions", null, List.of(), Set.of(), Kind.SOLUTIONS));
        cases.add(new VerifyCase("stubs", null, List.of(), Set.of(), Kind.STUBS));
        Set<String> modules = moduleNames(root);
        for (Fixture fixture : Fixture.knownWrong(root.resolve("grader/src/test/fixtures"))) {
            if (fixture.checked() && modules.contains(fixture.module())) {
                String id = fixture.module() + "--" + fixture.id();
                cases.add(new VerifyCase(id, fixture.module(), List.of(fixture.sources(root, work.resolve(id))),
                        fixture.loses(), Kind.FIXTURE));
            }
        }
        return cases;
    }

    /** Submissions that do not compile or hang: graded only in the batch, where each must cost exactly its parts. */
    static List<VerifyCase> crashes(Path root, Path work) throws IOException {
        Set<String> modules = moduleNames(root);
        List<VerifyCase> cases = new ArrayList<>();
        for (Fixture f : Fixture.crashes(root.resolve("grader/src/test/crash-fixtures"))) {
            if (BATCH_CRASHES.contains(f.id()) && modules.contains(f.module())) {
                String id = "crash--" + f.id();
                cases.add(new VerifyCase(id, f.module(), List.of(f.sources(root, work.resolve(id))), f.loses(), Kind.CRASH));
            }
        }
        return cases;
    }

    private static Set<String> moduleNames(Path root) throws IOException {
        return CourseModule.discover(root).stream().map(CourseModule::name).collect(Collectors.toSet());
    }

    /** Where this case's modules are graded: the reference solution with the case's overlays, or the stubs. */
    boolean onSolutions() {
        return kind != Kind.STUBS;
    }
}
