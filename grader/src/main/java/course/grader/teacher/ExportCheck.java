package course.grader.teacher;

import course.grader.files.FileTree;
import course.grader.files.Processes;
import course.grader.grading.GradeRequest;
import course.grader.grading.GradingService;
import course.grader.model.Points;
import course.grader.model.StudentVersion;
import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import course.grader.model.CourseModule;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks an exported student version: no leak, it builds, and its visible tests fail on the stubs with their TODOs. */
public final class ExportCheck {

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(10);

    private ExportCheck() {
    }

    /**
     * Writes the student version of the master copy {@code root} into {@code target}, checks it, and
     * makes it a git repository with one commit, ready to push; returns the problems.
     */
    public static List<String> exportAndCheck(Path root, Path target, boolean build, PrintStream log) throws IOException {
        MasterCopy.require(root);
        StudentVersion.of(root).writeTo(target);
        log.println("Exported the student version to " + target);
        List<String> problems = problems(root, target, build, log);
        log.println(GitRepository.init(target, "The exercises: stubs, tests and grader")
                ? "It is a git repository with one commit: push it to the students' template repository."
                : "git is not installed here: in " + target + " run `git init`, `git add -A` and `git commit` before pushing it.");
        return problems;
    }

    /** Every problem of the export in {@code export}; each says what to fix in the master copy. */
    public static List<String> problems(Path root, Path export, boolean build, PrintStream log) throws IOException {
        List<String> problems = new ArrayList<>();
        LeakScan secrets = LeakScan.secretsOf(root);
        for (LeakScan.Leak leak : secrets.scan(export)) {
            problems.add(leak + " — remove it from the master copy's file the export takes it from, then export again");
        }
        log.printf("leak scan: %d solution-only lines and %d hidden-test lines looked for: %s%n",
                secrets.solutionLineCount(), secrets.hiddenLineCount(), problems.isEmpty() ? "none found" : problems.size() + " found");
        List<String> text = new ArrayList<>(StudentText.problems(export));
        text.addAll(StudentText.pointsAgree(CourseModule.discover(root)));
        log.printf("students' Markdown: teacher text, broken links, points against the rubrics: %s%n",
                text.isEmpty() ? "fine" : text.size() + " problem(s)");
        problems.addAll(text);
        if (build) {
            String failure = mavenBuild(export);
            log.println("build (./mvnw -B -q -o test-compile): " + (failure == null ? "ok" : "FAILED"));
            if (failure != null) {
                problems.add(failure);
            }
        }
        Path out = Files.createTempDirectory("export-check");
        try (GradingService service = new GradingService()) {
            Results results = service.grade(GradeRequest.of(root).withSubmission(export).withOut(out).withTrusted(false),
                    new PrintStream(OutputStream.nullOutputStream()));
            for (ModuleResult module : results.modules()) {
                stubProblem(module).ifPresent(problems::add);
                log.printf("stubs: %s scores %s / %s on its %d visible tests%n", module.name(),
                        Points.fmt(module.earned()), Points.fmt(module.points()), module.tests().size());
            }
        } finally {
            FileTree.deleteRecursively(out);
        }
        return problems;
    }

    private static Optional<String> stubProblem(ModuleResult module) {
        if (module.problem() != null) {
            return Optional.of(module.name() + ": the visible tests could not run against the stubs: "
                    + module.problem().lines().findFirst().orElse("") + " — fix the stubs or tests in the master copy");
        }
        if (module.tests().isEmpty()) {
            return Optional.of(module.name() + ": the export has no visible test for this module — students would"
                    + " see nothing fail; add visible tests in src/test/java");
        }
        if (module.earned() > 0) {
            return Optional.of(module.name() + ": the stubs score " + Points.fmt(module.earned()) + " (expected 0): tests "
                    + module.tests().stream().filter(t -> t.earned() > 0).map(Results.TestResult::displayName).toList()
                    + " pass on the stubs — make those stubs throw their TODO");
        }
        List<String> withoutTodo = module.tests().stream().filter(t -> !t.message().lines().findFirst().orElse("").contains("TODO"))
                .map(Results.TestResult::displayName).toList();
        if (!withoutTodo.isEmpty()) {
            return Optional.of(module.name() + ": " + withoutTodo.size() + " failing test(s) do not start with a stub's TODO"
                    + " message, e.g. \"" + withoutTodo.get(0) + "\" — every stub should fail the same way, with"
                    + " \"... is not written yet: TODO: ... (README, part X)\" first, so students know where to start");
        }
        return Optional.empty();
    }

    /**
     * Builds the export offline with its own Maven Wrapper (what students run; no Maven needs to be
     * installed), on the JDK the grader runs on; null when it worked, else what failed. Leaves no
     * target/ behind.
     */
    static String mavenBuild(Path export) throws IOException {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        List<String> command = new ArrayList<>(windows ? List.of("cmd", "/c", "mvnw.cmd") : List.of("sh", "mvnw"));
        command.addAll(List.of("-B", "-q", "-o", "test-compile"));
        String shown = "`./mvnw -B -q -o test-compile` in " + export;
        Path log = Files.createTempFile("export-build", ".log");
        try {
            ProcessBuilder build = new ProcessBuilder(command).directory(export.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            build.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Processes.Outcome outcome = Processes.run(build, BUILD_LIMIT);
            if (outcome.timedOut()) {
                return "the export's build (" + shown + ") took more than 10 minutes";
            }
            if (outcome.exitCode() != 0) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return "the export does not build: " + shown + " exited with "
                        + outcome.exitCode() + "; it said:\n    "
                        + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 15), lines.size()))
                        + "\n  — fix the master copy's poms or sources (does the export's pom still list a removed module?)";
            }
            return null;
        } catch (IOException e) {
            return "could not run the export's Maven Wrapper (" + e.getMessage() + "): does the export have mvnw?";
        } finally {
            Files.deleteIfExists(log);
            deleteTargets(export);
        }
    }

    private static void deleteTargets(Path export) throws IOException {
        List<Path> targets;
        try (Stream<Path> walk = Files.walk(export, 3)) {
            targets = walk.filter(Files::isDirectory).filter(d -> d.getFileName().toString().equals("target")).toList();
        }
        for (Path target : targets) {
            FileTree.deleteRecursively(target);
        }
    }
}
