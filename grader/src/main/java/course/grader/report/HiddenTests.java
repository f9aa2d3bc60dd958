package course.grader.report;

import course.grader.model.Points;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.TestResult;
import java.util.concurrent.atomic.AtomicInteger;

/** What the student view says of hidden tests: a count and points, never a name or an output. */
public final class HiddenTests {

    private HiddenTests() {
    }

    /** A message in the student view is at most this long. */
    static final int STUDENT_MESSAGE = 4_000;

    /**
     * The student view of the results: every hidden test's name, class and output replaced by
     * "hidden test N", and the other messages cut to {@value #STUDENT_MESSAGE} characters.
     */
    public static Results redacted(Results results) {
        return results.withModules(results.modules().stream().map(HiddenTests::redacted).toList());
    }

    private static ModuleResult redacted(ModuleResult module) {
        AtomicInteger n = new AtomicInteger();
        return new ModuleResult(module.name(), module.title(), module.parts(), module.tests().stream()
                .map(t -> t.hidden() ? anonymous(t, n.incrementAndGet()) : shortened(t)).toList(),
                module.problem(), module.rubricErrors(), module.seconds(), module.ownTests());
    }

    private static TestResult shortened(TestResult t) {
        return t.message().length() <= STUDENT_MESSAGE ? t : new TestResult(t.id(), t.className(), t.method(), t.displayName(),
                t.part(), t.points(), false, t.status(), t.message().substring(0, STUDENT_MESSAGE) + "\n[… cut]", t.timeline());
    }

    private static TestResult anonymous(TestResult test, int n) {
        return new TestResult("hidden-" + n, "hidden", "hidden", "hidden test " + n, test.part(), test.points(), true,
                test.status(), "", null);
    }

    /** How many hidden tests a module has, their points and what they earned. */
    record Tally(long count, double points, double earned) {
        static Tally of(ModuleResult module) {
            var hidden = module.tests().stream().filter(TestResult::hidden).toList();
            return new Tally(hidden.size(), hidden.stream().mapToDouble(TestResult::points).sum(),
                    hidden.stream().mapToDouble(TestResult::earned).sum());
        }
    }

    /**
     * Where the hidden tests were not run (a student's copy), the points only they can earn; else null.
     * Without this a student's copy would show, say, 62 / 100 at best with no reason given.
     */
    static String absentLine(ModuleResult module) {
        if (module.tests().isEmpty() || module.tests().stream().anyMatch(TestResult::hidden)) {
            return null;
        }
        double missing = module.points() - module.tests().stream().mapToDouble(TestResult::points).sum();
        return missing > 1e-9 ? Points.fmt(missing) + " of the " + Points.fmt(module.points())
                + " points are for hidden tests your teacher runs; this run had only the visible tests" : null;
    }
}
