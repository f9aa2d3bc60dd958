package course.grader.grading;

import course.grader.model.CourseModule;
import course.grader.model.Points;
import course.grader.model.Rubric;
import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import course.grader.report.Results.Status;
import course.grader.report.Results.TestResult;
import course.grader.report.Timeline;
import course.grader.runner.EventProtocol.Declared;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns a module's test outcomes into its parts' scores, and names every mistake in its rubric. */
final class Scoring {

    static final int MAX_MESSAGE = 16_000;

    private final CourseModule module;
    private final Set<String> hiddenClasses;
    private final TestCatalog catalog;
    private final Set<String> hiddenTexts;
    private final boolean withHidden;
    private final List<String> rubricErrors = new ArrayList<>();

    /**
     * {@code hiddenClasses}: the top-level class names of the module's hidden tests; {@code catalog}:
     * the tests' tags as compiled. Both come from the course, not from the test JVM.
     */
    Scoring(CourseModule module, TestBuilds.TestBuild tests, boolean withHidden) {
        this.module = module;
        this.hiddenClasses = tests.hiddenClasses();
        this.catalog = tests.catalog();
        this.hiddenTexts = tests.hiddenTexts();
        this.withHidden = withHidden;
    }

    ModuleResult score(TestJvm.Outcome run, double seconds) {
        // only tests the compiled tests have: a test the JVM names otherwise is not the course's
        List<TestResult> results = run.tests().stream().filter(test -> catalog.tags(test.className(), test.method()).isPresent())
                .map(test -> result(test, run)).toList();
        List<PartResult> parts = new ArrayList<>();
        for (Rubric.Part part : module.rubric().parts().values()) {
            List<TestResult> ofPart = results.stream().filter(t -> part.id().equals(t.part())).toList();
            double testPoints = ofPart.stream().mapToDouble(TestResult::points).sum();
            if (ofPart.isEmpty()) {
                rubricErrors.add("part " + part.id() + " (" + part.title() + ") has no tests");
            } else if (withHidden && module.hasHiddenTests() && Math.abs(testPoints - part.points()) > 1e-9) {
                rubricErrors.add("part " + part.id() + " declares " + Points.fmt(part.points()) + " points in rubric.properties"
                        + " but its tests carry " + Points.fmt(testPoints));
            }
            parts.add(new PartResult(part.id(), part.title(), part.points(), ofPart.stream().mapToDouble(TestResult::earned).sum()));
        }
        return new ModuleResult(module.name(), module.rubric().title(), parts, results,
                capped(HiddenTexts.blackOut(run.problem(), hiddenTexts)), List.copyOf(rubricErrors), seconds, null);
    }

    private TestResult result(Declared test, TestJvm.Outcome run) {
        Set<String> tags = catalog.tags(test.className(), test.method()).orElseThrow();
        String part = tagValue(tags, "part:");
        String where = test.className() + "." + test.method();
        if (part == null) {
            rubricErrors.add(where + " has no @Tag(\"part:X\"): its class needs one");
        } else if (!module.rubric().parts().containsKey(part)) {
            rubricErrors.add(where + " is tagged part:" + part + ", which rubric.properties does not declare");
        }
        Status status = run.status().getOrDefault(test.id(), Status.NOT_RUN);
        String message = run.messages().getOrDefault(test.id(), status == Status.NOT_RUN ? "not run" : "");
        boolean hidden = hiddenClasses.contains(test.className().split("\\$")[0]);
        return new TestResult(test.id(), test.className(), test.method(), test.displayName(), part, points(tags, where),
                hidden, status, capped(hidden ? message : HiddenTexts.blackOut(message, hiddenTexts)),
                status == Status.FAILED ? Timeline.parse(run.timelines().getOrDefault(test.id(), "")).orElse(null) : null);
    }

    private double points(Set<String> tags, String where) {
        String points = tagValue(tags, "points:");
        if (points == null) {
            rubricErrors.add(where + " has no @Tag(\"points:N\"): a graded test needs points");
            return 0;
        }
        try {
            return Double.parseDouble(points);
        } catch (NumberFormatException e) {
            rubricErrors.add(where + " has points:" + points + ", which is not a number");
            return 0;
        }
    }

    /** The outcome of a student's own tests (run, never scored). */
    static Results.OwnTests ownTests(TestJvm.Outcome run) {
        List<String> failing = run.tests().stream().filter(t -> run.status().get(t.id()) != Status.PASSED)
                .map(Declared::displayName).toList();
        return new Results.OwnTests(run.tests().size() - failing.size(), failing.size(), failing.stream().limit(3).toList(),
                run.problem());
    }

    /** A message as long as any teaching message needs; the rest (a huge exception text, say) is cut. */
    private static String capped(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE) + "\n[… " + (message.length() - MAX_MESSAGE) + " more characters cut]";
    }

    private static String tagValue(Set<String> tags, String prefix) {
        return tags.stream().filter(t -> t.startsWith(prefix)).map(t -> t.substring(prefix.length())).findFirst().orElse(null);
    }

    /** A module that could not be graded at all: every part scores 0, with the reason. */
    static ModuleResult notGraded(CourseModule module, String problem, double seconds) {
        List<PartResult> parts = module.rubric().parts().values().stream()
                .map(p -> new PartResult(p.id(), p.title(), p.points(), 0)).toList();
        return new ModuleResult(module.name(), module.rubric().title(), parts, List.of(), problem, List.of(), seconds, null);
    }
}
