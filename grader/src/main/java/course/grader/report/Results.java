package course.grader.report;

import java.util.List;

/**
 * What one grading run found: every module, every part, every test. The one source of every
 * report, and the typed model of {@code report.json} (written and read back with Jackson, so a
 * renamed field fails to compile rather than silently breaking a reader).
 *
 * @param notUsed   in trusted grading, the submission's files that differ from what students were
 *                  given but were not used (tests, build files, files outside the exercise's package)
 * @param isolation how the tests were kept apart from the grader and the machine (the sandbox used)
 */
public record Results(String folder, String source, List<ModuleResult> modules, double seconds, List<String> notUsed,
                      String isolation) {

    public enum Status { PASSED, FAILED, NOT_RUN }

    /** One test's outcome; {@code timeline}: what it saw happen, when it failed and recorded it (else null). */
    public record TestResult(String id, String className, String method, String displayName, String part,
                             double points, boolean hidden, Status status, String message, Timeline timeline) {
        public double earned() {
            return status == Status.PASSED ? points : 0;
        }

        public boolean passed() {
            return status == Status.PASSED;
        }
    }

    public record PartResult(String id, String title, double points, double earned) {
        public boolean full() {
            return earned >= points - 1e-9;
        }
    }

    /**
     * A student's own tests (in their copy of the course): run, never scored. {@code failing}: the
     * display names of the first few that failed; {@code problem}: why they could not run, or null.
     */
    public record OwnTests(int passed, int failed, List<String> failing, String problem) {
    }

    /**
     * One module's outcome. {@code problem} says why it could not be graded normally (compile
     * errors, a crash, a time-out); {@code rubricErrors} are mistakes in the assignment itself;
     * {@code ownTests}, the student's own tests where there are any (else null).
     */
    public record ModuleResult(String name, String title, List<PartResult> parts, List<TestResult> tests,
                               String problem, List<String> rubricErrors, double seconds, OwnTests ownTests) {
        public double points() {
            return parts.stream().mapToDouble(PartResult::points).sum();
        }

        public double earned() {
            return parts.stream().mapToDouble(PartResult::earned).sum();
        }
    }

    public double points() {
        return modules.stream().mapToDouble(ModuleResult::points).sum();
    }

    public double earned() {
        return modules.stream().mapToDouble(ModuleResult::earned).sum();
    }

    /** The same results with the modules replaced. */
    public Results withModules(List<ModuleResult> replaced) {
        return new Results(folder, source, replaced, seconds, notUsed, isolation);
    }
}
