package course.grader.grading;

import course.grader.files.Processes;
import course.grader.report.Results.Status;
import course.grader.runner.EventProtocol;
import course.grader.runner.EventProtocol.Declared;
import course.grader.runner.TestRunner;
import java.io.IOException;
import java.io.OutputStream;
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
 * Runs one module's tests in a child JVM ({@link TestRunner}) in the sandbox, restarted for the
 * tests left after a crash, an exit or a timed-out test whose code keeps running, so one fatal
 * test costs only itself; the whole run is bounded by the module's time limit. The child sees only
 * its runtime, the tests and the compiled code (read-only) and a scratch folder, never a path of
 * the course; its events are signed with a key it reads from its standard input.
 */
record TestJvm(TestRuntime runtime, Sandbox sandbox, Path work, Duration timeLimit) {

    /** What the runs found: the tests declared, each one's status and message, and why the run stopped early (or null). */
    record Outcome(List<Declared> tests, Map<String, Status> status, Map<String, String> messages,
                   Map<String, String> timelines, String problem) {
    }

    /** How one JVM ended: its exit code, or out of time, or stuck shutting down (killed after {@link #EXIT_GRACE}). */
    private record Exit(int code, boolean timedOut, boolean stuckExiting) {
    }

    /** A JVM exits in milliseconds: one still exiting after this is held up by a shutdown hook. */
    static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    Outcome run(Path classes, Path testClasses) throws IOException {
        return run(classes, testClasses, List.of(), "scratch");
    }

    /**
     * Runs the tests found in {@code testClasses} ({@code alsoOnClassPath}: tests they use, such as
     * the course's fakes for a student's own tests), with a scratch folder of the given name.
     */
    Outcome run(Path classes, Path testClasses, List<Path> alsoOnClassPath, String scratchName) throws IOException {
        Path scratch = Files.createDirectories(work.resolve(scratchName));
        List<Path> tests = new ArrayList<>(List.of(testClasses));
        tests.addAll(alsoOnClassPath);
        byte[] key = EventProtocol.newKey();
        Progress progress = new Progress();
        long deadline = System.nanoTime() + timeLimit.toNanos();
        for (int attempt = 0; ; attempt++) {
            progress.settledAtStart = progress.settled.size();
            Path events = scratch.resolve("events-" + attempt + ".txt");
            List<Path> readOnly = new ArrayList<>(List.of(runtime.dir(), classes));
            readOnly.addAll(tests);
            List<String> command = sandbox.wrap(command(events, tests, classes, attempt == 0 ? null : progress.settled),
                    scratch, readOnly, runtime.java());
            Exit exit = runOnce(command, scratch, events, key, deadline);
            RunEvents seen = RunEvents.read(events, key);
            progress.record(seen, attempt == 0);
            Outcome end = progress.after(seen, exit);
            if (end != null) {
                return end;
            }
        }
    }

    private Exit runOnce(List<String> command, Path scratch, Path events, byte[] key, long deadline) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile()).redirectErrorStream(true);
        builder.environment().keySet().retainAll(Set.of("PATH", "LANG", "TZ", "SYSTEMROOT"));
        builder.environment().put("HOME", scratch.toString());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the JVM died at once: its output says why
        }
        OutputCapture output = OutputCapture.of(process.getInputStream());
        try {
            return waitFor(process, events, key, deadline);
        } finally {
            output.appendTo(work.resolve("test-output.txt"));
            sandbox.cleanUp();
        }
    }

    /** Waits for the JVM until the deadline; one that began to exit but does not end within the grace is killed. */
    private static Exit waitFor(Process process, Path events, byte[] key, long deadline) throws IOException {
        long exitingSince = 0;
        try {
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline) {
                    Processes.killTree(process);
                    return new Exit(-1, true, false);
                }
                if (exitingSince == 0 && RunEvents.read(events, key).exiting()) {
                    exitingSince = System.nanoTime();
                } else if (exitingSince != 0 && System.nanoTime() - exitingSince > EXIT_GRACE.toNanos()) {
                    Processes.killTree(process);
                    return new Exit(-1, false, true);
                }
            }
            return new Exit(process.exitValue(), false, false);
        } catch (InterruptedException e) {
            Processes.killTree(process);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while running the tests");
        }
    }

    /** What the runs so far have settled. */
    private final class Progress {
        final List<Declared> declared = new ArrayList<>();
        final Map<String, Status> status = new LinkedHashMap<>();
        final Map<String, String> messages = new LinkedHashMap<>();
        final Map<String, String> timelines = new LinkedHashMap<>();
        final Set<String> settled = new LinkedHashSet<>();
        int settledAtStart;

        void record(RunEvents seen, boolean first) {
            if (first) {
                declared.addAll(seen.declared());
            }
            seen.ended().forEach((id, end) -> settle(id, end.successful() ? Status.PASSED : Status.FAILED, end.message()));
            timelines.putAll(seen.timelines());
        }

        void settle(String id, Status result, String message) {
            status.put(id, result);
            messages.put(id, message);
            settled.add(id);
        }

        /** The outcome once a run has ended as {@code exit} says, or null to start a fresh JVM for the tests left. */
        Outcome after(RunEvents seen, Exit exit) throws IOException {
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
                return exit.code() == TestRunner.RESTART_EXIT_CODE || progressed ? null
                        : outcome(stoppedBetweenTests(declared, exit));
            }
            settle(running, Status.FAILED, crashMessage(exit, seen.exiting()));
            return settled.size() >= declared.size() ? outcome(null) : null;
        }

        Outcome outcome(String problem) {
            return new Outcome(declared, status, messages, timelines, problem);
        }
    }

    /** The child JVM's command; a restart ({@code skip} not null) names the tests already settled. */
    private List<String> command(Path events, List<Path> tests, Path classes, Set<String> skip) {
        // A test JVM lives a few seconds: the optimising compiler (C2) would spend more CPU compiling
        // than its code saves, so only the quick one (C1) runs: it halves the test JVMs' CPU. The race
        // tests count their chances in rounds, not in time, so slower code meets as many of them.
        List<String> command = new ArrayList<>(List.of(
                runtime.java().toString(), "-Xmx512m", "-Xss1m", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-cp", runtime.classPath(tests, classes),
                TestRunner.class.getName(), events.toString(), tests.get(0).toString()));
        if (skip != null) {
            command.addAll(skip);
            if (skip.isEmpty()) {
                command.add("-"); // a restart always skips something; "-" keeps the runner from declaring the tests again
            }
        }
        return command;
    }

    private String stoppedBetweenTests(List<Declared> declared, Exit exit) throws IOException {
        String how = exit.stuckExiting() ? "began to exit and did not finish within " + EXIT_GRACE.toSeconds()
                + " s (a shutdown hook that never ends?), so it was stopped" : "stopped (exit code " + exit.code() + ")";
        return declared.isEmpty()
                ? "the test JVM " + how + " before any test could run:\n" + tail(work.resolve("test-output.txt"))
                : "the test JVM " + how + " between tests";
    }

    private static String crashMessage(Exit exit, boolean exitCalled) {
        if (exit.stuckExiting()) {
            return "the code under test called System.exit() during this test, and the JVM did not finish exiting within "
                    + EXIT_GRACE.toSeconds() + " s (a shutdown hook that never ends?): it was stopped."
                    + " Never exit from library code: throw an exception or return instead";
        }
        if (exitCalled) {
            return "the test JVM exited during this test: the code under test called System.exit()."
                    + " Never exit from library code: throw an exception or return instead";
        }
        return switch (exit.code()) {
            case 0 -> "the test JVM exited during this test: the code under test called System.exit()."
                    + " Never exit from library code: throw an exception or return instead";
            case 3 -> "the code under test ran out of memory (java.lang.OutOfMemoryError) during this test:"
                    + " unbounded data, or threads created without end?";
            default -> "the test JVM crashed during this test (exit code " + exit.code() + ")";
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
