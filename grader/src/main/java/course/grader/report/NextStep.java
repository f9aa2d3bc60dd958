package course.grader.report;

import course.grader.model.CourseModule;
import course.grader.model.ModuleReadme;
import course.grader.model.Points;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import course.grader.report.Results.TestResult;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** What to do next, after the score table: the first failing test of the first unfinished part, and where to read. */
public final class NextStep {

    private NextStep() {
    }

    /** The next step for {@code results}, whose modules are those of {@code modules}. */
    public static String render(Results results, List<CourseModule> modules) throws IOException {
        for (ModuleResult module : results.modules()) {
            Optional<CourseModule> course = modules.stream().filter(m -> m.name().equals(module.name())).findFirst();
            if (module.problem() != null && module.tests().isEmpty()) {
                return "\nNext: " + module.name() + " " + Text.firstLine(module.problem()) + "\n"
                        + Text.indent(module.problem().lines().skip(1).limit(3).reduce("", (a, b) -> a + b + "\n").strip(), "      ")
                        + "\n";
            }
            for (PartResult part : module.parts()) {
                Optional<TestResult> failing = module.tests().stream()
                        .filter(t -> part.id().equals(t.part()) && !t.passed() && !t.hidden()).findFirst();
                if (!part.full() && failing.isPresent()) {
                    return step(module, part, failing.get(), course);
                }
            }
        }
        return "\nNext: every visible test passes" + (results.modules().stream().anyMatch(m -> m.tests().stream()
                .anyMatch(TestResult::hidden)) ? "." : " (your teacher's hidden tests may still find something).") + "\n";
    }

    private static String step(ModuleResult module, PartResult part, TestResult test, Optional<CourseModule> course)
            throws IOException {
        StringBuilder out = new StringBuilder("\nNext: ").append(module.name()).append(", part ").append(part.id()).append(" (")
                .append(part.title()).append(", ").append(Points.fmt(part.earned())).append(" / ").append(Points.fmt(part.points()))
                .append(")\n  ✗ ").append(test.displayName()).append('\n');
        test.message().lines().filter(line -> !line.strip().startsWith("at ")).limit(3)
                .forEach(line -> out.append("      ").append(Text.abbreviate(line, 200)).append('\n'));
        Optional<ModuleReadme> readme = course.isPresent() ? ModuleReadme.of(course.get()) : Optional.empty();
        Optional<ModuleReadme.Section> section = readme.map(r -> r.parts().get(part.id()));
        section.ifPresent(s -> out.append("  Read: ").append(module.name()).append("/README.md, \"").append(s.heading())
                .append("\" (line ").append(s.line()).append(")\n"));
        return out.toString();
    }
}
