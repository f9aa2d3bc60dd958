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

    /** A crash case graded as a submission: 0 on exactly its parts, full marks elsewhere, and the grader says why. */
    void checkCrash(VerifyCase c, Row row, String where) {
        if (row.results() == null) {
            log.record(c.id() + ": as a submission", false, "the batch could not grade it: " + row.notes() + " — see " + where);
            return;
        }
        List<String> wrong = new ArrayList<>();
        for (ModuleResult module : row.results().modules()) {
            if (!module.name().equals(c.module())) {
                if (module.earned() != module.points()) {
                    wrong.add(module.name() + " lost points while " + c.module() + " failed (failing: " + failing(module, null) + ")");
                }
                continue;
            }
            for (PartResult part : module.parts()) {
                boolean loses = c.loses().contains(part.id());
                if (loses ? part.earned() != 0 : !part.full()) {
                    wrong.add("part " + part.id() + " scored " + Points.fmt(part.earned()) + " (expected " + (loses ? "0" : "full marks") + ")");
                }
            }
            String message = c.fixture().message();
            if (!message.isEmpty() && !said(module, c.loses()).contains(message)) {
                wrong.add("the report does not say \"" + message + "\"");
            }
        }
        log.record(c.id() + ": as a submission, loses exactly " + new TreeSet<>(c.loses()) + ", stops nothing and says why",
                wrong.isEmpty(), String.join("; ", wrong) + " — see " + where);
    }

    /** What the grader said about a module: its problem, and the messages of the failing tests of {@code parts}. */
    private static String said(ModuleResult module, Set<String> parts) {
        StringBuilder said = new StringBuilder(module.problem() == null ? "" : module.problem());
        module.tests().stream().filter(t -> parts.contains(t.part()) && !t.passed()).forEach(t -> said.append('\n').append(t.message()));
        return said.toString();
    }

    /**
     * A known-wrong fixture graded many times loses exactly its parts every time; a race
     * ({@code race=true}) may slip through now and then, but is caught in at least 19 of 20.
     */
    void checkRepeats(VerifyCase c, List<Results> runs) {
        int caught = 0;
        int strayed = 0;
        Set<String> stray = new TreeSet<>();
        for (Results run : runs) {
            Set<String> lost = new TreeSet<>();
            run.modules().stream().filter(m -> m.name().equals(c.module()))
                    .forEach(m -> m.parts().stream().filter(p -> !p.full()).forEach(p -> lost.add(p.id())));
            caught += lost.containsAll(c.loses()) ? 1 : 0;
            if (!c.loses().containsAll(lost)) {
                strayed++;
                lost.stream().filter(p -> !c.loses().contains(p)).forEach(stray::add);
            }
        }
        int needed = c.fixture().race() ? (int) Math.ceil(0.95 * runs.size()) : runs.size();
        log.record(String.format("%s: in %d gradings lost %s %d times (needs %d) and another part %d times", c.id(), runs.size(),
                        new TreeSet<>(c.loses()), caught, needed, strayed), caught >= needed && strayed == 0,
                (strayed > 0 ? "also lost " + stray + " — a test of that part reacts to this mistake: make it check only its own part; " : "")
                        + (caught < needed ? "the mistake slipped through " + (runs.size() - caught) + " times — the tests of "
                        + new TreeSet<>(c.loses()) + " do not catch it reliably" : ""));
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
