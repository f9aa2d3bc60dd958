package course.grader.runner;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Turns JUnit's execution events for the graded units into START and END lines. */
final class TestEvents implements TestExecutionListener {

    private final EventSink sink;
    private final Set<String> units;
    /** First failure among a unit's invocations (a parameterized or repeated test's runs). */
    private final Map<String, TestExecutionResult> failedInvocations = new ConcurrentHashMap<>();
    private TestPlan plan;

    TestEvents(EventSink sink, Set<String> units) {
        this.sink = sink;
        this.units = units;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (units.contains(id.getUniqueId())) {
            sink.write(new EventProtocol.Started(id.getUniqueId()));
        }
    }

    /** The longest timeline passed on (a test's trace of its calls); a longer one is dropped, not cut. */
    static final int MAX_TIMELINE = 64 * 1024;

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        String timeline = entry.getKeyValuePairs().get("timeline");
        if (timeline != null && timeline.length() <= MAX_TIMELINE) {
            unitOf(id).ifPresent(unit -> sink.write(new EventProtocol.Traced(unit, timeline)));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (units.contains(id.getUniqueId())) {
            sink.write(new EventProtocol.Ended(id.getUniqueId(), "ABORTED", "skipped: " + reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String unit = id.getUniqueId();
        if (!units.contains(unit)) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                unitOf(id).ifPresent(u -> failedInvocations.putIfAbsent(u, result));
                if (id.isContainer()) {
                    failEveryUnitBelow(id, result); // a failing class-level setup fails every unit below it
                }
            }
            return;
        }
        // A parameterized or repeated test passes only if every one of its runs passed.
        TestExecutionResult outcome = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                ? failedInvocations.getOrDefault(unit, result) : result;
        sink.write(ended(unit, outcome));
        if (outcome.getThrowable().filter(FailureMessages::isTimeout).isPresent() && FailureMessages.codeUnderTestStillRunning()) {
            // The timed-out code is still running (Java cannot stop a thread): start a fresh JVM for
            // the remaining tests rather than let it slow them down or corrupt them. (Threads that
            // are merely blocked for ever cost nothing and are left alone.)
            Runtime.getRuntime().halt(TestRunner.RESTART_EXIT_CODE);
        }
    }

    private void failEveryUnitBelow(TestIdentifier container, TestExecutionResult result) {
        for (TestIdentifier child : plan.getDescendants(container)) {
            if (units.contains(child.getUniqueId())) {
                sink.write(ended(child.getUniqueId(), result));
            }
        }
    }

    private static EventProtocol.Ended ended(String unit, TestExecutionResult result) {
        return new EventProtocol.Ended(unit, result.getStatus().name(), FailureMessages.message(result.getThrowable()));
    }

    private Optional<String> unitOf(TestIdentifier id) {
        for (Optional<TestIdentifier> at = Optional.of(id); at.isPresent(); at = plan.getParent(at.get())) {
            if (units.contains(at.get().getUniqueId())) {
                return Optional.of(at.get().getUniqueId());
            }
        }
        return Optional.empty();
    }
}
