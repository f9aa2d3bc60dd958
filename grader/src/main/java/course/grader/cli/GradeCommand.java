package course.grader.cli;

import course.grader.grading.GradeRequest;
import course.grader.grading.GradingService;
import course.grader.model.CourseModule;
import course.grader.model.Points;
import course.grader.report.NextStep;
import course.grader.report.ReportFiles;
import course.grader.report.Results;
import course.grader.report.ScoreTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** {@code ./grade [FOLDER] [--out DIR] ...}: grades a course folder and writes every report. */
@Command(name = "grade", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, sortOptions = false,
        resourceBundle = "course.grader.cli.Help", // the help texts of every command
        subcommands = {ExportCommand.class, VerifyCommand.class, BatchCommand.class, GradescopeCommand.class,
                FixtureCommand.class})
final class GradeCommand implements Callable<Integer> {

    /** The options only a teacher's (master) copy offers. */
    static final List<String> TEACHER_OPTIONS = List.of("--solutions", "--overlay", "--no-hidden", "--student-view");

    private final Path root;
    private final boolean studentCopy;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER",
            description = "the course folder to grade (default: this repository)")
    Path folder;

    @Option(names = "--out", paramLabel = "DIR", description = "where the reports go (default: target/grade in this repository)")
    Path out;

    @Option(names = "--module", paramLabel = "NAME", description = "grade only these modules")
    List<String> modules = new ArrayList<>();

    @Option(names = "--watch", description = "grade again whenever a source file changes (Ctrl-C ends it)")
    boolean watch;

    @Option(names = "--open", description = "open report.html (the score, every test, the failing tests' timelines) in a browser")
    boolean open;

    @Option(names = "--solutions", description = "grade the reference solutions instead of the exercise modules' own code (master copy)")
    boolean solutions;

    @Option(names = "--overlay", paramLabel = "DIR", description = "lay these source folders over the code graded, last wins (used for known-wrong fixtures)")
    List<Path> overlays = new ArrayList<>();

    @Option(names = "--no-hidden", description = "leave the hidden tests out even where they exist")
    boolean noHidden;

    @Option(names = "--student-view", description = "show hidden tests only as a count, as a student sees them")
    boolean studentView;

    @Option(names = "--fail-under", paramLabel = "POINTS", description = "exit with status 3 when the total is below this")
    Double failUnder;

    @Mixin
    Options.TimeLimit timeLimit;

    @Mixin
    Options.RequireSandbox sandbox;

    /** {@code studentCopy}: a student's copy of the course (no solutions, no hidden tests): no teacher options or reports. */
    GradeCommand(Path root, boolean studentCopy) {
        this.root = root;
        this.studentCopy = studentCopy;
    }

    /** The course this grader belongs to. */
    Path root() {
        return root;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        GradeRequest request = GradeRequest.of(root).withSubmission(folder == null ? root : folder)
                .withOut(out == null ? root.resolve("target/grade") : out).withSolutions(solutions).withOverlays(overlays)
                .withModules(modules).withHidden(!noHidden).withStudentView(studentView || studentCopy)
                .withTimeLimit(timeLimit.duration());
        try (GradingService service = GradingService.requiringSandbox(sandbox.required)) {
            int status = gradeOnce(service, request);
            if (open) {
                Browser.open(request.outDir().resolve(ReportFiles.REPORT_HTML));
            }
            if (!watch) {
                return status;
            }
            try (Watcher watcher = new Watcher(sourceFolders(request))) {
                while (true) {
                    System.out.println("\nWatching the sources for changes (Ctrl-C to stop) ...");
                    watcher.awaitChange();
                    gradeOnce(service, request);
                }
            }
        }
    }

    private int gradeOnce(GradingService service, GradeRequest request) throws IOException {
        Results results = service.grade(request, System.out);
        PrintStream console = System.out;
        console.print(ScoreTable.render(results, !request.studentView(), colour()));
        console.println("Reports: " + request.outDir());
        console.print(NextStep.render(results, CourseModule.discover(request.submission())));
        if (results.modules().stream().anyMatch(m -> !m.rubricErrors().isEmpty())) {
            System.err.println("grade: the rubric has errors (listed above as RUBRIC ERROR): the scores cannot be"
                    + " trusted until they are fixed. See docs/AUTHORING.md.");
            return ExitCodes.CANNOT_GRADE;
        }
        if (failUnder != null && results.earned() < failUnder) {
            console.printf("Score %s is below --fail-under %s.%n", Points.fmt(results.earned()), Points.fmt(failUnder));
            return ExitCodes.BELOW_THRESHOLD;
        }
        return ExitCodes.OK;
    }

    /** The sources a student edits, of the modules graded. */
    private static List<Path> sourceFolders(GradeRequest request) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (CourseModule module : CourseModule.discover(request.submission())) {
            if (request.modules().isEmpty() || request.modules().contains(module.name())) {
                folders.add(module.dir().resolve("src"));
            }
        }
        return folders;
    }

    private static boolean colour() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }
}
