package course.threadedio;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread that publishes 0, 1, 2, ... on a bus, as fast as it can but never past the number of
 * events the test allows, counting the events whose publish has begun and those whose publish has
 * returned, and keeping what publish threw, if anything.
 */
final class SteadyPublisher {

    /** How far ahead of what the test waits for the publisher may run, so it is still busy meanwhile. */
    private static final int RUN_AHEAD = 100;

    private final AtomicInteger allowed = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stop;
    private volatile Throwable failure;

    SteadyPublisher(EventBus<Integer> bus) {
        thread = new Thread(() -> {
            for (int event = 0; !stop; ) {
                if (event >= allowed.get()) {
                    LockSupport.parkNanos(20_000); // wait for the test to allow more
                    continue;
                }
                started.set(event + 1);
                try {
                    bus.publish(event);
                } catch (Throwable e) {
                    failure = e;
                    return;
                }
                completed.set(++event);
            }
        }, "test-publisher");
        thread.setDaemon(true);
    }

    SteadyPublisher start() {
        thread.start();
        return this;
    }

    /** Lets the publisher run on to {@link #RUN_AHEAD} events past what it has published so far. */
    void runOn() {
        allowed.accumulateAndGet(completed.get() + RUN_AHEAD, Math::max);
    }

    /** Events whose publish has begun: events from this number on begin later. */
    int started() {
        return started.get();
    }

    /** Events whose publish has returned: events below this number were published before now. */
    int completed() {
        return completed.get();
    }

    /** What publish threw, or null. */
    Throwable failure() {
        return failure;
    }

    /**
     * Lets the publisher go on to {@link #RUN_AHEAD} events past {@code n}, and waits (spinning, as
     * it takes a few microseconds per event) until {@code n} events have been published.
     */
    void awaitCompleted(int n) {
        allowed.accumulateAndGet(n + RUN_AHEAD, Math::max);
        long deadline = System.nanoTime() + Waits.AT_MOST.toNanos();
        while (completed.get() < n) {
            if (failure != null || !thread.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the publishing thread stopped at event " + completed.get() + " of "
                        + n + (failure == null ? "" : ": publish threw " + failure), failure);
            }
            Thread.yield();
        }
    }

    /** Stops publishing and returns how many events were published. */
    int stop() throws InterruptedException {
        stop = true;
        thread.join(Waits.AT_MOST.toMillis());
        return completed.get();
    }
}
