package course.grader.teacher;

import course.grader.files.FileTree;
import course.grader.grading.GradeRequest;
import course.grader.grading.GradingService;
import course.grader.model.CourseModule;
import course.grader.model.Points;
import course.grader.model.Rubric;
import course.grader.model.StudentVersion;
import course.grader.report.GradescopeResults;
import course.grader.report.ReportFiles;
import course.grader.report.Results;
import course.grader.teacher.Gradebook.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The assignment proves itself: the reference solutions score full marks, the stubs zero, every
 * known-wrong fixture loses exactly its parts; the export builds and leaks nothing; the same cases
 * graded again — as students' submissions through trusted batch grading — give identical scores
 * test by test; and the Gradescope bundle grades the solutions to full marks.
 */
public final class Verification {

    /** How to verify: the output folder, gradings at once, and the checks to skip. */
    public record Options(Path outDir, int jobs, boolean build, boolean gradescope) {
    }

    private final Path root;
    private final Options options;
    private final PrintStream console;
    private final VerifyLog log;
    private final CaseChecks checks;

    public Verification(Path root, Options options, PrintStream console) {
        this.root = root;
        this.options = options;
        this.console = console;
        this.log = new VerifyLog(console);
        this.checks = new CaseChecks(log);
    }

    /** Runs every check; returns the number that failed. verify.md in the output folder sums them up. */
    public int run() throws IOException {
        long start = System.nanoTime();
        MasterCopy.require(root);
        Path out = options.outDir();
        FileTree.deleteRecursively(out);
        Files.createDirectories(out);
        List<VerifyCase> cases = VerifyCase.graded(root, out.resolve("fixtures"));
        console.printf("verify: %d cases (solutions, stubs, known-wrong fixtures), %d at once%n", cases.size(), options.jobs());
        Map<String, Results> first = gradeAll(cases, out.resolve("runs"));
        cases.forEach(c -> checks.check(c, first.get(c.id())));
        log.lap("grading", start);
        checkExport(out.resolve("export"));
        Path submissions = repeatInBatch(cases, first, out);
        if (options.gradescope()) {
            checkGradescope(submissions.resolve("solutions"), out);
        }
        String report = log.markdown(start);
        Files.writeString(out.resolve("verify.md"), report);
        console.println();
        console.print(report);
        return log.failures();
    }

    private Map<String, Results> gradeAll(List<VerifyCase> cases, Path runs) throws IOException {
        Map<String, Future<Results>> futures = new LinkedHashMap<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (GradingService service = new GradingService(); ExecutorService pool = Executors.newFixedThreadPool(options.jobs())) {
            for (VerifyCase c : cases) {
                GradeRequest request = GradeRequest.of(root).withOut(runs.resolve(c.id())).withSolutions(c.onSolutions())
                        .withOverlays(c.overlays()).withModules(c.module() == null ? List.of() : List.of(c.module()));
                futures.put(c.id(), pool.submit(() -> {
                    Results results = service.grade(request, quiet);
                    console.printf("  graded %s: %s / %s%n", c.id(), Points.fmt(results.earned()), Points.fmt(results.points()));
                    return results;
                }));
            }
            Map<String, Results> results = new LinkedHashMap<>();
            for (var entry : futures.entrySet()) {
                results.put(entry.getKey(), await(entry.getKey(), entry.getValue()));
            }
            return results;
        }
    }

    private static Results await(String id, Future<Results> future) throws IOException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IOException("could not grade " + id + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while grading " + id);
        }
    }

    private void checkExport(Path export) throws IOException {
        long start = System.nanoTime();
        StudentVersion.of(root).writeTo(export);
        List<String> problems = ExportCheck.problems(root, export, options.build(), console);
        log.record("export: builds" + (options.build() ? "" : " (not checked)") + ", visible tests fail on the stubs, no leak",
                problems.isEmpty(), String.join("\n    ", problems));
        log.lap("export", start);
    }

    /** The same cases, and the batch crash cases, as students' submissions graded by the batch; returns their folder. */
    private Path repeatInBatch(List<VerifyCase> cases, Map<String, Results> first, Path out) throws IOException {
        long start = System.nanoTime();
        Path submissions = out.resolve("submissions");
        List<VerifyCase> crashes = VerifyCase.crashes(root, out.resolve("fixtures"));
        List<VerifyCase> all = new ArrayList<>(cases);
        all.addAll(crashes);
        Batch batch = new Batch(root, options.jobs(), GradeRequest.DEFAULT_TIME_LIMIT, true,
                new PrintStream(OutputStream.nullOutputStream()));
        for (VerifyCase c : all) {
            List<Path> overlays = new ArrayList<>(c.onSolutions() ? Submissions.solutions(root) : List.of());
            overlays.addAll(c.overlays());
            Submissions.make(root, submissions.resolve(c.id()), overlays);
            if (c.module() != null) {
                batch.onlyModule(c.id(), c.module());
            }
        }
        List<Row> rows = batch.run(submissions, out.resolve("batch"));
        for (VerifyCase c : cases) {
            checks.compareRepeat(c, first.get(c.id()), rowOf(rows, c));
        }
        for (VerifyCase c : crashes) {
            checks.checkCrash(c, pointsKept(c), rowOf(rows, c), out.resolve("batch/students").resolve(c.id()).toString());
        }
        log.lap("repeat run (trusted batch grading of the same cases)", start);
        return submissions;
    }

    private static Row rowOf(List<Row> rows, VerifyCase c) {
        return rows.stream().filter(r -> r.student().equals(c.id())).findFirst().orElseThrow();
    }

    private double pointsKept(VerifyCase c) throws IOException {
        CourseModule module = CourseModule.discover(root).stream().filter(m -> m.name().equals(c.module())).findFirst().orElseThrow();
        return module.rubric().parts().values().stream().filter(p -> !c.loses().contains(p.id())).mapToDouble(Rubric.Part::points).sum();
    }

    private void checkGradescope(Path solutions, Path out) throws IOException {
        long start = System.nanoTime();
        Path zip = GradescopeBundle.write(root, out.resolve("gradescope"));
        Path resultsFile = GradescopeBundle.runLocally(zip, solutions, out.resolve("gradescope-run"));
        GradescopeResults results = ReportFiles.readGradescope(resultsFile);
        double max = CourseModule.discover(root).stream().mapToDouble(m -> m.rubric().totalPoints()).sum();
        log.record("gradescope: run_autograder on the solutions writes results.json with " + Points.fmt(max) + " / " + Points.fmt(max),
                results.score() == max && results.maxScore() == max,
                "saw score " + results.score() + " / " + results.maxScore() + " in " + resultsFile + "; expected "
                        + Points.fmt(max) + ". See " + out.resolve("gradescope-run/run_autograder.log"));
        log.lap("gradescope bundle", start);
    }
}
