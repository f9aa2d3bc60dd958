package course.asyncfetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A {@link TaskScheduler} whose clock only moves when the test calls {@link #advance}: every
 * action that falls due then runs on the test's thread, in time order (actions due at the same
 * moment in the order they were scheduled), with the clock set to its due time. Tests use it
 * instead of waiting for real time.
 *
 * <p>Like {@link System#nanoTime()}, the clock starts at an arbitrary value, here a negative one
 * that is not a whole number of seconds: code that only works when time starts at 0 (a window
 * counted from 0, a sum where a difference belongs) fails here as it would on a real machine.
 */
final class ManualScheduler implements TaskScheduler {

    /** The clock's reading when the test starts. */
    static final long ORIGIN_NANOS = -3_599_876_543_210L;

    private record Timer(long dueAtNanos, long sequence, Runnable action, CompletableFuture<Void> handle) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.dueAtNanos() != b.dueAtNanos()
                    ? Long.compare(a.dueAtNanos(), b.dueAtNanos())
                    : Long.compare(a.sequence(), b.sequence()));
    private final List<Duration> requestedDelays = new ArrayList<>();
    private long now = ORIGIN_NANOS;
    private long sequence;

    @Override
    public synchronized Future<?> schedule(Duration delay, Runnable action) {
        requestedDelays.add(delay);
        CompletableFuture<Void> handle = new CompletableFuture<>();
        timers.add(new Timer(now + Math.max(0, delay.toNanos()), sequence++, action, handle));
        return handle;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    /** Moves the clock forward by {@code duration}, running every action that falls due. */
    void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = now + duration.toNanos();
        }
        while (true) {
            Timer due;
            synchronized (this) {
                Timer next = timers.peek();
                if (next == null || next.dueAtNanos() > target) {
                    now = target;
                    return;
                }
                due = timers.poll();
                now = due.dueAtNanos();
            }
            if (!due.handle().isCancelled()) {
                due.action().run();
                due.handle().complete(null);
            }
        }
    }

    void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** Every delay code asked for, in order. */
    synchronized List<Duration> requestedDelays() {
        return List.copyOf(requestedDelays);
    }

    /** Actions scheduled, not yet run and not cancelled. */
    synchronized int pendingTimers() {
        return (int) timers.stream().filter(timer -> !timer.handle().isDone()).count();
    }

    /** Time on this clock since the test started. */
    synchronized Duration elapsed() {
        return Duration.ofNanos(now - ORIGIN_NANOS);
    }
}
