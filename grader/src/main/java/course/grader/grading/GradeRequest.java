package course.grader.grading;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One grading: what to grade and how. Every command and test builds one of these and hands it to
 * {@link GradingService}; {@link #of} gives the defaults of {@code ./grade} and the {@code with...}
 * methods change one thing each.
 *
 * @param courseRoot  the course this grader belongs to: its tests, hidden tests and rubrics are trusted
 * @param submission  the folder to grade (the course root itself, or a student's copy)
 * @param outDir      where the reports go
 * @param overlays    source folders laid over the code graded, last wins (known-wrong fixtures)
 * @param modules     only these modules (empty: all)
 * @param solutions   grade the reference solutions (master copy)
 * @param hidden      run the hidden tests where the course has them
 * @param trusted     a submission other than the course root is graded with the course's tests,
 *                    taking only the student's own sources; off only to grade a folder as it is
 * @param studentView the reports show hidden tests only as a count; work files go outside {@code outDir}
 * @param timeLimit   the time limit of one module's tests
 * @param staticGate  check the compiled code before running it (off only to prove the layers below on crash fixtures)
 */
public record GradeRequest(Path courseRoot, Path submission, Path outDir, List<Path> overlays, List<String> modules,
                           boolean solutions, boolean hidden, boolean trusted, boolean studentView, Duration timeLimit,
                           boolean staticGate) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(120);

    public GradeRequest {
        courseRoot = courseRoot.toAbsolutePath().normalize();
        submission = submission.toAbsolutePath().normalize();
        outDir = outDir.toAbsolutePath().normalize();
        overlays = List.copyOf(overlays);
        modules = List.copyOf(modules);
    }

    /** {@code ./grade} of the course itself: every module, hidden tests on, reports in target/grade. */
    public static GradeRequest of(Path courseRoot) {
        return new GradeRequest(courseRoot, courseRoot, courseRoot.resolve("target/grade"), List.of(), List.of(),
                false, true, true, false, DEFAULT_TIME_LIMIT, true);
    }

    public GradeRequest withSubmission(Path folder) {
        return new GradeRequest(courseRoot, folder, outDir, overlays, modules, solutions, hidden, trusted, studentView,
                timeLimit, staticGate);
    }

    public GradeRequest withOut(Path dir) {
        return new GradeRequest(courseRoot, submission, dir, overlays, modules, solutions, hidden, trusted, studentView,
                timeLimit, staticGate);
    }

    public GradeRequest withOverlays(List<Path> folders) {
        return new GradeRequest(courseRoot, submission, outDir, folders, modules, solutions, hidden, trusted, studentView,
                timeLimit, staticGate);
    }

    public GradeRequest withModules(List<String> names) {
        return new GradeRequest(courseRoot, submission, outDir, overlays, names, solutions, hidden, trusted, studentView,
                timeLimit, staticGate);
    }

    public GradeRequest withSolutions(boolean on) {
        return new GradeRequest(courseRoot, submission, outDir, overlays, modules, on, hidden, trusted, studentView,
                timeLimit, staticGate);
    }

    public GradeRequest withHidden(boolean on) {
        return new GradeRequest(courseRoot, submission, outDir, overlays, modules, solutions, on, trusted, studentView,
                timeLimit, staticGate);
    }

    public GradeRequest withTrusted(boolean on) {
        return new GradeRequest(courseRoot, submission, outDir, overlays, modules, solutions, hidden, on, studentView,
                timeLimit, staticGate);
    }

    public GradeRequest withStudentView(boolean on) {
        return new GradeRequest(courseRoot, submission, outDir, overlays, modules, solutions, hidden, trusted, on,
                timeLimit, staticGate);
    }

    public GradeRequest withTimeLimit(Duration limit) {
        return new GradeRequest(courseRoot, submission, outDir, overlays, modules, solutions, hidden, trusted, studentView,
                limit, staticGate);
    }

    public GradeRequest withStaticGate(boolean on) {
        return new GradeRequest(courseRoot, submission, outDir, overlays, modules, solutions, hidden, trusted, studentView, timeLimit,
                on);
    }

    /** Is this a student's submission to grade with the course's own tests? */
    boolean isTrustedGrading() {
        return trusted && !solutions && overlays.isEmpty() && !submission.equals(courseRoot);
    }

    /** Is {@code module} among those asked for? */
    boolean wants(String module) {
        return modules.isEmpty() || modules.contains(module);
    }
}
