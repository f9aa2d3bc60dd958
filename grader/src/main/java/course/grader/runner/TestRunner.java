package course.grader.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one module's tests in the grader's child JVM and writes what happens, line by line
 * ({@link EventProtocol}), to an events file that survives the JVM: if the code under test exits,
 * crashes or exhausts memory, every result written before it is kept, and the grader restarts
 * this runner for the tests left.
 *
 * <p>Usage: {@code TestRunner EVENTS_FILE TEST_CLASSES_DIR [SKIP_UNIQUE_ID...]}, with
 * the key that signs the events ({@link EventProtocol}) as the first line of standard input (read,
 * then closed, before any code under test runs). A restart (anything to skip) does not declare the
 * tests again. When the run is done the JVM halts: no shutdown hook of the code under test runs.
 */
public final class TestRunner {

    /** Exit code asking the grader to restart the runner for the tests not yet run. */
    public static final int RESTART_EXIT_CODE = 42;

    /**
     * The preemptive timeout of a test whose class sets none, for a module without its own
     * {@code junit-platform.properties} (given to the launcher, these would override that file).
     */
    private static final Map<String, String> FALLBACK = Map.of(
            "junit.jupiter.execution.timeout.default", "10 s",
            "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");

    private TestRunner() {
    }

    public static void main(String[] args) throws IOException {
        byte[] key = readKey();
        Path events = Path.of(args[0]);
        Path testClasses = Path.of(args[1]);
        Set<String> skip = Set.copyOf(Arrays.asList(args).subList(2, args.length));

        Map<String, String> defaults = TestRunner.class.getClassLoader().getResource("junit-platform.properties") == null
                ? FALLBACK : Map.of();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(Set.of(testClasses))).configurationParameters(defaults).build());
        try (EventSink sink = new EventSink(events, key)) {
            // Runs only when something calls System.exit: tells the grader the JVM is going down.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> sink.write(new EventProtocol.Exiting())));
            List<TestIdentifier> graded = gradedUnits(plan);
            if (skip.isEmpty()) {
                graded.forEach(unit -> sink.write(declared(unit)));
            }
            List<TestIdentifier> toRun = graded.stream().filter(u -> !skip.contains(u.getUniqueId())).toList();
            if (!toRun.isEmpty()) {
                LauncherDiscoveryRequest run = LauncherDiscoveryRequestBuilder.request()
                        .selectors(toRun.stream().map(u -> selectUniqueId(u.getUniqueId())).toList())
                        .configurationParameters(defaults).build();
                launcher.execute(run, new TestEvents(sink, toRun.stream().map(TestIdentifier::getUniqueId).collect(Collectors.toSet())));
            }
            sink.write(new EventProtocol.Done());
        }
        // The code under test may leave non-daemon threads (a deadlock, a pool never shut down) or
        // shutdown hooks behind: none of them may keep this JVM, and the grade, waiting.
        Runtime.getRuntime().halt(0);
    }

    private static byte[] readKey() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = System.in.read()) >= 0 && c != '\n'; ) {
            line.append((char) c);
        }
        System.in.close();
        return Base64.getDecoder().decode(line.toString().strip());
    }

    private static EventProtocol.Declared declared(TestIdentifier unit) {
        MethodSource source = (MethodSource) unit.getSource().orElseThrow();
        Set<String> tags = unit.getTags().stream().map(t -> t.getName()).collect(Collectors.toSet());
        return new EventProtocol.Declared(unit.getUniqueId(), source.getClassName(), source.getMethodName(),
                unit.getDisplayName(), tags);
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
}
