package course.cpuparallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A nanosecond clock that only moves when a test moves it. The fake computations advance it by
 * their "duration" while they run, so a measurement gets the same numbers however often, and in
 * whatever order, the code reads the clock. The test's timeline runs on this clock (in seconds),
 * and every reading the code makes is in it ("clock read").
 */
final class ManualClock implements LongSupplier {

    private final AtomicLong now;

    ManualClock(long startNanos) {
        this.now = new AtomicLong(startNanos);
        Timeline.current().clock(() -> now.get() / 1e9);
    }

    void advance(long nanos) {
        now.addAndGet(nanos);
    }

    /** A fake computation that "takes" {@code nanos} on this clock and returns {@code result}. */
    <R> Supplier<R> taking(long nanos, R result) {
        return taking("run", nanos, result);
    }

    /** The same, drawn in the timeline as {@code lane} ("sequential", "parallel"). */
    <R> Supplier<R> taking(String lane, long nanos, R result) {
        AtomicInteger runs = new AtomicInteger();
        return () -> {
            Timeline.Call call = Timeline.current().start(lane);
            if (runs.incrementAndGet() > 1) {
                Timeline.current().broke(lane + " ran a second time");
            }
            advance(nanos);
            call.done();
            return result;
        };
    }

    @Override
    public long getAsLong() {
        Timeline.current().start("clock read").done();
        return now.get();
    }
}
