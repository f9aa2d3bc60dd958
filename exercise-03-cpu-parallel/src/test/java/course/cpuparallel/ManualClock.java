package course.cpuparallel;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

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

    @Override
    public long getAsLong() {
        return now.get();
    }
}
