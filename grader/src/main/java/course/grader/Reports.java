package course.grader;

import static course.grader.ModuleGrader.fmt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import course.grader.Results.ModuleResult;
import course.grader.Results.PartResult;
import course.grader.Results.Status;
import course.grader.Results.TestResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every output of one grading run, all made from the same {@link Results}. */
final class Reports {

    private static final int MAX_FAILURES_SHOWN = 8;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The score table. {@code teacher}: hidden tests are listed by name; otherwise only counted. */
    static String table(Results results, boolean teacher, boolean colour) {
        StringBuilder out = new StringBuilder();
        for (ModuleResult module : results.modules()) {
            out.append('\n').append(bold(module.name() + " — " + module.title(), colour)).append('\n');
            for (PartResult part : module.parts()) {
                out.append(String.format("  %-3s %-42s %s%n", part.id() + ".", part.title(),
                        score(part.earned(), part.points(), colour)));
            }
            out.append(String.format("  %-46s %s%n", "total", score(module.earned(), module.points(), colour)));
            if (module.problem() != null) {
                out.append(indent("! " + module.problem(), "  ")).append('\n');
            }
            for (String error : module.rubricErrors()) {
                out.append("  RUBRIC ERROR: ").append(error).append('\n');
            }
            List<TestResult> failedVisible = module.tests().stream()
                    .filter(t -> t.status() != Status.PASSED && (teacher || !t.hidden())).toList();
            int shown = 0;
            for (TestResult test : failedVisible) {
                if (++shown > MAX_FAILURES_SHOWN) {
                    out.append("  ... and ").append(failedVisible.size() - MAX_FAILURES_SHOWN)
                            .append(" more failing tests: see summary.md in the reports folder\n");
                    break;
                }
                out.append("  ✗ ").append(test.hidden() ? "[hidden] " : "").append(test.part()).append(": ")
                        .append(test.displayName()).append('\n');
                String firstLine = test.message().lines().findFirst().orElse("");
                if (!firstLine.isBlank()) {
                    out.append("      ").append(abbreviate(firstLine, 200)).append('\n');
                }
            }
            String absent = hiddenAbsent(module);
            if (absent != null) {
                out.append("  ").append(absent).append('\n');
            }
            long hidden = module.tests().stream().filter(TestResult::hidden).count();
            if (hidden > 0 && !teacher) {
                double hiddenPoints = module.tests().stream().filter(TestResult::hidden).mapToDouble(TestResult::points).sum();
                out.append(String.format("  hidden tests: %d (%s points), their details are shown to your teacher only%n",
                        hidden, fmt(hiddenPoints)));
            }
        }
        out.append(notUsed(results, ""));
        out.append(String.format("%n%s %s   (%.1f s)%n", bold("TOTAL", colour),
                score(results.earned(), results.points(), colour), results.seconds()));
        return out.toString();
    }

    /**
     * Writes every report. In the student view ({@code teacher} false) nothing written names a
     * hidden test or shows its output: hidden tests appear only as a count and points.
     */
    static void writeAll(Results results, Path outDir, boolean teacher) throws IOException {
        Files.createDirectories(outDir);
        Results shown = teacher ? results : redactHidden(results);
        Files.writeString(outDir.resolve("scores.txt"), table(results, teacher, false));
        Files.writeString(outDir.resolve("summary.md"), markdown(results, false));
        if (teacher) {
            Files.writeString(outDir.resolve("summary-teacher.md"), markdown(results, true));
        }
        JSON.writeValue(outDir.resolve("report.json").toFile(), shown);
        // in the student view, results.json too holds hidden tests only as "hidden test N", without output
        JSON.writeValue(outDir.resolve("results.json").toFile(), gradescope(shown));
    }

    /** The results with every hidden test's name, class and output replaced. */
    static Results redactHidden(Results results) {
        return new Results(results.folder(), results.source(), results.modules().stream().map(module -> {
            int[] n = {0};
            return new ModuleResult(module.name(), module.title(), module.parts(), module.tests().stream()
                    .map(t -> t.hidden()
                            ? new TestResult("hidden-" + (++n[0]), "hidden", "hidden", "hidden test " + n[0], t.part(),
                            t.points(), true, t.status(), "", 0)
                            : t)
                    .toList(), module.problem(), module.rubricErrors(), module.seconds());
        }).toList(), results.seconds(), results.notUsed());
    }

    /** Markdown for a pull-request comment or a job summary. */
    static String markdown(Results results, boolean teacher) {
        StringBuilder md = new StringBuilder("## Score: ")
                .append(fmt(results.earned())).append(" / ").append(fmt(results.points())).append("\n\n")
                .append("| Module | Part | Points |\n|---|---|---:|\n");
        for (ModuleResult module : results.modules()) {
            for (PartResult part : module.parts()) {
                md.append("| ").append(module.name()).append(" | ").append(part.id()).append(". ").append(part.title())
                        .append(" | ").append(fmt(part.earned())).append(" / ").append(fmt(part.points())).append(" |\n");
            }
            md.append("| **").append(module.name()).append("** | **total** | **").append(fmt(module.earned()))
                    .append(" / ").append(fmt(module.points())).append("** |\n");
        }
        for (ModuleResult module : results.modules()) {
            if (module.problem() != null) {
                md.append("\n**").append(module.name()).append("**: ")
                        .append(module.problem().lines().findFirst().orElse("")).append("\n```\n")
                        .append(module.problem().lines().skip(1).limit(12).reduce("", (a, b) -> a + b + "\n")).append("```\n");
            }
            List<TestResult> failed = module.tests().stream()
                    .filter(t -> t.status() != Status.PASSED && (teacher || !t.hidden())).toList();
            List<TestResult> hidden = module.tests().stream().filter(TestResult::hidden).toList();
            String absent = hiddenAbsent(module);
            if (absent != null) {
                md.append("\n").append(module.name()).append(": ").append(absent).append('\n');
            }
            if (!teacher && !hidden.isEmpty()) {
                md.append("\n").append(module.name()).append(": hidden tests: ").append(hidden.size()).append(" (")
                        .append(fmt(hidden.stream().mapToDouble(TestResult::points).sum()))
                        .append(" points), run by your teacher; ")
                        .append(fmt(hidden.stream().mapToDouble(TestResult::earned).sum())).append(" points earned.\n");
            }
            if (!failed.isEmpty()) {
                md.append("\n<details><summary>").append(module.name()).append(": ").append(failed.size())
                        .append(" failing tests</summary>\n\n");
                for (TestResult t : failed) {
                    md.append("- ").append(t.hidden() ? "[hidden] " : "").append(t.part()).append(": ")
                            .append(t.displayName()).append(" — ")
                            .append(abbreviate(t.message().lines().findFirst().orElse("").replace("|", "\\|"), 300)).append('\n');
                }
                md.append("\n</details>\n");
            }
        }
        md.append(notUsed(results, "- "));
        return md.toString();
    }

    /**
     * Where the hidden tests were not run (a student's copy), the points only they can earn; else null.
     * Without this a student's copy would show, say, 62 / 100 at best with no reason given.
     */
    static String hiddenAbsent(ModuleResult module) {
        if (module.tests().isEmpty() || module.tests().stream().anyMatch(TestResult::hidden)) {
            return null;
        }
        double missing = module.points() - module.tests().stream().mapToDouble(TestResult::points).sum();
        return missing > 1e-9 ? fmt(missing) + " of the " + fmt(module.points()) + " points are for hidden tests your teacher runs;"
                + " this run had only the visible tests" : null;
    }

    /** The files the submission changed but that grading did not use (trusted grading). */
    static String notUsed(Results results, String bullet) {
        if (results.notUsed().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nChanged but not used (graded with the teacher's copy instead; only each")
                .append(" exercise's src/main/java and the self-check answers count):\n");
        if (!bullet.isEmpty()) {
            out.append('\n');
        }
        results.notUsed().forEach(file -> out.append(bullet.isEmpty() ? "  " : bullet).append(file).append('\n'));
        return out.toString();
    }

    /** Gradescope's results.json: hidden tests are "after_published" and never carry their output before that. */
    static Map<String, Object> gradescope(Results results) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", round(results.earned()));
        root.put("max_score", round(results.points()));
        root.put("execution_time", Math.max(1, Math.round(results.seconds())));
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        StringBuilder output = new StringBuilder();
        List<Map<String, Object>> tests = new ArrayList<>();
        int moduleNumber = 0;
        for (ModuleResult module : results.modules()) {
            moduleNumber++;
            if (module.problem() != null) {
                output.append(module.name()).append(": ").append(module.problem()).append("\n\n");
            }
            int testNumber = 0;
            for (TestResult t : module.tests()) {
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", module.name() + " " + t.part() + ": " + t.displayName());
                test.put("number", moduleNumber + "." + (++testNumber));
                test.put("score", round(t.earned()));
                test.put("max_score", round(t.points()));
                test.put("status", t.status() == Status.PASSED ? "passed" : "failed");
                test.put("output", t.message());
                test.put("tags", List.of(module.name(), "part " + t.part()));
                test.put("visibility", t.hidden() ? "hidden" : "visible"); // students never see a hidden test
                tests.add(test);
            }
        }
        root.put("output", output.isEmpty() ? "Score: " + fmt(results.earned()) + " / " + fmt(results.points())
                : output.toString());
        root.put("tests", tests);
        return root;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String score(double earned, double points, boolean colour) {
        String text = String.format("%6s / %-5s", fmt(earned), fmt(points));
        if (!colour) {
            return text;
        }
        String code = earned >= points - 1e-9 ? "32" : earned == 0 ? "31" : "33";
        return "\u001B[" + code + "m" + text + "\u001B[0m";
    }

    private static String bold(String text, boolean colour) {
        return colour ? "\u001B[1m" + text + "\u001B[0m" : text;
    }

    private static String indent(String text, String prefix) {
        return text.lines().map(l -> prefix + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private Reports() {
    }
}
