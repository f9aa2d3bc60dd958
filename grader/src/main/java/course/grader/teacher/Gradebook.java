package course.grader.teacher;

import course.grader.model.CourseModule;
import course.grader.model.Points;
import course.grader.model.Rubric;
import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import course.grader.report.Results.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The class's results: {@code gradebook.csv} (a row per student) and {@code class-summary.md}. */
public final class Gradebook {

    private static final int MOST_FAILED_SHOWN = 15;

    private Gradebook() {
    }

    /** One student's line of the gradebook; {@code results} null when the submission could not be graded. */
    public record Row(String student, Map<String, Double> modules, double total, String notes, Results results) {
    }

    public static void writeCsv(List<Row> rows, List<CourseModule> modules, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("student");
        modules.forEach(m -> csv.append(',').append(m.name()));
        csv.append(",total,notes\n");
        for (Row row : rows) {
            csv.append(csvField(row.student()));
            for (CourseModule module : modules) {
                csv.append(',').append(Points.fmt(row.modules().getOrDefault(module.name(), 0.0)));
            }
            csv.append(',').append(Points.fmt(Points.round(row.total()))).append(',').append(csvField(row.notes())).append('\n');
        }
        Files.writeString(file, csv.toString());
    }

    /** One CSV field: quoted where needed, on one line, and never a spreadsheet formula. */
    static String csvField(String value) {
        String safe = value == null ? "" : value.replace("\r", " ").replace("\n", " ");
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe; // a spreadsheet must not run a student's folder name as a formula
        }
        return safe.contains(",") || safe.contains("\"") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    public static String classSummary(List<Row> rows, List<CourseModule> modules) {
        List<Results> graded = rows.stream().map(Row::results).filter(r -> r != null).toList();
        StringBuilder md = new StringBuilder("# Class summary\n\n")
                .append(rows.size()).append(" submissions, ").append(graded.size()).append(" graded");
        if (graded.size() < rows.size()) {
            md.append(" (not graded: ").append(String.join(", ", rows.stream().filter(r -> r.results() == null)
                    .map(Row::student).toList())).append(")");
        }
        md.append(".\n\n## Mean per part\n\n| Module | Part | Mean | Points |\n|---|---|---:|---:|\n");
        for (CourseModule module : modules) {
            for (Rubric.Part part : module.rubric().parts().values()) {
                double sum = graded.stream().flatMap(r -> r.modules().stream()).filter(m -> m.name().equals(module.name()))
                        .flatMap(m -> m.parts().stream()).filter(p -> p.id().equals(part.id())).mapToDouble(PartResult::earned).sum();
                md.append("| ").append(module.name()).append(" | ").append(part.id()).append(". ").append(part.title())
                        .append(" | ").append(graded.isEmpty() ? "–" : String.format(Locale.ROOT, "%.1f", sum / graded.size()))
                        .append(" | ").append(Points.fmt(part.points())).append(" |\n");
            }
        }
        double meanTotal = rows.stream().filter(r -> r.results() != null).mapToDouble(Row::total).average().orElse(0);
        md.append(String.format(Locale.ROOT, "%n**Mean total: %.1f / %s**%n", meanTotal,
                Points.fmt(modules.stream().mapToDouble(m -> m.rubric().totalPoints()).sum())));
        md.append("\n## Most-failed tests\n\n").append(mostFailed(graded));
        return md.toString();
    }

    private static String mostFailed(List<Results> graded) {
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (Results results : graded) {
            for (ModuleResult m : results.modules()) {
                for (TestResult t : m.tests()) {
                    if (!t.passed()) {
                        failures.merge(m.name() + " | " + t.part() + " | " + (t.hidden() ? "[hidden] " : "") + t.displayName(), 1, Integer::sum);
                    }
                }
            }
        }
        if (failures.isEmpty()) {
            return "No test failed.\n";
        }
        StringBuilder md = new StringBuilder("| Module | Part | Test | Failed by |\n|---|---|---|---:|\n");
        failures.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(MOST_FAILED_SHOWN)
                .forEach(e -> md.append("| ").append(e.getKey().replace("|", "\\|").replace(" \\| ", " | "))
                        .append(" | ").append(e.getValue()).append(" of ").append(graded.size()).append(" |\n"));
        return md.toString();
    }
}
