package course.grader.report;

import course.grader.model.Points;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import course.grader.report.Results.TestResult;
import java.util.List;

/** The console's score table (also {@code scores.txt}). */
public final class ScoreTable {

    private static final int MAX_FAILURES_SHOWN = 8;

    private ScoreTable() {
    }

    /** {@code teacher}: hidden tests are listed by name; otherwise only counted. */
    public static String render(Results results, boolean teacher, boolean colour) {
        StringBuilder out = new StringBuilder();
        for (ModuleResult module : results.modules()) {
            out.append('\n').append(bold(module.name() + " — " + module.title(), colour)).append('\n');
            for (PartResult part : module.parts()) {
                out.append(String.format("  %-3s %-42s %s%n", part.id() + ".", part.title(),
                        score(part.earned(), part.points(), colour)));
            }
            out.append(String.format("  %-46s %s%n", "total", score(module.earned(), module.points(), colour)));
            if (module.problem() != null) {
                out.append(Text.indent("! " + module.problem(), "  ")).append('\n');
            }
            module.rubricErrors().forEach(error -> out.append("  RUBRIC ERROR: ").append(error).append('\n'));
            failures(out, module, teacher);
            String absent = HiddenTests.absentLine(module);
            if (absent != null) {
                out.append("  ").append(absent).append('\n');
            }
            if (module.ownTests() != null) {
                out.append("  ").append(ownTests(module.ownTests())).append('\n');
            }
            HiddenTests.Tally hidden = HiddenTests.Tally.of(module);
            if (hidden.count() > 0 && !teacher) {
                out.append(String.format("  hidden tests: %d (%s points), their details are shown to your teacher only%n",
                        hidden.count(), Points.fmt(hidden.points())));
            }
        }
        out.append(NotUsed.render(results, ""));
        out.append(String.format("%n%s %s   (%.1f s)%n", bold("TOTAL", colour),
                score(results.earned(), results.points(), colour), results.seconds()));
        out.append("Tests ran in isolation: ").append(results.isolation()).append('\n');
        return out.toString();
    }

    private static void failures(StringBuilder out, ModuleResult module, boolean teacher) {
        List<TestResult> failed = module.tests().stream().filter(t -> !t.passed() && (teacher || !t.hidden())).toList();
        if (!failed.isEmpty() && module.earned() == 0 && failed.stream().allMatch(t -> Text.firstLine(t.message()).contains("TODO"))) {
            out.append("  not started: its ").append(failed.size()).append(" tests fail with their TODO messages\n");
            return;
        }
        for (int i = 0; i < failed.size(); i++) {
            if (i == MAX_FAILURES_SHOWN) {
                out.append("  ... and ").append(failed.size() - MAX_FAILURES_SHOWN)
                        .append(" more failing tests: see summary.md in the reports folder\n");
                return;
            }
            TestResult test = failed.get(i);
            out.append("  ✗ ").append(test.hidden() ? "[hidden] " : "").append(test.part()).append(": ")
                    .append(test.displayName()).append('\n');
            String firstLine = Text.firstLine(test.message());
            if (!firstLine.isBlank()) {
                out.append("      ").append(Text.abbreviate(firstLine, 200)).append('\n');
            }
            if (test.timeline() != null) {
                out.append("      ").append(Sparkline.render(test.timeline())).append('\n');
            }
        }
    }

    /** "your own tests: 5 passed, 1 failed (not scored)", with the first failing ones named. */
    static String ownTests(Results.OwnTests own) {
        if (own.problem() != null) {
            return "your own tests (not scored): " + Text.firstLine(own.problem());
        }
        return "your own tests: " + own.passed() + " passed, " + own.failed() + " failed (not scored)"
                + (own.failing().isEmpty() ? "" : "; failing: " + String.join("; ", own.failing()));
    }

    private static String score(double earned, double points, boolean colour) {
        String text = String.format("%6s / %-5s", Points.fmt(earned), Points.fmt(points));
        if (!colour) {
            return text;
        }
        String code = earned >= points - 1e-9 ? "32" : earned == 0 ? "31" : "33";
        return "\u001B[" + code + "m" + text + "\u001B[0m";
    }

    private static String bold(String text, boolean colour) {
        return colour ? "\u001B[1m" + text + "\u001B[0m" : text;
    }
}
