package course.grader.teacher;

import course.grader.files.FileTree;
import course.grader.grading.GradeRequest;
import course.grader.grading.GradingService;
import course.grader.model.CannotGrade;
import course.grader.model.CourseModule;
import course.grader.model.Points;
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

    /**
     * How to verify: the output folder, gradings at once, the checks to skip, how many more times to
     * grade each known-wrong fixture ({@code repeat}, 0 in CI: each is graded once), the modules
     * (empty: all), and whether to grade only the solutions, stubs and fixtures ({@code fixturesOnly}:
     * no export, batch or Gradescope check); {@code fixtures} names the known-wrong fixtures to grade
     * (empty: all) and {@code racesOnly} keeps only those whose mistake is a race.
     */
    public record Options(Path outDir, int jobs, boolean build, boolean gradescope, int repeat, List<String> modules,
                          boolean fixturesOnly, boolean requireSandbox, List<String> fixtures, boolean racesOnly) {

        /** Whether this verification grades {@code fixture}. */
        boolean grades(Fixture fixture) {
            return (fixtures.isEmpty() || fixtures.contains(fixture.id()) || fixtures.contains(fixture.module() + "--" + fixture.id()))
                    && (!racesOnly || fixture.race());
        }
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
        checkFixtureChoice();
        Path out = options.outDir();
        FileTree.deleteRecursively(out);
        Files.createDirectories(out);
        List<VerifyCase> cases = VerifyCase.graded(root, out.resolve("fixtures"), options.modules(), options::grades);
        console.printf("verify: %d cases (solutions, stubs, known-wrong fixtures), %d at once%n", cases.size(), options.jobs());
        Map<String, Results> first = gradeAll(cases, out.resolve("runs"));
        cases.forEach(c -> checks.check(c, first.get(c.id())));
        reportFixtureCost(cases, first);
        log.lap("grading", start);
        if (!options.fixturesOnly()) {
            checkExport(out.resolve("export"));
            Path submissions = asSubmissions(cases, first, out);
            if (options.gradescope()) {
                checkGradescope(submissions.resolve("solutions"), out);
            }
        }
        if (options.repeat() > 0) {
            repeatFixtures(cases, first, out.resolve("repeats"));
        }
        String report = log.markdown(start);
        Files.writeString(out.resolve("verify.md"), report);
        console.println();
        console.print(report);
        return log.failures();
    }

    /** A --fixture that names nothing, or a --races that leaves nothing, is an error before anything is deleted. */
    private void checkFixtureChoice() throws IOException {
        if (options.fixtures().isEmpty() && !options.racesOnly()) {
            return;
        }
        List<Fixture> all = Fixture.knownWrong(root.resolve("grader/src/test/fixtures")).stream()
                .filter(f -> f.checked() && (options.modules().isEmpty() || options.modules().contains(f.module()))).toList();
        String where = options.modules().isEmpty() ? "" : " in " + options.modules();
        for (String name : options.fixtures()) {
            List<Fixture> named = all.stream().filter(f -> name.equals(f.id()) || name.equals(f.module() + "--" + f.id())).toList();
            if (named.isEmpty()) {
                throw new CannotGrade("--fixture " + name + ": no checked known-wrong fixture of that name" + where
                        + " (see grader/src/test/fixtures)");
            }
            if (options.racesOnly() && named.stream().noneMatch(Fixture::race)) {
                throw new CannotGrade("--fixture " + name + " with --races: that fixture's mistake is not a race (no race=true)");
            }
        }
        if (all.stream().noneMatch(options::grades)) {
            throw new CannotGrade("--races: no checked race fixture" + where + " to grade");
        }
    }

    private Map<String, Results> gradeAll(List<VerifyCase> cases, Path runs) throws IOException {
        Map<String, Future<Results>> futures = new LinkedHashMap<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (GradingService service = GradingService.requiringSandbox(options.requireSandbox()); ExecutorService pool = Executors.newFixedThreadPool(options.jobs())) {
            for (VerifyCase c : cases) {
                GradeRequest request = GradeRequest.of(root).withOut(runs.resolve(c.id())).withSolutions(c.onSolutions())
                        .withOverlays(c.overlays()).withModules(c.modules());
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

    /**
     * The solutions and the stubs again, and every crash fixture, as students' submissions graded by
     * the batch (trusted grading): the first two must repeat the first run test by test, each crash
     * must cost exactly its parts and stop nothing. Returns the submissions' folder.
     */
    private Path asSubmissions(List<VerifyCase> cases, Map<String, Results> first, Path out) throws IOException {
        long start = System.nanoTime();
        Path submissions = out.resolve("submissions");
        List<VerifyCase> repeated = cases.stream().filter(c -> c.kind() != VerifyCase.Kind.FIXTURE).toList();
        // the module the solutions grade fastest stands beside each crash, to show it does not notice
        String bystander = first.get("solutions").modules().stream()
                .min(java.util.Comparator.comparingDouble(Results.ModuleResult::seconds)).map(Results.ModuleResult::name).orElse("");
        List<VerifyCase> crashes = VerifyCase.crashes(root, out.resolve("fixtures"), bystander).stream()
                .filter(c -> options.modules().isEmpty() || options.modules().contains(c.module())).toList();
        List<VerifyCase> all = new ArrayList<>(repeated);
        all.addAll(crashes);
        Batch batch = new Batch(root, options.jobs(), GradeRequest.DEFAULT_TIME_LIMIT, true,
                new PrintStream(OutputStream.nullOutputStream())).requireSandbox(options.requireSandbox());
        for (VerifyCase c : all) {
            List<Path> overlays = new ArrayList<>(c.onSolutions() ? Submissions.solutions(root) : List.of());
            overlays.addAll(c.overlays());
            Submissions.make(root, submissions.resolve(c.id()), overlays);
            batch.onlyModules(c.id(), c.modules());
            if (c.kind() == VerifyCase.Kind.CRASH) {
                batch.withoutStaticGate(c.id()); // the gate would refuse some before they run: these prove the layers below it
            }
        }
        List<Row> rows = batch.run(submissions, out.resolve("batch"));
        for (VerifyCase c : repeated) {
            checks.compareRepeat(c, first.get(c.id()), rowOf(rows, c));
        }
        for (VerifyCase c : crashes) {
            checks.checkCrash(c, rowOf(rows, c), out.resolve("batch/students").resolve(c.id()).toString());
        }
        log.lap("as students' submissions (batch: solutions and stubs again, crash fixtures)", start);
        return submissions;
    }

    /** What a known-wrong fixture costs to verify: the figure to budget a new one by. */
    private void reportFixtureCost(List<VerifyCase> cases, Map<String, Results> first) {
        double[] seconds = cases.stream().filter(c -> c.kind() == VerifyCase.Kind.FIXTURE)
                .mapToDouble(c -> first.get(c.id()).seconds()).toArray();
        if (seconds.length > 0) {
            double total = java.util.Arrays.stream(seconds).sum();
            console.printf("  %d known-wrong fixtures: %.1f s of grading each on average, %.1f s per added fixture at %d at once%n",
                    seconds.length, total / seconds.length, total / seconds.length / options.jobs(), options.jobs());
        }
    }

    /** Each known-wrong fixture graded {@code repeat} more times: it must lose exactly its parts every time. */
    private void repeatFixtures(List<VerifyCase> cases, Map<String, Results> first, Path runs) throws IOException {
        long start = System.nanoTime();
        List<VerifyCase> fixtures = cases.stream().filter(c -> c.kind() == VerifyCase.Kind.FIXTURE).toList();
        List<VerifyCase> again = new ArrayList<>();
        for (int run = 1; run <= options.repeat(); run++) {
            for (VerifyCase c : fixtures) {
                again.add(c.as(c.id() + "--run" + run));
            }
        }
        Map<String, Results> repeats = gradeAll(again, runs);
        for (VerifyCase c : fixtures) {
            List<Results> all = new ArrayList<>(List.of(first.get(c.id())));
            for (int run = 1; run <= options.repeat(); run++) {
                all.add(repeats.get(c.id() + "--run" + run));
            }
            checks.checkRepeats(c, all);
        }
        log.lap("repeat gradings of the known-wrong fixtures", start);
    }

    private static Row rowOf(List<Row> rows, VerifyCase c) {
        return rows.stream().filter(r -> r.student().equals(c.id())).findFirst().orElseThrow();
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
