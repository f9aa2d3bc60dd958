package course.threadedio;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Part F: a signal that is set once and then stays set ("ready", "shut down"). Any number of
 * threads can wait for it, each with a time limit. Java's twin of Python's {@code threading.Event}.
 */
public final class OneShotSignal {

    // A latch counted down from 1 is exactly this: once open it stays open, countDown() wakes every
    // waiter, and a waiter that comes later finds it open and returns at once.
    private final CountDownLatch latch = new CountDownLatch(1);

    /** Sets the signal and releases every thread waiting for it. Setting it again does nothing. */
    public void set() {
        latch.countDown();
    }

    /** Whether the signal has been set. */
    public boolean isSet() {
        return latch.getCount() == 0;
    }

    /**
     * Waits until the signal is set, at most {@code timeout}. Returns {@code true} at once if it is
     * set already (even with a zero timeout), {@code false} if the time ran out first.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
