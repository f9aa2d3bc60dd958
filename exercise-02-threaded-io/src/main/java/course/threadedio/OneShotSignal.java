package course.threadedio;

import java.time.Duration;

/**
 * Part F: a signal that is set once and then stays set ("ready", "shut down"). Any number of
 * threads can wait for it, each with a time limit. Java's twin of Python's {@code threading.Event}.
 */
public final class OneShotSignal {

    // TODO (README, part F): keep the signal's state here: a CountDownLatch of 1, or a flag
    //  guarded by a lock that waiters wait on.

    /** Sets the signal and releases every thread waiting for it. Setting it again does nothing. */
    public void set() {
        throw new UnsupportedOperationException("TODO: set the signal and release every waiter (README, part F)");
    }

    /** Whether the signal has been set. */
    public boolean isSet() {
        throw new UnsupportedOperationException("TODO: say whether the signal is set (README, part F)");
    }

    /**
     * Waits until the signal is set, at most {@code timeout}. Returns {@code true} at once if it is
     * set already (even with a zero timeout), {@code false} if the time ran out first.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean await(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException(
                "TODO: wait until the signal is set or the timeout runs out (README, part F)");
    }
}
