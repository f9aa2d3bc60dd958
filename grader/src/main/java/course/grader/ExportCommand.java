package course.grader;

import course.grader.Results.ModuleResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./grade export DIR}: writes the student version, then checks it (build, stubs fail, no leaks). */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exports the student version into DIR and checks it (builds, stubs fail, no leaks).",
                "DIR must be new or empty. The check: `mvn -q -o test-compile` in DIR, the visible tests fail on the",
                "stubs, and no file holds a line of solution-only code or a hidden test's name or body (a leak is an",
                "error naming the file)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:exported and checked", "2:could not export (the reason is printed)",
                "4:exported, but the check failed (each problem is printed)"})
final class ExportCommand implements Callable<Integer> {

    static final int CHECK_FAILED = 4;

    @Parameters(index = "0", paramLabel = "DIR", description = "the new folder for the student version")
    Path dir;

    @Option(names = "--no-build", description = "skip the Maven build of the export (the leak scan and the stub check still run)")
    boolean noBuild;

    @Override
    public Integer call() {
        Path root = Main.courseRoot();
        Path target = dir.toAbsolutePath().normalize();
        long start = System.nanoTime();
        try {
            requireMasterCopy(root);
            Export.of(root).writeTo(target);
            System.out.println("Exported the student version to " + target);
            List<String> problems = check(root, target, !noBuild, System.out);
            System.out.printf("(%.1f s)%n", (System.nanoTime() - start) / 1e9);
            if (!problems.isEmpty()) {
                System.err.println("export: the student version in " + target + " is NOT ready to hand out:");
                problems.forEach(p -> System.err.println("  " + p));
                return CHECK_FAILED;
            }
            System.out.println((noBuild ? "(build not checked) " : "The export builds, ")
                    + "its visible tests fail on the stubs, and it leaks nothing.");
            return 0;
        } catch (IOException e) {
            System.err.println("export: " + e.getMessage());
            return Main.CANNOT_GRADE;
        }
    }

    static void requireMasterCopy(Path root) throws IOException {
        if (!Files.isDirectory(root.resolve("solutions")) || CourseModule.discover(root).isEmpty()) {
            throw new Main.CannotGrade(root + " is not a master copy (it needs the exercise modules and solutions/):"
                    + " run this from the teacher's repository.");
        }
    }

    /** Every problem of the export in {@code export}: leaks, a failing build, stubs that score or tests that do not run. */
    static List<String> check(Path root, Path export, boolean build, PrintStream log) throws IOException {
        List<String> problems = new ArrayList<>();
        ExportCheck secrets = ExportCheck.secretsOf(root);
        for (ExportCheck.Leak leak : secrets.scan(export)) {
            problems.add(leak + " — remove it from the master copy's file the export takes it from, then export again");
        }
        log.printf("leak scan: %d solution-only lines and %d hidden-test lines looked for: %s%n",
                secrets.solutionLineCount(), secrets.hiddenLineCount(), problems.isEmpty() ? "none found" : problems.size() + " found");
        if (build) {
            String failure = mavenBuild(export);
            log.println("build (mvn -B -q -o test-compile): " + (failure == null ? "ok" : "FAILED"));
            if (failure != null) {
                problems.add(failure);
            }
        }
        Main main = new Main();
        main.trusted = false;
        main.console = new PrintStream(OutputStream.nullOutputStream());
        Path out = Files.createTempDirectory("export-check");
        try {
            Results results = main.grade(export, out);
            for (ModuleResult module : results.modules()) {
                if (module.problem() != null) {
                    problems.add(module.name() + ": the visible tests could not run against the stubs: "
                            + module.problem().lines().findFirst().orElse("") + " — fix the stubs or tests in the master copy");
                } else if (module.tests().isEmpty()) {
                    problems.add(module.name() + ": the export has no visible test for this module — students would see nothing fail;"
                            + " add visible tests in src/test/java");
                } else if (module.earned() > 0) {
                    problems.add(module.name() + ": the stubs score " + ModuleGrader.fmt(module.earned()) + " (expected 0): tests "
                            + module.tests().stream().filter(t -> t.earned() > 0).map(Results.TestResult::displayName).toList()
                            + " pass on the stubs — make those stubs throw their TODO");
                } else if (module.tests().stream().noneMatch(t -> t.message().contains("TODO"))) {
                    problems.add(module.name() + ": no failing test shows a stub's TODO message — students would not"
                            + " know where to start; stubs should throw UnsupportedOperationException(\"TODO: ...\")");
                }
                log.printf("stubs: %s scores %s / %s on its %d visible tests%n", module.name(),
                        ModuleGrader.fmt(module.earned()), ModuleGrader.fmt(module.points()), module.tests().size());
            }
        } finally {
            ModuleGrader.deleteRecursively(out);
        }
        return problems;
    }

    /** Builds the export offline; null when it worked, else what failed. Leaves no target/ behind. */
    static String mavenBuild(Path export) throws IOException {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        Path log = Files.createTempFile("export-build", ".log");
        try {
            Process process = new ProcessBuilder(windows ? "mvn.cmd" : "mvn", "-B", "-q", "-o", "test-compile")
                    .directory(export.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = process.waitFor(10, TimeUnit.MINUTES);
            if (!done) {
                process.destroyForcibly();
                return "the export's build (mvn -B -q -o test-compile in " + export + ") took more than 10 minutes";
            }
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return "the export does not build: `mvn -B -q -o test-compile` in " + export + " exited with "
                        + process.exitValue() + "; it said:\n    "
                        + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 15), lines.size()))
                        + "\n  — fix the master copy's poms or sources (does the export's pom still list a removed module?)";
            }
            return null;
        } catch (IOException e) {
            return "could not run Maven to build the export (" + e.getMessage() + "): is `mvn` on the PATH?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while building the export";
        } finally {
            Files.deleteIfExists(log);
            deleteTargets(export);
        }
    }

    static void deleteTargets(Path export) throws IOException {
        List<Path> targets;
        try (Stream<Path> walk = Files.walk(export, 3)) {
            targets = walk.filter(Files::isDirectory).filter(d -> d.getFileName().toString().equals("target")).toList();
        }
        for (Path target : targets) {
            ModuleGrader.deleteRecursively(target);
        }
    }
}
