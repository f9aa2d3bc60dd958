package course.grader.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Starting a process with a time limit. When the limit passes, the process and everything it started are killed. */
public final class Processes {

    /** How a process ended: its exit code, or that it ran out of time and was killed. */
    public record Outcome(int exitCode, boolean timedOut) {
    }

    private Processes() {
    }

    /** Starts {@code builder} and waits at most {@code limit} for it. */
    public static Outcome run(ProcessBuilder builder, Duration limit) throws IOException {
        Process process = builder.start();
        try {
            if (process.waitFor(Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS)) {
                return new Outcome(process.exitValue(), false);
            }
            killTree(process);
            return new Outcome(-1, true);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + builder.command().get(0));
        }
    }

    /** Kills {@code process} and every process it started, and waits briefly for it to go. */
    public static void killTree(Process process) {
        killDescendants(process);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void killDescendants(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
