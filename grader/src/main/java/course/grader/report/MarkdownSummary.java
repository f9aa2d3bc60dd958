package course.grader.report;

import course.grader.model.Points;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import course.grader.report.Results.TestResult;
import java.util.List;

/** {@code summary.md}: Markdown for a pull-request comment or a CI job summary. */
public final class MarkdownSummary {

    static final int MAX_TIMELINES = 3;

    private MarkdownSummary() {
    }

    /** {@code teacher}: hidden tests named; otherwise only counted. */
    public static String render(Results results, boolean teacher) {
        StringBuilder md = new StringBuilder("## Score: ")
                .append(Points.fmt(results.earned())).append(" / ").append(Points.fmt(results.points())).append("\n\n")
                .append("| Module | Part | Points |\n|---|---|---:|\n");
        for (ModuleResult module : results.modules()) {
            for (PartResult part : module.parts()) {
                md.append("| ").append(module.name()).append(" | ").append(part.id()).append(". ").append(part.title())
                        .append(" | ").append(Points.fmt(part.earned())).append(" / ").append(Points.fmt(part.points())).append(" |\n");
            }
            md.append("| **").append(module.name()).append("** | **total** | **").append(Points.fmt(module.earned()))
                    .append(" / ").append(Points.fmt(module.points())).append("** |\n");
        }
        for (ModuleResult module : results.modules()) {
            details(md, module, teacher);
        }
        md.append(timelines(results, teacher));
        md.append(NotUsed.render(results, "- "));
        md.append("\n<sub>Tests ran in isolation: ").append(results.isolation()).append("</sub>\n");
        return md.toString();
    }

    /** The first few failing tests' timelines, as Mermaid charts (GitHub draws them in comments). */
    private static String timelines(Results results, boolean teacher) {
        StringBuilder md = new StringBuilder();
        List<TestResult> traced = results.modules().stream().flatMap(m -> m.tests().stream())
                .filter(t -> !t.passed() && t.timeline() != null && (teacher || !t.hidden())).limit(MAX_TIMELINES).toList();
        for (TestResult test : traced) {
            md.append("\n<details><summary>Timeline: ").append(Text.markdown(test.part() + ": " + test.displayName()))
                    .append("</summary>\n\n").append(MermaidGantt.render(test.part() + " " + test.displayName(), test.timeline()))
                    .append("\n</details>\n");
        }
        return md.toString();
    }

    private static void details(StringBuilder md, ModuleResult module, boolean teacher) {
        if (module.problem() != null) {
            md.append("\n**").append(module.name()).append("**: ").append(Text.markdown(Text.firstLine(module.problem())))
                    .append("\n```\n").append(Text.fenced(module.problem().lines().skip(1).limit(12)
                            .reduce("", (a, b) -> a + b + "\n"))).append("```\n");
        }
        String absent = HiddenTests.absentLine(module);
        if (absent != null) {
            md.append("\n").append(module.name()).append(": ").append(absent).append('\n');
        }
        if (module.ownTests() != null) {
            md.append("\n").append(module.name()).append(": ").append(Text.markdown(ScoreTable.ownTests(module.ownTests())))
                    .append('\n');
        }
        HiddenTests.Tally hidden = HiddenTests.Tally.of(module);
        if (!teacher && hidden.count() > 0) {
            md.append("\n").append(module.name()).append(": hidden tests: ").append(hidden.count()).append(" (")
                    .append(Points.fmt(hidden.points())).append(" points), run by your teacher; ")
                    .append(Points.fmt(hidden.earned())).append(" points earned.\n");
        }
        List<TestResult> failed = module.tests().stream().filter(t -> !t.passed() && (teacher || !t.hidden())).toList();
        if (failed.isEmpty()) {
            return;
        }
        md.append("\n<details><summary>").append(module.name()).append(": ").append(failed.size())
                .append(" failing tests</summary>\n\n");
        for (TestResult t : failed) {
            md.append("- ").append(t.hidden() ? "\\[hidden\\] " : "").append(t.part()).append(": ")
                    .append(Text.markdown(t.displayName())).append(" — ")
                    .append(Text.markdown(Text.abbreviate(Text.firstLine(t.message()), 300))).append('\n');
        }
        md.append("\n</details>\n");
    }
}
