package course.grader.cli;

import course.grader.grading.GradeRequest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options more than one command takes, as picocli mixins. */
final class Options {

    private Options() {
    }

    /** {@code --time-limit SECONDS}: the limit of one module's tests. */
    static final class TimeLimit {
        @Option(names = "--time-limit", paramLabel = "SECONDS", description = "time limit for one module's tests (default: ${DEFAULT-VALUE})")
        int seconds = (int) GradeRequest.DEFAULT_TIME_LIMIT.toSeconds();

        Duration duration() {
            return Duration.ofSeconds(seconds);
        }
    }

    /** {@code --require-sandbox}: refuse to grade where the test JVMs cannot be sandboxed. */
    static final class RequireSandbox {
        @Option(names = "--require-sandbox", description = "refuse to grade unless the tests can run in an OS sandbox"
                + " (bubblewrap, or an unprivileged user when the grader runs as root)")
        boolean required;
    }

    /**
     * {@code --jobs N}: how many gradings run at once. By default twice the cores: a grading's test
     * JVM spends about half its time waiting (for what a test checks "stays so", or for a wrong
     * submission's test to time out), and the other gradings use the cores meanwhile. At most one
     * per GB of memory, though: a test JVM may take half a GB of heap, and a many-core machine
     * with little memory must not run out of it.
     */
    static final class Jobs {
        private static final long MEMORY_PER_GRADING = 1L << 30;

        @Option(names = "--jobs", paramLabel = "N",
                description = "gradings at once (default: twice the number of cores, at most one per GB of memory)")
        int count = byDefault();

        static int byDefault() {
            long byCores = 2L * Runtime.getRuntime().availableProcessors();
            // a JVM that does not say its memory (not HotSpot's bean) is taken at its cores alone
            long byMemory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getTotalMemorySize() / MEMORY_PER_GRADING : byCores;
            return (int) Math.max(1, Math.min(byCores, byMemory));
        }

        int atLeastOne() {
            return Math.max(1, count);
        }
    }
}
