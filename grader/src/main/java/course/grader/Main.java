package course.grader;

import course.grader.Results.ModuleResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./grade [FOLDER] [--out DIR] ...}: grades a course folder and writes every report. */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {ExportCommand.class, VerifyCommand.class, BatchCommand.class, GradescopeCommand.class},
        description = {"Grades the exercises of a course folder: compiles each module, runs its tests in a",
                "separate JVM, prints the score table and writes the reports into --out."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:grading worked (whatever the score)", "2:the folder could not be graded (the reason is printed)",
                "3:the score is below --fail-under"})
public final class Main implements Callable<Integer> {

    static final int CANNOT_GRADE = 2;
    static final int BELOW_THRESHOLD = 3;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FOLDER",
            description = "the course folder to grade (default: this repository)")
    Path folder;

    @Option(names = "--out", paramLabel = "DIR", description = "where the reports go (default: target/grade in this repository)")
    Path out;

    @Option(names = "--solutions", description = "grade the reference solutions instead of the exercise modules' own code (master copy)")
    boolean solutions;

    @Option(names = "--overlay", paramLabel = "DIR", description = "lay these source folders over the code graded, last wins (used for known-wrong fixtures)")
    List<Path> overlays = new ArrayList<>();

    @Option(names = "--module", paramLabel = "NAME", description = "grade only these modules")
    List<String> onlyModules = new ArrayList<>();

    @Option(names = "--no-hidden", description = "leave the hidden tests out even where they exist")
    boolean noHidden;

    @Option(names = "--student-view", description = "show hidden tests only as a count, as a student sees them")
    boolean studentView;

    @Option(names = "--fail-under", paramLabel = "POINTS", description = "exit with status 3 when the total is below this")
    Double failUnder;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "time limit for one module's tests (default: ${DEFAULT-VALUE})")
    int timeLimitSeconds = 120;

    /** Off only to grade a folder as it is (the export's own check); on, a foreign folder is graded trusted. */
    boolean trusted = true;

    /** Where compiled classes and test runs go; null: {@code OUT/work}. Outside OUT in the student view. */
    Path workRoot;

    PrintStream console = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() {
        Path root = courseRoot();
        Path target = (folder == null ? root : folder).toAbsolutePath().normalize();
        Path outDir = (out == null ? root.resolve("target/grade") : out).toAbsolutePath().normalize();
        try {
            if (studentView) {
                // compiled hidden tests and their run logs must not land in a report folder students see
                workRoot = Files.createTempDirectory("grade-work");
            }
            Results results = grade(target, outDir);
            boolean teacher = !studentView;
            Reports.writeAll(results, outDir, teacher);
            copyJUnitXml(workRoot(outDir), outDir, results, teacher);
            boolean colour = System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
            console.print(Reports.table(results, teacher, colour));
            console.println("Reports: " + outDir);
            if (results.modules().stream().anyMatch(m -> !m.rubricErrors().isEmpty())) {
                System.err.println("grade: the rubric has errors (listed above as RUBRIC ERROR): the scores cannot be"
                        + " trusted until they are fixed. See docs/AUTHORING.md.");
                return CANNOT_GRADE;
            }
            if (failUnder != null && results.earned() < failUnder) {
                console.printf("Score %s is below --fail-under %s.%n", ModuleGrader.fmt(results.earned()), ModuleGrader.fmt(failUnder));
                return BELOW_THRESHOLD;
            }
            return 0;
        } catch (CannotGrade e) {
            System.err.println("grade: " + e.getMessage());
            return CANNOT_GRADE;
        } catch (IOException | RuntimeException e) {
            System.err.println("grade: could not grade " + target + ": " + e);
            return CANNOT_GRADE;
        } finally {
            if (studentView && workRoot != null) {
                try {
                    ModuleGrader.deleteRecursively(workRoot);
                } catch (IOException e) {
                    System.err.println("grade: could not delete the work folder " + workRoot + ": " + e.getMessage());
                }
            }
        }
    }

    Results grade(Path target, Path outDir) throws IOException {
        if (!Files.isDirectory(target)) {
            throw new CannotGrade(target + " is not a folder. Give the path of a course repository (the folder"
                    + " with pom.xml and the exercise-NN folders).");
        }
        Path root = courseRoot();
        if (trusted && !solutions && overlays.isEmpty() && !target.equals(root) && !CourseModule.discover(root).isEmpty()) {
            return gradeTrusted(root, target, outDir);
        }
        return gradeFolder(target, outDir, java.util.Set.of());
    }

    /**
     * Trusted grading: the student's own sources from {@code submission}, everything else from
     * the course this grader belongs to ({@code root}).
     */
    private Results gradeTrusted(Path root, Path submission, Path outDir) throws IOException {
        Path submissionRoot = TrustedCopy.courseRootOf(submission, CourseModule.discover(root));
        TrustedCopy.Prepared prepared = TrustedCopy.prepare(root, submissionRoot, workRoot(outDir).resolve("trusted-copy"), onlyModules);
        Results graded = gradeFolder(prepared.course(), outDir, prepared.missingModules());
        if (!prepared.notUsed().isEmpty()) {
            console.printf("%d file(s) changed but not used (see the report)%n", prepared.notUsed().size());
        }
        return new Results(submission.toString(), "the submission's src/main/java, graded with the teacher's copy"
                + " (" + root + ")", graded.modules(), graded.seconds(), prepared.notUsed());
    }

    Path workRoot(Path outDir) {
        return workRoot != null ? workRoot : outDir.resolve("work");
    }

    static Path courseRoot() {
        return Path.of(System.getProperty("course.root", ".")).toAbsolutePath().normalize();
    }

    private Results gradeFolder(Path target, Path outDir, java.util.Set<String> missing) throws IOException {
        List<CourseModule> modules = CourseModule.discover(target);
        if (modules.isEmpty()) {
            throw new CannotGrade(target + " holds no exercise module (no folder with a rubric.properties):"
                    + " is it a course repository?");
        }
        if (!onlyModules.isEmpty()) {
            modules = modules.stream().filter(m -> onlyModules.contains(m.name())).toList();
            if (modules.isEmpty()) {
                throw new CannotGrade("none of " + onlyModules + " is a module of " + target);
            }
        }
        Path solutionsDir = target.resolve("solutions/src/main");
        if (solutions && !Files.isDirectory(solutionsDir)) {
            throw new CannotGrade("--solutions: " + target + " has no solutions module (only the master copy has one)");
        }
        ClassPath classPath = ClassPath.ofThisJvm();
        long start = System.nanoTime();
        List<ModuleResult> results = new ArrayList<>();
        List<String> expected = expectedModules(target);
        for (String name : expected) {
            if (modules.stream().noneMatch(m -> m.name().equals(name)) && (onlyModules.isEmpty() || onlyModules.contains(name))) {
                console.printf("%s is missing from %s: it scores 0%n", name, target);
            }
        }
        for (CourseModule module : modules) {
            if (missing.contains(module.name())) {
                console.printf("%s is missing from the submission: it scores 0%n", module.name());
                results.add(ModuleGrader.notGraded(module, "is missing from the submission, so it scores 0"));
                continue;
            }
            console.printf("grading %s ...%n", module.name());
            List<Path> mainOverlays = new ArrayList<>();
            if (solutions) {
                mainOverlays.add(solutionsDir.resolve("java"));
                mainOverlays.add(solutionsDir.resolve("resources"));
            }
            mainOverlays.addAll(overlays);
            ModuleGrader grader = new ModuleGrader(module, classPath, workRoot(outDir).resolve(module.name()),
                    Duration.ofSeconds(timeLimitSeconds), !noHidden);
            try {
                results.add(grader.grade(mainOverlays));
            } catch (IOException | RuntimeException e) {
                results.add(ModuleGrader.notGraded(module, "could not be graded: " + e.getMessage()
                        + " (an unreadable or missing file?)"));
            }
        }
        for (CourseModule reference : referenceModules(target)) {
            if (results.stream().noneMatch(r -> r.name().equals(reference.name()))
                    && (onlyModules.isEmpty() || onlyModules.contains(reference.name()))) {
                results.add(ModuleGrader.notGraded(reference, "is missing from the submission, so it scores 0"));
            }
        }
        String source = solutions ? "reference solutions" : overlays.isEmpty() ? "exercise modules" : "overlays " + overlays;
        return new Results(target.toString(), source, results, Math.round((System.nanoTime() - start) / 1e7) / 100.0);
    }

    /** The modules of the course this grader belongs to (the reference for what a submission should hold). */
    private static List<CourseModule> referenceModules(Path target) {
        Path root = courseRoot();
        if (root.equals(target)) {
            return List.of();
        }
        try {
            return CourseModule.discover(root);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> expectedModules(Path target) {
        return referenceModules(target).stream().map(CourseModule::name).toList();
    }

    /** The JUnit XML each module's run produced, under junit/MODULE; in the student view without hidden tests. */
    private static void copyJUnitXml(Path work, Path outDir, Results results, boolean teacher) throws IOException {
        for (ModuleResult module : results.modules()) {
            Path from = work.resolve(module.name()).resolve("junit-xml");
            if (!Files.isDirectory(from)) {
                continue;
            }
            Path to = outDir.resolve("junit").resolve(module.name());
            Files.createDirectories(to);
            java.util.Set<String> hiddenClasses = module.tests().stream().filter(Results.TestResult::hidden)
                    .map(Results.TestResult::className).collect(java.util.stream.Collectors.toSet());
            try (var files = Files.list(from)) {
                for (Path xml : files.toList()) {
                    if (teacher || hiddenClasses.isEmpty()) {
                        Files.copy(xml, to.resolve(xml.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        JUnitXml.writeWithout(xml, to.resolve(xml.getFileName()), hiddenClasses);
                    }
                }
            }
        }
    }

    /** The folder cannot be graded at all; the message says what to do. */
    static final class CannotGrade extends IOException {
        CannotGrade(String message) {
            super(message);
        }
    }
}
