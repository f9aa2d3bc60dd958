package course.asyncfetch;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time, injected: where timeouts, retry delays and rate-limit waits are scheduled. The tests pass
 * a manual scheduler whose clock they move by hand, so nothing in the tests waits for real time.
 * Code under test must take time from here: never {@code Thread.sleep}, never
 * {@code CompletableFuture.orTimeout} or {@code delayedExecutor} (they use a hidden JDK timer).
 */
public interface TaskScheduler {

    /** Runs {@code action} once, {@code delay} from now. Cancelling the returned future stops it. */
    Future<?> schedule(Duration delay, Runnable action);

    /** The current time in nanoseconds from an arbitrary origin, like {@link System#nanoTime()}. */
    long nanoTime();

    /** The real clock, with one daemon timer thread shared by the whole program. */
    static TaskScheduler system() {
        return SystemScheduler.INSTANCE;
    }

    /** The real-time implementation behind {@link #system()}. */
    final class SystemScheduler implements TaskScheduler {
        private static final SystemScheduler INSTANCE = new SystemScheduler();

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("task-scheduler").daemon(true).factory());

        private SystemScheduler() {
        }

        @Override
        public Future<?> schedule(Duration delay, Runnable action) {
            return timer.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }
    }
}
