package course.grader.cli;

import course.grader.grading.GradeRequest;
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
     * submission's test to time out), and the other gradings use the cores meanwhile.
     */
    static final class Jobs {
        @Option(names = "--jobs", paramLabel = "N", description = "gradings at once (default: twice the number of cores)")
        int count = 2 * Runtime.getRuntime().availableProcessors();

        int atLeastOne() {
            return Math.max(1, count);
        }
    }
}
