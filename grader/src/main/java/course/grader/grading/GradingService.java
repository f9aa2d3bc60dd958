package course.grader.grading;

import course.grader.files.FileTree;
import course.grader.model.CannotGrade;
import course.grader.model.CourseModule;
import course.grader.model.CourseModule.Folder;
import course.grader.report.ReportFiles;
import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one way to grade: takes a {@link GradeRequest}, grades every module it asks for, writes the
 * reports into its output folder and returns the results. One service can grade many requests
 * (a verification, a batch): each module's tests are compiled once and shared.
 */
public final class GradingService implements AutoCloseable {

    private final TestRuntime runtime = TestRuntime.ofThisJvm();
    private final TestBuilds testBuilds = new TestBuilds(runtime);
    private final Sandbox sandbox;

    /** A service whose test JVMs run in the strongest sandbox this machine has. */
    public GradingService() {
        this(Sandbox.detect());
    }

    /** Deletes the runtime and the compiled tests when the JVM ends without {@link #close()} (Ctrl-C, a test run's end). */
    private final Thread cleanUpAtExit = new Thread(() -> {
        try {
            deleteFolders();
        } catch (IOException e) {
            // best effort while the JVM ends: temporary folders the OS clears in time
        }
    }, "grader-clean-up");

    private GradingService(Sandbox sandbox) {
        this.sandbox = sandbox;
        Runtime.getRuntime().addShutdownHook(cleanUpAtExit);
    }

    /**
     * A service that refuses to grade without an OS sandbox ({@code required}): where neither
     * bubblewrap nor an unprivileged user is available, a {@link CannotGrade} says what to install.
     */
    public static GradingService requiringSandbox(boolean required) throws CannotGrade {
        GradingService service = new GradingService();
        if (required && service.sandbox.kind() == Sandbox.Kind.NONE) {
            try {
                service.close();
            } catch (IOException e) {
                // only temporary folders: the refusal below is what matters
            }
            throw new CannotGrade("--require-sandbox: no sandbox is available on this machine. Install bubblewrap (Debian/Ubuntu:"
                    + " apt-get install bubblewrap; on Ubuntu 24.04 also sysctl -w kernel.apparmor_restrict_unprivileged_userns=0),"
                    + " or run the grader as root so that it can run the tests as an unprivileged user (setpriv).");
        }
        return service;
    }

    /** A service without any OS sandbox, to compare grading with and without one. */
    public static GradingService withoutSandbox() {
        return new GradingService(Sandbox.none());
    }

    /**
     * A service that runs the tests as an unprivileged user even where bubblewrap works (to test the
     * fallback for machines that refuse namespaces); null where that is not possible (not root).
     */
    public static GradingService asUnprivilegedUser() {
        Sandbox sandbox = Sandbox.unprivilegedUser();
        return sandbox == null ? null : new GradingService(sandbox);
    }

    /** How this service isolates the test JVMs, in words. */
    public String isolation() {
        return sandbox.kind().description;
    }

    /** Grades {@code request}; {@code console} is where progress ("grading X ...") goes. */
    public Results grade(GradeRequest request, PrintStream console) throws IOException {
        if (!Files.isDirectory(request.submission())) {
            throw new CannotGrade(request.submission() + " is not a folder. Give the path of a course repository (the folder"
                    + " with pom.xml and the exercise-NN folders).");
        }
        // compiled classes and run logs go to a temporary folder, never the reports (students read those)
        Path work = Files.createTempDirectory("grade-work");
        try {
            Run run = new Run(this, request, console, work);
            Results results = request.isTrustedGrading() && !CourseModule.discover(request.courseRoot()).isEmpty()
                    ? run.trusted() : run.folder();
            ReportFiles.writeAll(results, request.outDir(), !request.studentView());
            return results;
        } finally {
            FileTree.deleteRecursively(work);
        }
    }

    /** One grading: the request, where its progress goes, and its work folder. */
    private record Run(GradingService service, GradeRequest request, PrintStream console, Path work) {

        /** Trusted grading: the student's own sources from the submission, everything else from the course root. */
        Results trusted() throws IOException {
            long start = System.nanoTime();
            List<CourseModule> modules = CourseModule.discover(request.courseRoot());
            Path submission = SubmissionSources.courseRootOf(request.submission(), modules);
            SubmissionSources.Taken taken = SubmissionSources.take(request.courseRoot(), submission, modules, request::wants);
            List<ModuleResult> results = new ArrayList<>();
            for (CourseModule module : modules.stream().filter(m -> request.wants(m.name())).toList()) {
                if (taken.missing().contains(module.name())) {
                    console.printf("%s is missing from the submission: it scores 0%n", module.name());
                    results.add(Scoring.notGraded(module, "is missing from the submission, so it scores 0", 0));
                } else {
                    results.add(gradeModule(module, taken.mainByModule().get(module.name())));
                }
            }
            if (!taken.notUsed().isEmpty()) {
                console.printf("%d file(s) changed but not used (see the report)%n", taken.notUsed().size());
            }
            return new Results(request.submission().toString(), "the submission's src/main/java, graded with the teacher's copy"
                    + " (" + request.courseRoot() + ")", results, ModuleGrader.seconds(start), taken.notUsed(),
                    service.isolation());
        }

        /** A folder graded as it is, with its own tests (or, with overlays or --solutions, other main sources laid over). */
        Results folder() throws IOException {
            long start = System.nanoTime();
            Path folder = request.submission();
            List<CourseModule> modules = wantedModules(CourseModule.discover(folder));
            Path solutions = folder.resolve("solutions/src/main");
            if (request.solutions() && !Files.isDirectory(solutions)) {
                throw new CannotGrade("--solutions: " + folder + " has no solutions module (only the master copy has one)");
            }
            List<CourseModule> expected = referenceModules();
            expected.stream().filter(r -> modules.stream().noneMatch(m -> m.name().equals(r.name())))
                    .forEach(r -> console.printf("%s is missing from %s: it scores 0%n", r.name(), folder));
            List<ModuleResult> results = new ArrayList<>();
            for (CourseModule module : modules) {
                SourceSet main = new SourceSet().overlay(module.folder(Folder.MAIN_JAVA), "").overlay(module.folder(Folder.MAIN_RESOURCES), "");
                List<Path> overlays = new ArrayList<>(request.solutions()
                        ? List.of(solutions.resolve("java"), solutions.resolve("resources")) : List.of());
                overlays.addAll(request.overlays());
                for (Path overlay : overlays) {
                    main.overlay(overlay, module.packagePath() + "/");
                }
                results.add(gradeModule(module, main));
            }
            expected.stream().filter(r -> results.stream().noneMatch(m -> m.name().equals(r.name())))
                    .forEach(r -> results.add(Scoring.notGraded(r, "is missing from the submission, so it scores 0", 0)));
            String source = request.solutions() ? "reference solutions"
                    : request.overlays().isEmpty() ? "exercise modules" : "overlays " + request.overlays();
            return new Results(folder.toString(), source, results, ModuleGrader.seconds(start), List.of(), service.isolation());
        }

        private List<CourseModule> wantedModules(List<CourseModule> modules) throws CannotGrade {
            if (modules.isEmpty()) {
                throw new CannotGrade(request.submission() + " holds no exercise module (no folder with a rubric.properties):"
                        + " is it a course repository?");
            }
            List<CourseModule> wanted = modules.stream().filter(m -> request.wants(m.name())).toList();
            if (wanted.isEmpty()) {
                throw new CannotGrade("none of " + request.modules() + " is a module of " + request.submission());
            }
            return wanted;
        }

        /** The course root's modules that a folder other than it should hold (and that were asked for). */
        List<CourseModule> referenceModules() {
            if (request.courseRoot().equals(request.submission())) {
                return List.of();
            }
            try {
                return CourseModule.discover(request.courseRoot()).stream().filter(m -> request.wants(m.name())).toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        private ModuleResult gradeModule(CourseModule module, SourceSet main) {
            console.printf("grading %s ...%n", module.name());
            try {
                Set<String> trusted = request.staticGate() ? trustedSources(module, request.courseRoot()) : null;
                return new ModuleGrader(service.runtime, service.sandbox, service.testBuilds, request.timeLimit(), request.hidden(),
                        trusted).grade(module, main, work.resolve(module.name()));
            } catch (IOException | RuntimeException e) {
                return Scoring.notGraded(module, "could not be graded: " + e.getMessage() + " (an unreadable or missing file?)", 0);
            }
        }
    }

    /**
     * The source texts the static gate trusts for {@code module}: its given files (those without a
     * TODO, which students use as they are) and the course root's reference solution of its package
     * (the teacher's code, benchmarks included). A file is trusted only if unchanged.
     */
    private static Set<String> trustedSources(CourseModule module, Path courseRoot) throws IOException {
        Set<String> texts = new HashSet<>();
        for (Path file : FileTree.files(module.folder(Folder.MAIN_JAVA))) {
            String text = Files.readString(file).replace("\r\n", "\n");
            if (!text.contains("TODO:")) {
                texts.add(text);
            }
        }
        for (Path file : FileTree.files(courseRoot.resolve("solutions/src/main/java").resolve(module.packagePath()))) {
            texts.add(Files.readString(file).replace("\r\n", "\n"));
        }
        return texts;
    }

    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanUpAtExit);
        } catch (IllegalStateException e) {
            return; // the JVM is shutting down: the hook deletes them
        }
        deleteFolders();
    }

    private void deleteFolders() throws IOException {
        try {
            testBuilds.close();
        } finally {
            runtime.close();
        }
    }
}
