package course.grader.teacher;

import course.grader.model.Points;
import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import course.grader.report.Results.TestResult;
import course.grader.teacher.Gradebook.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What each verification case must score, checked and recorded in the {@link VerifyLog}. */
final class CaseChecks {

    private final VerifyLog log;

    CaseChecks(VerifyLog log) {
        this.log = log;
    }

    /** Solutions full marks, stubs zero, a fixture loses exactly its parts. */
    void check(VerifyCase c, Results results) {
        for (ModuleResult module : results.modules()) {
            String where = c.id() + (c.module() == null ? " " + module.name() : "");
            if (!module.rubricErrors().isEmpty()) {
                log.record(where + ": rubric", false, "rubric errors: " + module.rubricErrors()
                        + " — fix rubric.properties or the tags (docs/AUTHORING.md)");
            } else if (module.problem() != null) {
                log.record(where + ": graded normally", false, "saw: " + module.problem().lines().findFirst().orElse("")
                        + "; expected the code to compile and the tests to run");
            } else {
                checkScore(c, where, module);
            }
        }
    }

    private void checkScore(VerifyCase c, String where, ModuleResult module) {
        switch (c.kind()) {
            case SOLUTIONS -> log.record(where + ": full marks (" + Points.fmt(module.points()) + ")",
                    module.earned() == module.points(), "saw " + Points.fmt(module.earned()) + "; failing: "
                            + failing(module, null) + " — the reference solution or these tests are wrong");
            case STUBS -> log.record(where + ": zero", module.earned() == 0 && !module.tests().isEmpty(),
                    module.tests().isEmpty() ? "no test ran" : "saw " + Points.fmt(module.earned()) + "; passing on the stubs: "
                            + module.tests().stream().filter(t -> t.earned() > 0).map(TestResult::displayName).toList()
                            + " — make those stubs throw their TODO, or the tests check more");
            default -> {
                List<String> wrong = new ArrayList<>();
                for (PartResult part : module.parts()) {
                    boolean shouldLose = c.loses().contains(part.id());
                    if (shouldLose && part.full()) {
                        wrong.add("part " + part.id() + " kept full marks (expected a loss: no test catches this mistake)");
                    } else if (!shouldLose && !part.full()) {
                        wrong.add("part " + part.id() + " lost points (expected full marks; failing: " + failing(module, part.id()) + ")");
                    }
                }
                log.record(where + ": loses exactly " + new TreeSet<>(c.loses()), wrong.isEmpty(), String.join("; ", wrong)
                        + " — fix the tests or the fixture's loses= in fixture.properties");
            }
        }
    }

    /**
     * The batch's trusted grading of the same case must agree with the first run: test by test for
     * right code (solutions), the stubs and crashes; the same lost parts for a known-wrong fixture
     * (wrong concurrent code may fail a different mix of tests from run to run: a race is a race).
     */
    void compareRepeat(VerifyCase c, Results first, Row row) {
        if (row.results() == null) {
            log.record(c.id() + ": repeat run", false, "the batch could not grade it: " + row.notes());
            return;
        }
        Results again = row.results();
        if (c.kind() == VerifyCase.Kind.FIXTURE) {
            compareLostParts(c, first, again);
            return;
        }
        Map<String, String> before = statuses(first, c.module());
        Map<String, String> after = statuses(again, c.module());
        List<String> differ = before.keySet().stream().filter(test -> !before.get(test).equals(after.get(test)))
                .map(test -> test + ": " + before.get(test) + " then " + after.get(test)).toList();
        double expected = first.earned();
        double seen = c.module() == null ? row.total() : row.modules().getOrDefault(c.module(), -1.0);
        log.record(c.id() + ": repeat run gives " + Points.fmt(expected) + " again, test by test",
                differ.isEmpty() && expected == seen && !after.isEmpty(),
                "first run " + Points.fmt(expected) + ", repeat " + Points.fmt(seen) + "; tests that differ: " + differ
                        + " — a flaky test (timing? shared state?) must be made deterministic (docs/AUTHORING.md)");
    }

    private void compareLostParts(VerifyCase c, Results first, Results again) {
        Set<String> lostBefore = lostParts(first, c.module());
        Set<String> lostAfter = lostParts(again, c.module());
        boolean ran = !statuses(again, c.module()).isEmpty();
        if (!lostBefore.equals(lostAfter) && ran) {
            // Reported, not failed: the fixture check already holds the contract on the first run; a
            // drift on the repeat (wrong concurrent code on a busier machine) is a lead, not a wrong grade of right code.
            log.warn(c.id() + ": repeat run lost " + lostAfter + ", first run lost " + lostBefore + " — a test of another part"
                    + " reacts to this mistake on a busy machine: make it check only its own part (docs/AUTHORING.md)");
            return;
        }
        log.record(c.id() + ": repeat run loses the same parts " + lostBefore, ran,
                "the repeat run ran no test of " + c.module() + " — see its report in the batch");
    }

    /** A crash case in the batch: scores the module's points but the parts it loses, and stops nothing. */
    void checkCrash(VerifyCase c, double modulePointsKept, Row row, String where) {
        double seen = row.modules().getOrDefault(c.module(), -1.0);
        log.record(c.id() + ": in the batch, scores " + Points.fmt(modulePointsKept) + " (loses " + new TreeSet<>(c.loses())
                        + ") and stops nothing", row.results() != null && seen == modulePointsKept,
                "saw " + Points.fmt(seen) + " (" + row.notes() + "); expected " + Points.fmt(modulePointsKept) + " — see " + where);
    }

    private static Map<String, String> statuses(Results results, String module) {
        Map<String, String> statuses = new TreeMap<>();
        for (ModuleResult m : results.modules()) {
            if (module == null || m.name().equals(module)) {
                m.tests().forEach(t -> statuses.put(m.name() + " " + t.className() + "." + t.method(), t.status().name()));
            }
        }
        return statuses;
    }

    private static Set<String> lostParts(Results results, String module) {
        Set<String> lost = new TreeSet<>();
        for (ModuleResult m : results.modules()) {
            if (module == null || m.name().equals(module)) {
                m.parts().stream().filter(p -> !p.full()).forEach(p -> lost.add(m.name() + " " + p.id()));
            }
        }
        return lost;
    }

    private static String failing(ModuleResult module, String part) {
        return module.tests().stream().filter(t -> t.earned() < t.points() && (part == null || part.equals(t.part())))
                .map(t -> t.displayName() + " -> " + t.message().lines().findFirst().orElse("")).toList().toString();
    }
}
