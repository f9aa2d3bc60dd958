package course.grader.report;

import course.grader.model.Points;
import com.fasterxml.jackson.annotation.JsonProperty;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.TestResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradescope's {@code results.json} (https://gradescope-autograders.readthedocs.io/en/latest/specs/).
 * Hidden tests have visibility "hidden": students never see them, their score counts.
 */
public record GradescopeResults(double score, @JsonProperty("max_score") double maxScore,
                                @JsonProperty("execution_time") long executionTime, String visibility,
                                @JsonProperty("stdout_visibility") String stdoutVisibility, String output,
                                List<Test> tests) {

    public record Test(String name, String number, double score, @JsonProperty("max_score") double maxScore,
                       String status, String output, List<String> tags, String visibility) {
    }

    public static GradescopeResults of(Results results) {
        StringBuilder output = new StringBuilder();
        List<Test> tests = new ArrayList<>();
        int moduleNumber = 0;
        for (ModuleResult module : results.modules()) {
            moduleNumber++;
            if (module.problem() != null) {
                output.append(module.name()).append(": ").append(module.problem()).append("\n\n");
            }
            int testNumber = 0;
            for (TestResult t : module.tests()) {
                tests.add(new Test(module.name() + " " + t.part() + ": " + t.displayName(), moduleNumber + "." + (++testNumber),
                        Points.round(t.earned()), Points.round(t.points()), t.passed() ? "passed" : "failed", t.message(),
                        List.of(module.name(), "part " + t.part()), t.hidden() ? "hidden" : "visible"));
            }
        }
        String summary = output.isEmpty()
                ? "Score: " + Points.fmt(results.earned()) + " / " + Points.fmt(results.points()) : output.toString();
        return new GradescopeResults(Points.round(results.earned()), Points.round(results.points()),
                Math.max(1, Math.round(results.seconds())), "visible", "hidden", summary, tests);
    }
}
