package course.cpuparallel;

import java.time.Duration;
import java.util.Locale;

/**
 * What {@link SpeedupMeter#measure} found after running a sequential and a parallel version of
 * the same computation.
 *
 * @param result         the parallel version's result
 * @param resultsEqual   whether both versions returned equal results ({@code Objects.equals})
 * @param sequentialTime how long the sequential version took
 * @param parallelTime   how long the parallel version took
 * @param speedup        sequential time divided by parallel time (2.0 means twice as fast)
 * @param cores          how many cores the machine offered
 */
public record SpeedupReport<R>(R result, boolean resultsEqual, Duration sequentialTime,
                               Duration parallelTime, double speedup, int cores) {

    /** One line for people: {@code sequential 812.4 ms, parallel 431.0 ms, speedup 1.88x on 2 cores}. */
    public String summary() {
        return String.format(Locale.ROOT, "sequential %.1f ms, parallel %.1f ms, speedup %.2fx on %d cores%s",
                sequentialTime.toNanos() / 1e6, parallelTime.toNanos() / 1e6, speedup, cores,
                resultsEqual ? "" : " (RESULTS DIFFER)");
    }
}
