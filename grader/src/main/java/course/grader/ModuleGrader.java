package course.grader;

import course.grader.Results.ModuleResult;
import course.grader.Results.PartResult;
import course.grader.Results.Status;
import course.grader.Results.TestResult;
import course.grader.runner.TestRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Grades one exercise module: compiles the chosen sources and the tests, runs the tests in a
 * child JVM (restarted after a crash, so one fatal test costs only itself), and scores them.
 */
final class ModuleGrader {

    /** Where a module's main sources come from: the roots laid over each other, last wins. */
    record Sources(String label, List<Path> roots, String prefix) {
    }

    private final CourseModule module;
    private final ClassPath classPath;
    private final Path work;
    private final Duration timeLimit;
    private final boolean withHidden;

    ModuleGrader(CourseModule module, ClassPath classPath, Path work, Duration timeLimit, boolean withHidden) {
        this.module = module;
        this.classPath = classPath;
        this.work = work;
        this.timeLimit = timeLimit;
        this.withHidden = withHidden;
    }

    ModuleResult grade(List<Path> mainOverlays) throws IOException {
        long start = System.nanoTime();
        Rubric rubric = module.rubric();
        deleteRecursively(work);
        Path classes = work.resolve("classes");
        Path testClasses = work.resolve("test-classes"); // ArchUnit recognises this name as tests

        SourceSet main = new SourceSet().overlay(module.dir().resolve("src/main/java"), "")
                .overlay(module.dir().resolve("src/main/resources"), "");
        for (Path overlay : mainOverlays) {
            main.overlay(overlay, module.packagePath() + "/");
        }
        List<String> errors = JavaCompilation.compile(main.javaFiles(), classPath.libraries(), classes, module.dir().getParent());
        if (!errors.isEmpty()) {
            return failedModule(rubric, "does not compile, so every test scores 0. The compiler says:\n"
                    + String.join("\n", errors), start);
        }
        main.copyResourcesTo(classes);

        SourceSet tests = new SourceSet().overlay(module.dir().resolve("src/test/java"), "")
                .overlay(module.dir().resolve("src/test/resources"), "");
        if (withHidden) {
            tests.overlay(module.hiddenTestDir(), "").overlay(module.dir().resolve("src/hidden-test/resources"), "");
        }
        List<Path> testCompileClassPath = new ArrayList<>(classPath.libraries());
        testCompileClassPath.add(0, classes);
        errors = JavaCompilation.compile(tests.javaFiles(), testCompileClassPath, testClasses, module.dir().getParent());
        if (!errors.isEmpty()) {
            return failedModule(rubric, "the tests do not compile against this code (was a class, method or"
                    + " signature the tests use renamed or changed?), so every test scores 0. The compiler says:\n"
                    + String.join("\n", errors), start);
        }
        tests.copyResourcesTo(testClasses);

        RunOutcome run = runTests(classes, testClasses);
        return score(rubric, run, start);
    }

    // ---------------------------------------------------------------- running

    private record Declared(String id, String className, String method, String display, Set<String> tags) {
    }

    private record RunOutcome(List<Declared> tests, Map<String, Status> status, Map<String, String> messages,
                              String problem) {
    }

    private RunOutcome runTests(Path classes, Path testClasses) throws IOException {
        Path events = work.resolve("events.txt");
        Path xml = work.resolve("junit-xml");
        List<Declared> declared = new ArrayList<>();
        Map<String, Status> status = new LinkedHashMap<>();
        Map<String, String> messages = new LinkedHashMap<>();
        Set<String> finishedOrCrashed = new LinkedHashSet<>();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        String problem = null;

        for (int attempt = 0; ; attempt++) {
            List<String> command = new ArrayList<>(List.of(
                    classPath.java().toString(), "-Xmx512m", "-Xss1m", "-XX:+ExitOnOutOfMemoryError",
                    "-Djava.awt.headless=true",
                    "-cp", classPath.runnerClassPath(classes, testClasses),
                    TestRunner.class.getName(), events.toString(), xml.toString(), testClasses.toString()));
            if (attempt > 0) {
                command.addAll(finishedOrCrashed);
                if (finishedOrCrashed.isEmpty()) {
                    command.add("-"); // a restart always skips something; "-" keeps the runner from re-declaring tests
                }
            }
            Process process = new ProcessBuilder(command)
                    .directory(module.dir().toFile())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("test-output.txt").toFile()))
                    .redirectErrorStream(true)
                    .start();
            long remaining = deadline - System.nanoTime();
            boolean exited;
            try {
                exited = process.waitFor(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while grading " + module.name());
            }
            if (!exited) {
                process.destroyForcibly();
            }
            Events seen = Events.read(events);
            if (attempt == 0) {
                declared.addAll(seen.declared);
            }
            status.putAll(seen.ended);
            messages.putAll(seen.messages);
            finishedOrCrashed.addAll(seen.ended.keySet());
            if (seen.done) {
                break;
            }
            String running = seen.startedNotEnded(finishedOrCrashed);
            if (!exited) {
                if (running != null) {
                    status.put(running, Status.FAILED);
                    messages.put(running, "did not finish within the module's time limit of " + timeLimit.toSeconds()
                            + " s, and ignored the test's own timeout (an infinite loop that never checks for"
                            + " interruption?)");
                }
                problem = "the tests of this module ran out of their time limit (" + timeLimit.toSeconds()
                        + " s); tests that had not run score 0";
                break;
            }
            if (running == null && process.exitValue() == TestRunner.RESTART_EXIT_CODE) {
                continue; // a test timed out; its result is recorded, the rest run in a fresh JVM
            }
            if (running == null) {
                problem = declared.isEmpty()
                        ? "the test JVM stopped before any test could run (exit code " + process.exitValue() + "):\n"
                        + tail(work.resolve("test-output.txt"))
                        : "the test JVM stopped between tests (exit code " + process.exitValue() + ")";
                break;
            }
            status.put(running, Status.FAILED);
            messages.put(running, crashMessage(process.exitValue()));
            finishedOrCrashed.add(running);
            if (finishedOrCrashed.size() >= declared.size()) {
                break;
            }
        }
        return new RunOutcome(declared, status, messages, problem);
    }

    private static String crashMessage(int exitCode) {
        return switch (exitCode) {
            case 0 -> "the test JVM exited during this test: the code under test called System.exit()."
                    + " Never exit from library code: throw an exception or return instead";
            case 3 -> "the code under test ran out of memory (java.lang.OutOfMemoryError) during this test:"
                    + " unbounded data, or threads created without end?";
            default -> "the test JVM crashed during this test (exit code " + exitCode + ")";
        };
    }

    /** The runner's events file, parsed. */
    private static final class Events {
        final List<Declared> declared = new ArrayList<>();
        final Map<String, Status> ended = new LinkedHashMap<>();
        final Map<String, String> messages = new LinkedHashMap<>();
        final List<String> started = new ArrayList<>();
        boolean done;

        static Events read(Path file) throws IOException {
            Events events = new Events();
            if (!Files.exists(file)) {
                return events;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", -1);
                String[] f = new String[parts.length - 1];
                for (int i = 1; i < parts.length; i++) {
                    f[i - 1] = new String(Base64.getDecoder().decode(parts[i]), StandardCharsets.UTF_8);
                }
                switch (parts[0]) {
                    case "TEST" -> events.declared.add(new Declared(f[0], f[1], f[2], f[3],
                            f[4].isEmpty() ? Set.of() : Set.of(f[4].split(","))));
                    case "START" -> events.started.add(f[0]);
                    case "END" -> {
                        events.ended.put(f[0], f[1].equals("SUCCESSFUL") ? Status.PASSED : Status.FAILED);
                        events.messages.put(f[0], f[2]);
                    }
                    case "DONE" -> events.done = true;
                    default -> { }
                }
            }
            // An events file is appended to by every restart: DONE means the last run finished.
            return events;
        }

        /** The test a run was in when it stopped: started, with no result yet. */
        String startedNotEnded(Set<String> alreadySettled) {
            for (int i = started.size() - 1; i >= 0; i--) {
                if (!ended.containsKey(started.get(i)) && !alreadySettled.contains(started.get(i))) {
                    return started.get(i);
                }
            }
            return null;
        }
    }

    // ---------------------------------------------------------------- scoring

    private ModuleResult score(Rubric rubric, RunOutcome run, long start) throws IOException {
        List<String> rubricErrors = new ArrayList<>();
        List<TestResult> results = new ArrayList<>();
        for (Declared test : run.tests()) {
            String part = tagValue(test.tags(), "part:");
            String points = tagValue(test.tags(), "points:");
            String where = test.className() + "." + test.method();
            if (part == null) {
                rubricErrors.add(where + " has no @Tag(\"part:X\"): its class needs one");
            } else if (!rubric.parts().containsKey(part)) {
                rubricErrors.add(where + " is tagged part:" + part + ", which rubric.properties does not declare");
            }
            double value = 0;
            if (points == null) {
                rubricErrors.add(where + " has no @Tag(\"points:N\"): a graded test needs points");
            } else {
                try {
                    value = Double.parseDouble(points);
                } catch (NumberFormatException e) {
                    rubricErrors.add(where + " has points:" + points + ", which is not a number");
                }
            }
            Status status = run.status().getOrDefault(test.id(), Status.NOT_RUN);
            String message = run.messages().getOrDefault(test.id(), status == Status.NOT_RUN ? "not run" : "");
            results.add(new TestResult(test.id(), test.className(), test.method(), test.display(), part, value,
                    module.isHidden(test.className()), status, message, 0));
        }
        List<PartResult> parts = new ArrayList<>();
        for (Rubric.Part part : rubric.parts().values()) {
            List<TestResult> ofPart = results.stream().filter(t -> part.id().equals(t.part())).toList();
            double testPoints = ofPart.stream().mapToDouble(TestResult::points).sum();
            if (ofPart.isEmpty()) {
                rubricErrors.add("part " + part.id() + " (" + part.title() + ") has no tests");
            } else if (withHidden && module.hasHiddenTests() && Math.abs(testPoints - part.points()) > 1e-9) {
                rubricErrors.add("part " + part.id() + " declares " + fmt(part.points()) + " points in rubric.properties"
                        + " but its tests carry " + fmt(testPoints));
            }
            parts.add(new PartResult(part.id(), part.title(), part.points(),
                    ofPart.stream().mapToDouble(TestResult::earned).sum()));
        }
        return new ModuleResult(module.name(), rubric.title(), parts, results, run.problem(), rubricErrors, seconds(start));
    }

    /** A module that could not be graded at all: every part scores 0, with the reason. */
    static ModuleResult notGraded(CourseModule module, String problem) {
        List<PartResult> parts = module.rubric().parts().values().stream()
                .map(p -> new PartResult(p.id(), p.title(), p.points(), 0)).toList();
        return new ModuleResult(module.name(), module.rubric().title(), parts, List.of(), problem, List.of(), 0);
    }

    private ModuleResult failedModule(Rubric rubric, String problem, long start) {
        List<PartResult> parts = rubric.parts().values().stream()
                .map(p -> new PartResult(p.id(), p.title(), p.points(), 0)).toList();
        return new ModuleResult(module.name(), rubric.title(), parts, List.of(), problem, List.of(), seconds(start));
    }

    private static String tagValue(Set<String> tags, String prefix) {
        return tags.stream().filter(t -> t.startsWith(prefix)).map(t -> t.substring(prefix.length())).findFirst().orElse(null);
    }

    static String fmt(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e7) / 100.0;
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
