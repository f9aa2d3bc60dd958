package course.grader.teacher;

import course.grader.files.FileTree;
import course.grader.files.Zip;
import course.grader.grading.GradeRequest;
import course.grader.grading.GradingService;
import course.grader.model.CannotGrade;
import course.grader.model.CourseModule;
import course.grader.report.ReportFiles;
import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import course.grader.teacher.Gradebook.Row;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Grades every submission of a folder (one sub-folder or zip file per student) with trusted
 * grading, at most {@code jobs} at once, sharing one compilation of the tests; writes a report
 * folder per student, {@code gradebook.csv} and {@code class-summary.md}. A submission that cannot
 * be graded becomes a row with a note.
 */
public final class Batch {

    private final Path root;
    private final int jobs;
    private final Duration timeLimit;
    private final boolean regrade;
    private final PrintStream console;
    /** For verification: the modules to grade of some submissions (by student name). */
    private final Map<String, List<String>> onlyModules = new TreeMap<>();

    public Batch(Path root, int jobs, Duration timeLimit, boolean regrade, PrintStream console) {
        this.root = root;
        this.jobs = Math.max(1, jobs);
        this.timeLimit = timeLimit;
        this.regrade = regrade;
        this.console = console;
    }

    private boolean requireSandbox;

    /** Refuses to grade where the test JVMs cannot run in an OS sandbox. */
    public Batch requireSandbox(boolean required) {
        requireSandbox = required;
        return this;
    }

    /** For verification: submissions graded without the static gate (crash fixtures prove the layers below it). */
    private final Set<String> withoutGate = new TreeSet<>();

    /** Grades {@code student}'s submission without the static gate, to prove the layers below it. */
    public Batch withoutStaticGate(String student) {
        withoutGate.add(student);
        return this;
    }

    /** Grades only {@code modules} of {@code student}'s submission. */
    public Batch onlyModules(String student, List<String> modules) {
        onlyModules.put(student, List.copyOf(modules));
        return this;
    }

    public List<Row> run(Path submissions, Path outDir) throws IOException {
        List<CourseModule> modules = CourseModule.discover(root);
        if (modules.isEmpty()) {
            throw new CannotGrade(root + " is not a course (no module with a rubric.properties): run ./grade batch"
                    + " from the teacher's copy.");
        }
        BatchEntries entries = BatchEntries.of(submissions);
        Files.createDirectories(outDir.resolve("students"));
        Map<String, Future<Row>> running = new LinkedHashMap<>();
        try (GradingService service = GradingService.requiringSandbox(requireSandbox); ExecutorService pool = Executors.newFixedThreadPool(jobs)) {
            for (var entry : entries.submissions().entrySet()) {
                String student = entry.getKey();
                Path reports = outDir.resolve("students").resolve(entries.folderName(student));
                running.put(student, pool.submit(() -> gradeOrReuse(service, student, entry.getValue(), reports, outDir)));
            }
            List<Row> rows = new ArrayList<>();
            for (var entry : running.entrySet()) {
                rows.add(withNote(collect(entry.getKey(), entry.getValue()), entries.notes().get(entry.getKey())));
            }
            Gradebook.writeCsv(rows, modules, outDir.resolve("gradebook.csv"));
            Files.writeString(outDir.resolve("class-summary.md"), Gradebook.classSummary(rows, modules));
            return rows;
        }
    }

    private Row collect(String student, Future<Row> future) throws IOException {
        try {
            Row row = future.get();
            console.println("graded " + student + (row.notes().isEmpty() ? "" : " (" + row.notes() + ")"));
            return row;
        } catch (ExecutionException e) {
            return new Row(student, Map.of(), 0, "could not be graded: " + e.getCause(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private Row gradeOrReuse(GradingService service, String student, Path submission, Path reports, Path outDir)
            throws IOException {
        if (!regrade && Files.isRegularFile(reports.resolve(ReportFiles.REPORT_JSON))) {
            console.println("already graded (use --regrade to grade again): " + student);
            return row(student, ReportFiles.read(reports.resolve(ReportFiles.REPORT_JSON)), null);
        }
        FileTree.deleteRecursively(reports);
        Files.createDirectories(reports);
        Path folder = submission;
        try {
            if (Files.isRegularFile(submission)) {
                folder = outDir.resolve("unzipped").resolve(reports.getFileName());
                try {
                    Zip.unzip(submission, folder);
                } catch (IOException e) {
                    return failed(student, reports, "not a readable zip file: " + e.getMessage());
                }
            }
            return grade(service, student, folder, reports);
        } finally {
            if (Files.isRegularFile(submission)) {
                FileTree.deleteRecursively(folder);
            }
            FileTree.deleteRecursively(reports.resolve("work"));
        }
    }

    private Row grade(GradingService service, String student, Path folder, Path reports) throws IOException {
        GradeRequest request = GradeRequest.of(root).withSubmission(folder).withOut(reports).withTimeLimit(timeLimit)
                .withModules(onlyModules.getOrDefault(student, List.of())).withStaticGate(!withoutGate.contains(student));
        try (PrintStream log = new PrintStream(Files.newOutputStream(reports.resolve("grade.log")), true)) {
            return row(student, service.grade(request, log), null);
        } catch (CannotGrade e) {
            return failed(student, reports, e.getMessage());
        }
    }

    private static Row failed(String student, Path reports, String reason) throws IOException {
        Files.writeString(reports.resolve("error.txt"), reason + "\n");
        return new Row(student, Map.of(), 0, reason, null);
    }

    /** A student's row: each module's score, the total, and notes on what went wrong. */
    static Row row(String student, Results results, String note) {
        Map<String, Double> scores = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (note != null) {
            notes.add(note);
        }
        for (ModuleResult module : results.modules()) {
            scores.put(module.name(), module.earned());
            if (module.problem() != null) {
                // the reason, and its first detail (the compiler's first error) when the reason introduces one
                List<String> lines = module.problem().lines().limit(2).toList();
                notes.add(module.name() + ": " + (lines.size() > 1 && lines.get(0).endsWith(":")
                        ? lines.get(0) + " " + lines.get(1).strip() : lines.get(0)));
            }
            if (!module.rubricErrors().isEmpty()) {
                notes.add(module.name() + ": RUBRIC ERRORS (see its report)");
            }
        }
        if (!results.notUsed().isEmpty()) {
            notes.add(results.notUsed().size() + " file(s) changed but not used (see summary-teacher.md)");
        }
        return new Row(student, scores, results.earned(), String.join("; ", notes), results);
    }

    private static Row withNote(Row row, String note) {
        if (note == null) {
            return row;
        }
        String notes = row.notes().isEmpty() ? note : note + "; " + row.notes();
        return new Row(row.student(), row.modules(), row.total(), notes, row.results());
    }
}
