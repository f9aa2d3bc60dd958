package course.grader.grading;

import course.grader.files.FileTree;
import course.grader.model.CannotGrade;
import course.grader.model.CourseModule;
import course.grader.model.CourseModule.Folder;
import course.grader.report.JUnitXml;
import course.grader.report.ReportFiles;
import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way to grade: takes a {@link GradeRequest}, grades every module it asks for, writes the
 * reports into its output folder and returns the results. One service can grade many requests
 * (a verification, a batch): each module's tests are compiled once and shared.
 */
public final class GradingService implements AutoCloseable {

    private final ClassPath classPath = ClassPath.ofThisJvm();
    private final TestBuilds testBuilds = new TestBuilds(classPath);

    /** Grades {@code request}; {@code console} is where progress ("grading X ...") goes. */
    public Results grade(GradeRequest request, PrintStream console) throws IOException {
        if (!Files.isDirectory(request.submission())) {
            throw new CannotGrade(request.submission() + " is not a folder. Give the path of a course repository (the folder"
                    + " with pom.xml and the exercise-NN folders).");
        }
        // in the student view, compiled hidden tests and their run logs must not land in a folder students see
        Path work = request.studentView() ? Files.createTempDirectory("grade-work") : request.outDir().resolve("work");
        try {
            Run run = new Run(this, request, console, work);
            Results results = request.isTrustedGrading() && !CourseModule.discover(request.courseRoot()).isEmpty()
                    ? run.trusted() : run.folder();
            ReportFiles.writeAll(results, request.outDir(), !request.studentView());
            JUnitXml.copyReports(work, request.outDir(), results, !request.studentView());
            return results;
        } finally {
            if (request.studentView()) {
                FileTree.deleteRecursively(work);
            }
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
                    + " (" + request.courseRoot() + ")", results, ModuleGrader.seconds(start), taken.notUsed());
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
            return new Results(folder.toString(), source, results, ModuleGrader.seconds(start), List.of());
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
                return new ModuleGrader(service.classPath, service.testBuilds, request.timeLimit(), request.hidden())
                        .grade(module, main, work.resolve(module.name()));
            } catch (IOException | RuntimeException e) {
                return Scoring.notGraded(module, "could not be graded: " + e.getMessage() + " (an unreadable or missing file?)", 0);
            }
        }
    }

    @Override
    public void close() throws IOException {
        testBuilds.close();
    }
}
