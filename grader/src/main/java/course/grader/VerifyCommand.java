package course.grader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import course.grader.Results.ModuleResult;
import course.grader.Results.PartResult;
import course.grader.Results.TestResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./grade verify}: the assignment proves itself. The reference solutions score full marks,
 * the stubs zero, every known-wrong fixture loses exactly its parts; the export builds and leaks
 * nothing; the same cases graded again — as students' submissions through trusted batch grading —
 * give identical scores test by test; and the Gradescope bundle grades the solutions to full marks.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Verifies the assignment: solutions full, stubs 0, fixtures lose their parts, export clean.",
                "Also: the export builds, a repeat run (trusted batch grading of the same cases) gives identical",
                "scores test by test, and the Gradescope bundle grades the solutions to full marks."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every check passed", "1:a check failed (each failure says what it saw and expected)",
                "2:could not verify (the reason is printed)"})
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "where the verification's files go (default: target/verify)")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "gradings at once (default: the number of cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-build", description = "skip the Maven build of the export")
    boolean noBuild;

    @Option(names = "--no-gradescope", description = "skip the Gradescope bundle check")
    boolean noGradescope;

    /** A case: what is graded, and what it must score. */
    record Case(String id, String module, List<Path> overlays, Set<String> loses, String kind) {
    }

    private final List<String> passed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @Override
    public Integer call() {
        Path root = Main.courseRoot();
        Path outDir = (out == null ? root.resolve("target/verify") : out).toAbsolutePath().normalize();
        long start = System.nanoTime();
        try {
            ExportCommand.requireMasterCopy(root);
            ModuleGrader.deleteRecursively(outDir);
            Files.createDirectories(outDir);
            List<Case> cases = cases(root);
            System.out.printf("verify: %d cases (solutions, stubs, known-wrong fixtures), %d at once%n", cases.size(), jobs);

            Map<String, Results> first = gradeAll(root, cases, outDir.resolve("runs"));
            for (Case c : cases) {
                check(c, first.get(c.id()));
            }
            lap("grading", start);

            long t = System.nanoTime();
            Path export = outDir.resolve("export");
            Export.of(root).writeTo(export);
            List<String> exportProblems = ExportCommand.check(root, export, !noBuild, System.out);
            record("export: builds" + (noBuild ? " (not checked)" : "") + ", visible tests fail on the stubs, no leak",
                    exportProblems.isEmpty(), String.join("\n    ", exportProblems));
            lap("export", t);

            t = System.nanoTime();
            Path submissions = outDir.resolve("submissions");
            Files.createDirectories(submissions);
            List<Case> crashes = crashCases(root);
            List<Case> batchCases = new ArrayList<>(cases);
            batchCases.addAll(crashes);
            for (Case c : batchCases) {
                List<Path> overlays = new ArrayList<>();
                if (!c.kind().equals("stubs")) {
                    overlays.addAll(Submissions.solutions(root));
                }
                overlays.addAll(c.overlays());
                Submissions.make(root, submissions.resolve(c.id()), overlays);
            }
            BatchCommand batch = new BatchCommand();
            batch.jobs = jobs;
            batchCases.stream().filter(c -> c.module() != null).forEach(c -> batch.onlyModule.put(c.id(), c.module()));
            List<BatchCommand.Row> rows = batch.run(submissions, outDir.resolve("batch"));
            for (Case c : cases) {
                BatchCommand.Row row = rows.stream().filter(r -> r.student().equals(c.id())).findFirst().orElseThrow();
                compareRepeat(c, first.get(c.id()), row);
            }
            for (Case c : crashes) {
                BatchCommand.Row row = rows.stream().filter(r -> r.student().equals(c.id())).findFirst().orElseThrow();
                CourseModule module = CourseModule.discover(root).stream().filter(m -> m.name().equals(c.module())).findFirst().orElseThrow();
                double expected = module.rubric().parts().values().stream().filter(p -> !c.loses().contains(p.id()))
                        .mapToDouble(Rubric.Part::points).sum();
                double seen = row.modules().getOrDefault(c.module(), -1.0);
                record(c.id() + ": in the batch, scores " + ModuleGrader.fmt(expected) + " (loses " + new java.util.TreeSet<>(c.loses())
                                + ") and stops nothing", row.report() != null && seen == expected,
                        "saw " + ModuleGrader.fmt(seen) + " (" + row.notes() + "); expected " + ModuleGrader.fmt(expected)
                                + " — see " + outDir.resolve("batch/students").resolve(c.id()));
            }
            lap("repeat run (trusted batch grading of the same cases)", t);

            if (!noGradescope) {
                t = System.nanoTime();
                Path zip = GradescopeCommand.write(root, outDir.resolve("gradescope"));
                Path results = GradescopeCommand.runLocally(zip, submissions.resolve("solutions"), outDir.resolve("gradescope-run"));
                JsonNode json = new ObjectMapper().readTree(results.toFile());
                double max = CourseModule.discover(root).stream().mapToDouble(m -> m.rubric().totalPoints()).sum();
                record("gradescope: run_autograder on the solutions writes results.json with " + ModuleGrader.fmt(max) + " / "
                                + ModuleGrader.fmt(max),
                        json.path("score").asDouble(-1) == max && json.path("max_score").asDouble(-1) == max,
                        "saw score " + json.path("score") + " / " + json.path("max_score") + " in " + results
                                + "; expected " + ModuleGrader.fmt(max) + ". See " + outDir.resolve("gradescope-run/run_autograder.log"));
                lap("gradescope bundle", t);
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("verify: " + e.getMessage());
            return Main.CANNOT_GRADE;
        }
        StringBuilder report = new StringBuilder("# Verification\n\n");
        passed.forEach(p -> report.append("- PASS ").append(p).append('\n'));
        failed.forEach(f -> report.append("- FAIL ").append(f).append('\n'));
        warnings.forEach(w -> report.append("- WARN ").append(w).append('\n'));
        report.append(String.format("%n%d passed, %d failed, %d warning(s), %.0f s%n", passed.size(), failed.size(), warnings.size(),
                (System.nanoTime() - start) / 1e9));
        try {
            Files.writeString(outDir.resolve("verify.md"), report.toString());
        } catch (IOException e) {
            System.err.println("verify: could not write " + outDir.resolve("verify.md"));
        }
        System.out.println();
        System.out.print(report);
        if (!failed.isEmpty()) {
            System.err.println("verify: " + failed.size() + " check(s) failed: the assignment is not sound yet (details above and in "
                    + outDir.resolve("verify.md") + ").");
            return 1;
        }
        return 0;
    }

    private static void lap(String what, long start) {
        System.out.printf("  %s: %.0f s%n", what, (System.nanoTime() - start) / 1e9);
    }

    /** Solutions and stubs of every module, and every known-wrong fixture under grader/src/test/fixtures. */
    static List<Case> cases(Path root) throws IOException {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("solutions", null, List.of(), Set.of(), "solutions"));
        cases.add(new Case("stubs", null, List.of(), Set.of(), "stubs"));
        for (CourseModule module : CourseModule.discover(root)) {
            Path fixtures = root.resolve("grader/src/test/fixtures").resolve(module.name());
            if (!Files.isDirectory(fixtures)) {
                continue;
            }
            try (Stream<Path> dirs = Files.list(fixtures)) {
                for (Path fixture : dirs.filter(d -> Files.isRegularFile(d.resolve("fixture.properties"))).sorted().toList()) {
                    Properties p = new Properties();
                    try (Reader in = Files.newBufferedReader(fixture.resolve("fixture.properties"))) {
                        p.load(in);
                    }
                    if ("false".equals(p.getProperty("checked", "true").strip())) {
                        continue; // kept for reference; fixture.properties says why it cannot be checked yet
                    }
                    Set<String> loses = Arrays.stream(p.getProperty("loses", "").split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
                    cases.add(new Case(module.name() + "--" + fixture.getFileName(), module.name(), List.of(fixture), loses, "fixture"));
                }
            }
        }
        return cases;
    }

    /**
     * The crash fixtures graded in verify's batch: one that does not compile and one that hangs. (All
     * of grader/src/test/crash-fixtures are graded by the grader's own tests, FatalSubmissionsTest.)
     */
    static final Set<String> BATCH_CRASHES = Set.of("compile-error", "infinite-loop");

    /**
     * Submissions that do not compile or hang: graded only in the batch, where each must cost
     * exactly its parts and never stop the others.
     */
    static List<Case> crashCases(Path root) throws IOException {
        List<Case> cases = new ArrayList<>();
        Path crashes = root.resolve("grader/src/test/crash-fixtures");
        if (!Files.isDirectory(crashes)) {
            return cases;
        }
        Set<String> modules = CourseModule.discover(root).stream().map(CourseModule::name).collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.list(crashes)) {
            for (Path fixture : dirs.filter(d -> Files.isRegularFile(d.resolve("fixture.properties")))
                    .filter(d -> BATCH_CRASHES.contains(d.getFileName().toString())).sorted().toList()) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(fixture.resolve("fixture.properties"))) {
                    p.load(in);
                }
                String module = p.getProperty("module", "").strip();
                if (!modules.contains(module)) {
                    continue;
                }
                Set<String> loses = Arrays.stream(p.getProperty("loses", "").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
                cases.add(new Case("crash--" + fixture.getFileName(), module, List.of(fixture), loses, "crash"));
            }
        }
        return cases;
    }

    private Map<String, Results> gradeAll(Path root, List<Case> cases, Path runs) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        Map<String, Future<Results>> futures = new LinkedHashMap<>();
        for (Case c : cases) {
            futures.put(c.id(), pool.submit(() -> {
                Main main = new Main();
                main.console = new PrintStream(OutputStream.nullOutputStream());
                main.solutions = !c.kind().equals("stubs");
                main.overlays = c.overlays();
                if (c.module() != null) {
                    main.onlyModules = List.of(c.module());
                }
                Results results = main.grade(root, runs.resolve(c.id()));
                System.out.printf("  graded %s: %s / %s%n", c.id(), ModuleGrader.fmt(results.earned()), ModuleGrader.fmt(results.points()));
                return results;
            }));
        }
        pool.shutdown();
        Map<String, Results> results = new TreeMap<>();
        for (var entry : futures.entrySet()) {
            try {
                results.put(entry.getKey(), entry.getValue().get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("could not grade " + entry.getKey() + ": " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    private void check(Case c, Results results) {
        for (ModuleResult module : results.modules()) {
            String where = c.id() + (c.module() == null ? " " + module.name() : "");
            if (!module.rubricErrors().isEmpty()) {
                record(where + ": rubric", false, "rubric errors: " + module.rubricErrors() + " — fix rubric.properties or the tags (docs/AUTHORING.md)");
                continue;
            }
            if (module.problem() != null) {
                record(where + ": graded normally", false, "saw: " + module.problem().lines().findFirst().orElse("")
                        + "; expected the code to compile and the tests to run");
                continue;
            }
            switch (c.kind()) {
                case "solutions" -> record(where + ": full marks (" + ModuleGrader.fmt(module.points()) + ")",
                        module.earned() == module.points(), "saw " + ModuleGrader.fmt(module.earned()) + "; failing: "
                                + failing(module) + " — the reference solution or these tests are wrong");
                case "stubs" -> record(where + ": zero", module.earned() == 0 && !module.tests().isEmpty(),
                        module.tests().isEmpty() ? "no test ran" : "saw " + ModuleGrader.fmt(module.earned()) + "; passing on the stubs: "
                                + module.tests().stream().filter(t -> t.earned() > 0).map(TestResult::displayName).toList()
                                + " — make those stubs throw their TODO, or the tests check more");
                default -> {
                    List<String> wrong = new ArrayList<>();
                    for (PartResult part : module.parts()) {
                        boolean shouldLose = c.loses().contains(part.id());
                        if (shouldLose && part.earned() >= part.points()) {
                            wrong.add("part " + part.id() + " kept full marks (expected a loss: no test catches this mistake)");
                        } else if (!shouldLose && part.earned() < part.points()) {
                            wrong.add("part " + part.id() + " lost points (expected full marks; failing: " + failing(module, part.id()) + ")");
                        }
                    }
                    record(where + ": loses exactly " + new java.util.TreeSet<>(c.loses()), wrong.isEmpty(), String.join("; ", wrong)
                            + " — fix the tests or the fixture's loses= in fixture.properties");
                }
            }
        }
    }

    /** The batch's trusted grading of the same case must agree with the first run, test by test. */
    private void compareRepeat(Case c, Results first, BatchCommand.Row row) {
        if (row.report() == null) {
            record(c.id() + ": repeat run", false, "the batch could not grade it: " + row.notes());
            return;
        }
        Map<String, String> before = new TreeMap<>();
        for (ModuleResult module : first.modules()) {
            module.tests().forEach(t -> before.put(module.name() + " " + t.className() + "." + t.method(), t.status().name()));
        }
        Map<String, String> after = new TreeMap<>();
        for (JsonNode module : row.report().get("modules")) {
            if (c.module() != null && !module.get("name").asText().equals(c.module())) {
                continue;
            }
            for (JsonNode t : module.get("tests")) {
                after.put(module.get("name").asText() + " " + t.get("className").asText() + "." + t.get("method").asText(),
                        t.get("status").asText());
            }
        }
        List<String> differ = new ArrayList<>();
        for (String test : before.keySet()) {
            if (!before.get(test).equals(after.get(test))) {
                differ.add(test + ": " + before.get(test) + " then " + after.get(test));
            }
        }
        double expected = first.earned();
        double again = c.module() == null ? row.total() : row.modules().getOrDefault(c.module(), -1.0);
        if (c.kind().equals("fixture")) {
            // Known-wrong concurrent code may fail a different mix of tests from run to run (a race
            // is a race); what must not change is which parts it loses. Right code (solutions), the
            // stubs and the crash cases must repeat test by test.
            java.util.Set<String> lostBefore = new java.util.TreeSet<>();
            for (ModuleResult module : first.modules()) {
                module.parts().stream().filter(p -> p.earned() < p.points()).forEach(p -> lostBefore.add(module.name() + " " + p.id()));
            }
            java.util.Set<String> lostAfter = new java.util.TreeSet<>();
            for (JsonNode module : row.report().get("modules")) {
                if (c.module() != null && !module.get("name").asText().equals(c.module())) {
                    continue;
                }
                for (JsonNode part : module.get("parts")) {
                    if (part.get("earned").asDouble() < part.get("points").asDouble()) {
                        lostAfter.add(module.get("name").asText() + " " + part.get("id").asText());
                    }
                }
            }
            if (!lostBefore.equals(lostAfter) && !after.isEmpty()) {
                // Reported, not failed: the fixture check above already holds the contract on the
                // first run; a drift on the repeat (wrong concurrent code under a busier machine) is a
                // lead for the teacher, not a wrong grade of right code.
                String warning = c.id() + ": repeat run lost " + lostAfter + ", first run lost " + lostBefore
                        + " — a test of another part reacts to this mistake on a busy machine: make it check only its own"
                        + " part (docs/AUTHORING.md)";
                warnings.add(warning);
                System.out.println("  WARN " + warning);
                return;
            }
            record(c.id() + ": repeat run loses the same parts " + lostBefore, lostBefore.equals(lostAfter) && !after.isEmpty(),
                    "first run lost " + lostBefore + ", repeat lost " + lostAfter + " (scores " + ModuleGrader.fmt(expected)
                            + " then " + ModuleGrader.fmt(again) + ") — a test of another part reacts to this mistake:"
                            + " make it check only its own part (docs/AUTHORING.md)");
            return;
        }
        record(c.id() + ": repeat run gives " + ModuleGrader.fmt(expected) + " again, test by test",
                differ.isEmpty() && expected == again && !after.isEmpty(),
                "first run " + ModuleGrader.fmt(expected) + ", repeat " + ModuleGrader.fmt(again) + "; tests that differ: " + differ
                        + " — a flaky test (timing? shared state?) must be made deterministic (docs/AUTHORING.md)");
    }

    private static String failing(ModuleResult module) {
        return failing(module, null);
    }

    private static String failing(ModuleResult module, String part) {
        return module.tests().stream().filter(t -> t.earned() < t.points() && (part == null || part.equals(t.part())))
                .map(t -> t.displayName() + " -> " + t.message().lines().findFirst().orElse("")).toList().toString();
    }

    private void record(String check, boolean ok, String detail) {
        if (ok) {
            passed.add(check);
            System.out.println("  PASS " + check);
        } else {
            failed.add(check + "\n    " + detail);
            System.out.println("  FAIL " + check + "\n    " + detail);
        }
    }
}
