package course.grader.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs one module's tests in the grader's child JVM and writes what happens, line by line, to an
 * events file that survives the JVM: if student code exits, crashes or exhausts memory, every
 * result written before it is kept, and the grader restarts this runner for the tests left.
 *
 * <p>Usage: {@code TestRunner EVENTS_FILE XML_REPORT_DIR TEST_CLASSES_DIR [SKIP_UNIQUE_ID...]}.
 * Lines: {@code TEST <id> <class> <method> <display> <tags>}, {@code START <id>},
 * {@code END <id> <SUCCESSFUL|FAILED|ABORTED> <message>}, fields Base64-encoded, tab-separated.
 */
public final class TestRunner {

    public static void main(String[] args) throws IOException {
        Path events = Path.of(args[0]);
        Path xmlReports = Path.of(args[1]);
        Path testClasses = Path.of(args[2]);
        Set<String> skip = Set.copyOf(Arrays.asList(args).subList(3, args.length));

        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(testClasses)))
                .configurationParameter("junit.jupiter.execution.timeout.default", "10 s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(discovery);

        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(events, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            List<TestIdentifier> graded = gradedUnits(plan);
            if (skip.isEmpty()) {
                for (TestIdentifier unit : graded) {
                    MethodSource source = (MethodSource) unit.getSource().orElseThrow();
                    String tags = unit.getTags().stream().map(t -> t.getName()).sorted().collect(Collectors.joining(","));
                    write(out, "TEST", unit.getUniqueId(), source.getClassName(), source.getMethodName(),
                            unit.getDisplayName(), tags);
                }
            }
            List<TestIdentifier> toRun = graded.stream().filter(u -> !skip.contains(u.getUniqueId())).toList();
            if (!toRun.isEmpty()) {
                LauncherDiscoveryRequest run = LauncherDiscoveryRequestBuilder.request()
                        .selectors(toRun.stream().map(u -> selectUniqueId(u.getUniqueId())).toList())
                        .configurationParameters(discovery.getConfigurationParameters().keySet().stream()
                                .collect(Collectors.toMap(k -> k, k -> discovery.getConfigurationParameters().get(k).orElseThrow())))
                        .build();
                Files.createDirectories(xmlReports);
                launcher.execute(run, new EventWriter(out, Set.copyOf(toRun.stream().map(TestIdentifier::getUniqueId).toList())),
                        new LegacyXmlReportGeneratingListener(xmlReports, new PrintWriter(new StringWriter())));
            }
            write(out, "DONE");
        }
        // Student code may leave non-daemon threads behind (a deadlock, a pool never shut down):
        // they must not keep this JVM, and the grade, waiting.
        System.exit(0);
    }

    /** The graded units: methods (a parameterized or repeated method counts once). */
    private static List<TestIdentifier> gradedUnits(TestPlan plan) {
        return plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .filter(id -> id.getSource().filter(MethodSource.class::isInstance).isPresent())
                .filter(id -> plan.getParent(id).flatMap(TestIdentifier::getSource)
                        .filter(MethodSource.class::isInstance).isEmpty())
                .toList();
    }

    private static final class EventWriter implements TestExecutionListener {
        private final PrintWriter out;
        private final Set<String> units;
        private TestPlan plan;

        EventWriter(PrintWriter out, Set<String> units) {
            this.out = out;
            this.units = units;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (units.contains(id.getUniqueId())) {
                write(out, "START", id.getUniqueId());
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (units.contains(id.getUniqueId())) {
                write(out, "END", id.getUniqueId(), "ABORTED", "skipped: " + reason);
            }
        }

        /** First failure among a unit's invocations (a parameterized or repeated test's runs). */
        private final java.util.Map<String, TestExecutionResult> failedInvocations = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            String unit = id.getUniqueId();
            if (!units.contains(unit)) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    unitOf(id).ifPresent(u -> failedInvocations.putIfAbsent(u, result));
                    // A failing class-level setup fails every unit below it.
                    if (id.isContainer()) {
                        for (TestIdentifier child : plan.getDescendants(id)) {
                            if (units.contains(child.getUniqueId())) {
                                write(out, "END", child.getUniqueId(), result.getStatus().name(), message(result.getThrowable()));
                            }
                        }
                    }
                }
                return;
            }
            // A parameterized or repeated test passes only if every one of its runs passed.
            TestExecutionResult outcome = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                    ? failedInvocations.getOrDefault(unit, result) : result;
            write(out, "END", unit, outcome.getStatus().name(), message(outcome.getThrowable()));
            if (outcome.getThrowable().filter(TestRunner::isTimeout).isPresent() && codeUnderTestStillRunning()) {
                // The timed-out code is still running (Java cannot stop a thread): start a fresh
                // JVM for the remaining tests rather than let it slow them down or corrupt them.
                // (Threads that are merely blocked for ever cost nothing and are left alone.)
                out.flush();
                Runtime.getRuntime().halt(RESTART_EXIT_CODE);
            }
        }

        private java.util.Optional<String> unitOf(TestIdentifier id) {
            for (java.util.Optional<TestIdentifier> at = java.util.Optional.of(id); at.isPresent(); at = plan.getParent(at.get())) {
                if (units.contains(at.get().getUniqueId())) {
                    return java.util.Optional.of(at.get().getUniqueId());
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** Exit code asking the grader to restart the runner for the tests not yet run. */
    public static final int RESTART_EXIT_CODE = 42;

    static boolean isTimeout(Throwable failure) {
        return failure instanceof java.util.concurrent.TimeoutException
                || String.valueOf(failure.getMessage()).contains("timed out after");
    }

    private static String message(Optional<Throwable> failure) {
        if (failure.isEmpty()) {
            return "";
        }
        Throwable t = failure.get();
        StringBuilder text = new StringBuilder(t.getClass().getName());
        if (t.getMessage() != null) {
            text.append(": ").append(t.getMessage().strip());
        }
        for (Throwable cause = t.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("\ncaused by ").append(cause);
        }
        if (isTimeout(t)) {
            // JUnit captures the timed-out thread's stack when the time is up: where it was stuck.
            for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c.getClass().getSimpleName().contains("Timeout") && c.getStackTrace().length > 0) {
                    text.append("\n\nWhere the timed-out code was stuck:\n");
                    Arrays.stream(c.getStackTrace()).limit(12).forEach(frame -> text.append("    at ").append(frame).append('\n'));
                    break;
                }
            }
            text.append("\nThreads of the code under test still alive afterwards:\n").append(threadDump());
        } else {
            // Where in the code under test it went wrong: the first frames outside JUnit and the JDK.
            Arrays.stream(t.getStackTrace())
                    .filter(frame -> frame.getClassName().startsWith("course."))
                    .limit(3)
                    .forEach(frame -> text.append("\n    at ").append(frame));
        }
        return text.toString();
    }

    /** Is some thread still busy (runnable) in the code under test, twice in a row 200 ms apart? */
    static boolean codeUnderTestStillRunning() {
        for (int look = 0; look < 2; look++) {
            boolean busy = Thread.getAllStackTraces().entrySet().stream()
                    .anyMatch(e -> e.getKey().getState() == Thread.State.RUNNABLE && e.getKey() != Thread.currentThread()
                            && Arrays.stream(e.getValue()).anyMatch(TestRunner::isCodeUnderTest));
            if (!busy) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return true;
    }

    private static boolean isCodeUnderTest(StackTraceElement frame) {
        return frame.getClassName().startsWith("course.") && !frame.getClassName().startsWith("course.grader");
    }

    /** A short thread dump: threads with a frame in course code, their top course frames. */
    static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            List<StackTraceElement> frames = Arrays.stream(info.getStackTrace()).toList();
            if (frames.stream().noneMatch(TestRunner::isCodeUnderTest)) {
                continue;
            }
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" waiting for ").append(info.getLockName());
                if (info.getLockOwnerName() != null) {
                    dump.append(" held by \"").append(info.getLockOwnerName()).append('"');
                }
            }
            dump.append('\n');
            frames.stream().limit(8).forEach(f -> dump.append("    at ").append(f).append('\n'));
            if (dump.length() > 6000) {
                dump.append("...\n");
                break;
            }
        }
        return dump.isEmpty() ? "(no thread of the code under test was alive)\n" : dump.toString();
    }

    static synchronized void write(PrintWriter out, String kind, String... fields) {
        StringBuilder line = new StringBuilder(kind);
        Base64.Encoder encoder = Base64.getEncoder();
        for (String field : fields) {
            line.append('\t').append(encoder.encodeToString(field.getBytes(StandardCharsets.UTF_8)));
        }
        out.println(line);
        out.flush();
    }

    private TestRunner() {
    }
}
