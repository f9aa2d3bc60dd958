package course.cpuparallel;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Part D: time a sequential and a parallel version of the same computation and compare them. */
public final class SpeedupMeter {

    private final LongSupplier nanoClock;
    private final int cores;

    /**
     * @param nanoClock where time comes from, in nanoseconds ({@code System::nanoTime} in real use;
     *                  the tests pass a clock they move by hand)
     * @param cores     the core count to report
     */
    public SpeedupMeter(LongSupplier nanoClock, int cores) {
        this.nanoClock = nanoClock;
        this.cores = cores;
    }

    /** A meter on the real clock that reports this machine's core count. */
    public static SpeedupMeter system() {
        return new SpeedupMeter(System::nanoTime, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code sequential}, then {@code parallel}, once each, timing both with the clock, and
     * reports both times, speedup = sequential time / parallel time, the core count, whether the
     * results are equal, and the parallel result.
     */
    public <R> SpeedupReport<R> measure(Supplier<? extends R> sequential, Supplier<? extends R> parallel) {
        // TODO: read nanoClock around each run (never System.nanoTime here), then fill in a
        //  SpeedupReport. README, part D.
        throw new UnsupportedOperationException(
                "TODO: time both versions with the injected clock and build the SpeedupReport (README, part D)");
    }
}
