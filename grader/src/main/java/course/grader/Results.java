package course.grader;

import java.util.List;

/** What one grading run found: every module, every part, every test. One source for every report. */
record Results(String folder, String source, List<ModuleResult> modules, double seconds, List<String> notUsed) {

    /**
     * {@code notUsed}: in trusted grading, the submission's files that differ from what students
     * were given but were not used (tests, build files, files outside the exercise's package).
     */
    Results(String folder, String source, List<ModuleResult> modules, double seconds) {
        this(folder, source, modules, seconds, List.of());
    }

    enum Status { PASSED, FAILED, NOT_RUN }

    record TestResult(String id, String className, String method, String displayName, String part,
                      double points, boolean hidden, Status status, String message, double seconds) {
        double earned() {
            return status == Status.PASSED ? points : 0;
        }
    }

    record PartResult(String id, String title, double points, double earned) {
    }

    /**
     * One module's outcome. {@code problem} says why it could not be graded normally (compile
     * errors, a crash, a time-out); {@code rubricErrors} are mistakes in the assignment itself.
     */
    record ModuleResult(String name, String title, List<PartResult> parts, List<TestResult> tests,
                        String problem, List<String> rubricErrors, double seconds) {
        double points() {
            return parts.stream().mapToDouble(PartResult::points).sum();
        }

        double earned() {
            return parts.stream().mapToDouble(PartResult::earned).sum();
        }
    }

    double points() {
        return modules.stream().mapToDouble(ModuleResult::points).sum();
    }

    double earned() {
        return modules.stream().mapToDouble(ModuleResult::earned).sum();
    }
}
