package course.cpuparallel;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A nanosecond clock that only moves when a test moves it. The fake computations advance it by
 * their "duration" while they run, so a measurement gets the same numbers however often, and in
 * whatever order, the code reads the clock.
 */
final class ManualClock implements LongSupplier {

    private final AtomicLong now;

    ManualClock(long startNanos) {
        this.now = new AtomicLong(startNanos);
    }

    void advance(long nanos) {
        now.addAndGet(nanos);
    }

    /** A fake computation that "takes" {@code nanos} on this clock and returns {@code result}. */
    <R> Supplier<R> taking(long nanos, R result) {
        return () -> {
            advance(nanos);
            return result;
        };
    }

    @Override
    public long getAsLong() {
        return now.get();
    }
}
