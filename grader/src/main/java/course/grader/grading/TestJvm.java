package course.grader.grading;

import course.grader.files.Processes;
import course.grader.report.Results.Status;
import course.grader.runner.EventProtocol.Declared;
import course.grader.runner.TestRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one module's tests in a child JVM ({@link TestRunner}), restarted for the tests left after
 * a crash, an exit or a timed-out test whose code keeps running, so one fatal test costs only
 * itself; the whole run is bounded by the module's time limit.
 */
record TestJvm(ClassPath classPath, Path work, Duration timeLimit) {

    /** What the runs found: the tests declared, each one's status and message, and why the run stopped early (or null). */
    record Outcome(List<Declared> tests, Map<String, Status> status, Map<String, String> messages, String problem) {
    }

    Outcome run(Path classes, Path testClasses) throws IOException {
        Progress progress = new Progress();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        for (int attempt = 0; ; attempt++) {
            progress.settledAtStart = progress.settled.size();
            Processes.Outcome exit = Processes.run(command(classes, testClasses, attempt == 0 ? null : progress.settled),
                    Duration.ofNanos(deadline - System.nanoTime()));
            RunEvents seen = RunEvents.read(work.resolve("events.txt"));
            progress.record(seen, attempt == 0);
            Outcome end = progress.after(seen, exit);
            if (end != null) {
                return end;
            }
        }
    }

    /** What the runs so far have settled. */
    private final class Progress {
        final List<Declared> declared = new ArrayList<>();
        final Map<String, Status> status = new LinkedHashMap<>();
        final Map<String, String> messages = new LinkedHashMap<>();
        final Set<String> settled = new LinkedHashSet<>();
        int settledAtStart;

        void record(RunEvents seen, boolean first) {
            if (first) {
                declared.addAll(seen.declared());
            }
            seen.ended().forEach((id, end) -> settle(id, end.successful() ? Status.PASSED : Status.FAILED, end.message()));
        }

        void settle(String id, Status result, String message) {
            status.put(id, result);
            messages.put(id, message);
            settled.add(id);
        }

        /** The outcome once a run has ended as {@code exit} says, or null to start a fresh JVM for the tests left. */
        Outcome after(RunEvents seen, Processes.Outcome exit) throws IOException {
            if (seen.done()) {
                return outcome(null);
            }
            String running = seen.startedNotEnded(settled);
            if (exit.timedOut()) {
                if (running != null) {
                    settle(running, Status.FAILED, "did not finish within the module's time limit of " + timeLimit.toSeconds()
                            + " s, and ignored the test's own timeout (an infinite loop that never checks for interruption?)");
                }
                return outcome("the tests of this module ran out of their time limit (" + timeLimit.toSeconds()
                        + " s); tests that had not run score 0");
            }
            if (running == null) {
                // Between tests: a test timed out and its code kept running (the runner asked for a restart),
                // or that code went on to exit or run out of memory after its test had ended. Either way its
                // result is recorded: the tests left run in a fresh JVM, as long as each JVM gets further.
                boolean progressed = settled.size() > settledAtStart && settled.size() < declared.size();
                return exit.exitCode() == TestRunner.RESTART_EXIT_CODE || progressed ? null
                        : outcome(stoppedBetweenTests(declared, exit.exitCode()));
            }
            settle(running, Status.FAILED, crashMessage(exit.exitCode()));
            return settled.size() >= declared.size() ? outcome(null) : null;
        }

        Outcome outcome(String problem) {
            return new Outcome(declared, status, messages, problem);
        }
    }

    /** The child JVM's command; a restart ({@code skip} not null) names the tests already settled. */
    private ProcessBuilder command(Path classes, Path testClasses, Set<String> skip) {
        List<String> command = new ArrayList<>(List.of(
                classPath.java().toString(), "-Xmx512m", "-Xss1m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-cp", classPath.runnerClassPath(classes, testClasses),
                TestRunner.class.getName(), work.resolve("events.txt").toString(), work.resolve("junit-xml").toString(),
                testClasses.toString()));
        if (skip != null) {
            command.addAll(skip);
            if (skip.isEmpty()) {
                command.add("-"); // a restart always skips something; "-" keeps the runner from declaring the tests again
            }
        }
        return new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("test-output.txt").toFile()))
                .redirectErrorStream(true);
    }

    private String stoppedBetweenTests(List<Declared> declared, int exitCode) throws IOException {
        return declared.isEmpty()
                ? "the test JVM stopped before any test could run (exit code " + exitCode + "):\n" + tail(work.resolve("test-output.txt"))
                : "the test JVM stopped between tests (exit code " + exitCode + ")";
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

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
