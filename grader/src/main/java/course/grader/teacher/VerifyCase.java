package course.grader.teacher;

import course.grader.model.CourseModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A case of the assignment's verification: what is graded, and what it must score.
 *
 * @param modules the modules graded (empty: all); the first is the one a fixture or crash is about
 * @param fixture the known-wrong or crash fixture, or null for the solutions and the stubs
 */
record VerifyCase(String id, List<String> modules, List<Path> overlays, Kind kind, Fixture fixture) {

    enum Kind { SOLUTIONS, STUBS, FIXTURE, CRASH }

    /**
     * Solutions and stubs of {@code only} (empty: every module), and every checked known-wrong fixture
     * of those modules that {@code wanted} accepts (its sources made in {@code work}).
     */
    static List<VerifyCase> graded(Path root, Path work, List<String> only, Predicate<Fixture> wanted) throws IOException {
        List<VerifyCase> cases = new ArrayList<>();
        cases.add(new VerifyCase("solutions", only, List.of(), Kind.SOLUTIONS, null));
        cases.add(new VerifyCase("stubs", only, List.of(), Kind.STUBS, null));
        List<String> modules = moduleNames(root).stream().filter(m -> only.isEmpty() || only.contains(m)).toList();
        for (Fixture fixture : Fixture.knownWrong(root.resolve("grader/src/test/fixtures"))) {
            if (fixture.checked() && modules.contains(fixture.module()) && wanted.test(fixture)) {
                String id = fixture.module() + "--" + fixture.id();
                cases.add(new VerifyCase(id, List.of(fixture.module()), List.of(fixture.sources(root, work.resolve(id))),
                        Kind.FIXTURE, fixture));
            }
        }
        return cases;
    }

    /**
     * Submissions that do not compile, hang, exit, run out of memory or start threads without end:
     * graded as students' submissions in the batch, each with another module that must not notice
     * ({@code bystander}, or the first other module when the crash is in that one).
     */
    static List<VerifyCase> crashes(Path root, Path work, String bystander) throws IOException {
        List<String> modules = moduleNames(root);
        List<VerifyCase> cases = new ArrayList<>();
        for (Fixture f : Fixture.crashes(root.resolve("grader/src/test/crash-fixtures"))) {
            if (modules.contains(f.module())) {
                String id = "crash--" + f.id();
                List<String> graded = new ArrayList<>(List.of(f.module()));
                modules.stream().filter(m -> !m.equals(f.module())).sorted((a, b) -> Boolean.compare(!a.equals(bystander),
                        !b.equals(bystander))).findFirst().ifPresent(graded::add);
                cases.add(new VerifyCase(id, graded, List.of(f.sources(root, work.resolve(id))), Kind.CRASH, f));
            }
        }
        return cases;
    }

    private static List<String> moduleNames(Path root) throws IOException {
        return CourseModule.discover(root).stream().map(CourseModule::name).toList();
    }

    /** The module a fixture or crash is about; null for solutions and stubs. */
    String module() {
        return fixture == null ? null : modules.get(0);
    }

    /** The parts a known-wrong or crashing case must lose (and only those). */
    Set<String> loses() {
        return fixture == null ? Set.of() : fixture.loses();
    }

    /** The same case under another id (a repeat grading). */
    VerifyCase as(String otherId) {
        return new VerifyCase(otherId, modules, overlays, kind, fixture);
    }

    /** Where this case's modules are graded: the reference solution with the case's overlays, or the stubs. */
    boolean onSolutions() {
        return kind != Kind.STUBS;
    }
}
