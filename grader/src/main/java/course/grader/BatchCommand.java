package course.grader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./grade batch FOLDER --out DIR}: grades every submission in FOLDER (one sub-folder or
 * zip file per student) with trusted grading, each in a process of its own, at most as many at
 * once as the machine has cores; writes a report folder per student, {@code gradebook.csv} and
 * {@code class-summary.md}. A submission that cannot be graded becomes a row with a note.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Grades a folder of submissions (one sub-folder or .zip each) into a gradebook.",
                "Writes DIR/gradebook.csv, DIR/class-summary.md and DIR/students/NAME/ (each student's reports).",
                "Submissions already graded in DIR are skipped unless --regrade."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the gradebook was written (whatever the scores; problems are notes in it)",
                "2:the folder could not be read (the reason is printed)"})
final class BatchCommand implements Callable<Integer> {

    private static final long MAX_UNZIPPED_BYTES = 500L * 1024 * 1024;
    private static final int MAX_ZIP_ENTRIES = 50_000;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "the folder of submissions")
    Path folder;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the gradebook and reports go")
    Path out;

    @Option(names = "--regrade", description = "grade again the submissions already graded in DIR")
    boolean regrade;

    @Option(names = "--jobs", paramLabel = "N", description = "submissions graded at once (default: the number of cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "time limit for one module's tests (default: ${DEFAULT-VALUE})")
    int timeLimitSeconds = 120;

    /** For verification: the one module to grade of some submissions (by student name). */
    final Map<String, String> onlyModule = new TreeMap<>();

    /** One student's line of the gradebook. */
    record Row(String student, Map<String, Double> modules, double total, String notes, JsonNode report) {
    }

    @Override
    public Integer call() {
        try {
            long start = System.nanoTime();
            List<Row> rows = run(folder.toAbsolutePath().normalize(), out.toAbsolutePath().normalize());
            System.out.printf("Graded %d submissions in %.1f s: %s%n", rows.size(), (System.nanoTime() - start) / 1e9,
                    out.toAbsolutePath().normalize().resolve("gradebook.csv"));
            return 0;
        } catch (IOException e) {
            System.err.println("batch: " + e.getMessage());
            return Main.CANNOT_GRADE;
        }
    }

    List<Row> run(Path submissions, Path outDir) throws IOException {
        if (!Files.isDirectory(submissions)) {
            throw new Main.CannotGrade(submissions + " is not a folder: give the folder that holds one sub-folder"
                    + " or zip file per student.");
        }
        Path root = Main.courseRoot();
        List<CourseModule> modules = CourseModule.discover(root);
        if (modules.isEmpty()) {
            throw new Main.CannotGrade(root + " is not a course (no module with a rubric.properties): run ./grade batch"
                    + " from the teacher's copy.");
        }
        Map<String, Path> entries = new TreeMap<>();
        Map<String, String> preNotes = new TreeMap<>();
        try (Stream<Path> list = Files.list(submissions)) {
            for (Path entry : list.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || name.equals("__MACOSX")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    entries.put(name, entry);
                } else if (name.toLowerCase().endsWith(".zip")) {
                    String student = name.substring(0, name.length() - 4);
                    if (entries.containsKey(student)) {
                        preNotes.put(student, "both a folder and " + name + ": graded the folder");
                    } else {
                        entries.put(student, entry);
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            throw new Main.CannotGrade(submissions + " holds no sub-folder and no .zip file: nothing to grade.");
        }
        Files.createDirectories(outDir.resolve("students"));
        Map<String, String> notes = new TreeMap<>(preNotes);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        Map<String, Future<String>> running = new LinkedHashMap<>();
        for (var entry : entries.entrySet()) {
            String student = entry.getKey();
            Path reports = outDir.resolve("students").resolve(safeName(student));
            if (!regrade && Files.isRegularFile(reports.resolve("report.json"))) {
                System.out.println("already graded (use --regrade to grade again): " + student);
                continue;
            }
            running.put(student, pool.submit(() -> gradeOne(root, entry.getValue(), reports, outDir, modules.size(),
                    onlyModule.get(student))));
        }
        pool.shutdown();
        for (var entry : running.entrySet()) {
            try {
                String note = entry.getValue().get();
                if (note != null) {
                    notes.merge(entry.getKey(), note, (a, b) -> a + "; " + b);
                }
                System.out.println("graded " + entry.getKey() + (note == null ? "" : " (" + note + ")"));
            } catch (java.util.concurrent.ExecutionException e) {
                notes.merge(entry.getKey(), "could not be graded: " + e.getCause(), (a, b) -> a + "; " + b);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String student : entries.keySet()) {
            rows.add(row(student, outDir.resolve("students").resolve(safeName(student)), modules, notes.get(student)));
        }
        writeGradebook(rows, modules, outDir.resolve("gradebook.csv"));
        Files.writeString(outDir.resolve("class-summary.md"), classSummary(rows, modules));
        return rows;
    }

    /** Grades one submission in a process of its own; returns a note, or null. */
    private String gradeOne(Path root, Path submission, Path reports, Path outDir, int moduleCount, String module)
            throws IOException {
        ModuleGrader.deleteRecursively(reports);
        Files.createDirectories(reports);
        Path folderToGrade = submission;
        if (Files.isRegularFile(submission)) {
            folderToGrade = outDir.resolve("unzipped").resolve(reports.getFileName());
            try {
                unzip(submission, folderToGrade);
            } catch (IOException e) {
                Files.writeString(reports.resolve("error.txt"), e.getMessage() + "\n");
                return "not a readable zip file: " + e.getMessage();
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-Dcourse.root=" + root, "-cp", classPath,
                Main.class.getName(), folderToGrade.toString(), "--out", reports.toString(),
                "--time-limit", String.valueOf(timeLimitSeconds)));
        if (module != null) {
            command.addAll(List.of("--module", module));
        }
        Path log = reports.resolve("grade.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long limit = (long) moduleCount * (timeLimitSeconds + 60) + 60;
        try {
            if (!process.waitFor(limit, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return "grading did not finish within " + limit + " s and was stopped";
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            if (Files.isRegularFile(submission)) {
                ModuleGrader.deleteRecursively(folderToGrade);
            }
            ModuleGrader.deleteRecursively(reports.resolve("work"));
        }
        if (process.exitValue() == Main.CANNOT_GRADE && !Files.isRegularFile(reports.resolve("report.json"))) {
            String reason = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("grade: "))
                    .map(l -> l.substring("grade: ".length())).findFirst().orElse("the grader could not grade it: see grade.log");
            Files.writeString(reports.resolve("error.txt"), reason + "\n");
            return reason;
        }
        return null;
    }

    private static Row row(String student, Path reports, List<CourseModule> modules, String note) throws IOException {
        Map<String, Double> scores = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (note != null) {
            notes.add(note);
        }
        Path reportFile = reports.resolve("report.json");
        if (!Files.isRegularFile(reportFile)) {
            if (notes.isEmpty()) {
                notes.add(Files.isRegularFile(reports.resolve("error.txt"))
                        ? Files.readString(reports.resolve("error.txt")).strip() : "no report");
            }
            return new Row(student, scores, 0, String.join("; ", notes), null);
        }
        JsonNode report = new ObjectMapper().readTree(reportFile.toFile());
        double total = 0;
        for (JsonNode module : report.get("modules")) {
            double earned = 0;
            for (JsonNode part : module.get("parts")) {
                earned += part.get("earned").asDouble();
            }
            scores.put(module.get("name").asText(), earned);
            total += earned;
            if (!module.get("problem").isNull()) {
                // the reason, and its first detail (the compiler's first error) when the reason introduces one
                List<String> lines = module.get("problem").asText().lines().limit(2).toList();
                notes.add(module.get("name").asText() + ": " + (lines.size() > 1 && lines.get(0).endsWith(":")
                        ? lines.get(0) + " " + lines.get(1).strip() : lines.get(0)));
            }
            if (module.get("rubricErrors").size() > 0) {
                notes.add(module.get("name").asText() + ": RUBRIC ERRORS (see its report)");
            }
        }
        JsonNode notUsed = report.get("notUsed");
        if (notUsed != null && notUsed.size() > 0) {
            notes.add(notUsed.size() + " file(s) changed but not used (see summary-teacher.md)");
        }
        return new Row(student, scores, total, String.join("; ", notes), report);
    }

    static void writeGradebook(List<Row> rows, List<CourseModule> modules, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("student");
        modules.forEach(m -> csv.append(',').append(m.name()));
        csv.append(",total,notes\n");
        for (Row row : rows) {
            csv.append(csv(row.student()));
            for (CourseModule module : modules) {
                csv.append(',').append(ModuleGrader.fmt(row.modules().getOrDefault(module.name(), 0.0)));
            }
            csv.append(',').append(ModuleGrader.fmt(Math.round(row.total() * 100) / 100.0)).append(',')
                    .append(csv(row.notes())).append('\n');
        }
        Files.writeString(file, csv.toString());
    }

    private static String csv(String value) {
        String safe = value == null ? "" : value.replace("\r", " ").replace("\n", " ");
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe; // a spreadsheet must not run a student's folder name as a formula
        }
        return safe.contains(",") || safe.contains("\"") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    static String classSummary(List<Row> rows, List<CourseModule> modules) {
        List<Row> graded = rows.stream().filter(r -> r.report() != null).toList();
        StringBuilder md = new StringBuilder("# Class summary\n\n")
                .append(rows.size()).append(" submissions, ").append(graded.size()).append(" graded");
        if (graded.size() < rows.size()) {
            md.append(" (not graded: ").append(String.join(", ", rows.stream().filter(r -> r.report() == null)
                    .map(Row::student).toList())).append(")");
        }
        md.append(".\n\n## Mean per part\n\n| Module | Part | Mean | Points |\n|---|---|---:|---:|\n");
        for (CourseModule module : modules) {
            for (Rubric.Part part : module.rubric().parts().values()) {
                double sum = 0;
                for (Row row : graded) {
                    for (JsonNode m : row.report().get("modules")) {
                        if (m.get("name").asText().equals(module.name())) {
                            for (JsonNode p : m.get("parts")) {
                                if (p.get("id").asText().equals(part.id())) {
                                    sum += p.get("earned").asDouble();
                                }
                            }
                        }
                    }
                }
                md.append("| ").append(module.name()).append(" | ").append(part.id()).append(". ").append(part.title())
                        .append(" | ").append(graded.isEmpty() ? "–" : String.format(java.util.Locale.ROOT, "%.1f", sum / graded.size()))
                        .append(" | ").append(ModuleGrader.fmt(part.points())).append(" |\n");
            }
        }
        double meanTotal = graded.stream().mapToDouble(Row::total).average().orElse(0);
        md.append(String.format(java.util.Locale.ROOT, "%n**Mean total: %.1f / %s**%n", meanTotal,
                ModuleGrader.fmt(modules.stream().mapToDouble(m -> m.rubric().totalPoints()).sum())));
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (Row row : graded) {
            for (JsonNode m : row.report().get("modules")) {
                for (JsonNode t : m.get("tests")) {
                    if (!"PASSED".equals(t.get("status").asText())) {
                        String key = m.get("name").asText() + " | " + t.get("part").asText() + " | "
                                + (t.get("hidden").asBoolean() ? "[hidden] " : "") + t.get("displayName").asText();
                        failures.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        md.append("\n## Most-failed tests\n\n");
        if (failures.isEmpty()) {
            md.append("No test failed.\n");
        } else {
            md.append("| Module | Part | Test | Failed by |\n|---|---|---|---:|\n");
            failures.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey())).limit(15)
                    .forEach(e -> md.append("| ").append(e.getKey().replace("|", "\\|").replace(" \\| ", " | "))
                            .append(" | ").append(e.getValue()).append(" of ").append(graded.size()).append(" |\n"));
        }
        return md.toString();
    }

    /** Extracts a zip safely: no entry outside {@code target}, bounded size and entry count. */
    static void unzip(Path zip, Path target) throws IOException {
        ModuleGrader.deleteRecursively(target);
        Files.createDirectories(target);
        long total = 0;
        int count = 0;
        boolean any = false;
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                any = true;
                if (++count > MAX_ZIP_ENTRIES) {
                    throw new IOException(zip.getFileName() + " has more than " + MAX_ZIP_ENTRIES + " entries");
                }
                Path to = target.resolve(entry.getName()).normalize();
                if (!to.startsWith(target)) {
                    throw new IOException(zip.getFileName() + " has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                    continue;
                }
                Files.createDirectories(to.getParent());
                try (var outStream = Files.newOutputStream(to)) {
                    byte[] buffer = new byte[65536];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > MAX_UNZIPPED_BYTES) {
                            throw new IOException(zip.getFileName() + " unpacks to more than " + MAX_UNZIPPED_BYTES / 1024 / 1024 + " MB");
                        }
                        outStream.write(buffer, 0, n);
                    }
                }
            }
        }
        if (!any) {
            throw new IOException(zip.getFileName() + " is empty or not a zip file");
        }
    }

    private static String safeName(String student) {
        return student.replaceAll("[^A-Za-z0-9._@-]", "_");
    }

    static void copyTree(Path from, Path to) throws IOException {
        for (Path file : TrustedCopy.files(from)) {
            Path destination = to.resolve(from.relativize(file).toString());
            Files.createDirectories(destination.getParent());
            Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
