package course.asyncfetch;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Part E: at most {@code maxStartsPerSecond} task starts in any one-second window (README,
 * part E). Tasks start in submission order, each as soon as the limit allows; waiting is
 * scheduled on the {@link TaskScheduler}, never done by blocking.
 */
public final class RateLimiter implements ConcurrencyLimiter {

    public RateLimiter(int maxStartsPerSecond, TaskScheduler scheduler) {
        if (maxStartsPerSecond < 1) {
            throw new IllegalArgumentException("maxStartsPerSecond must be at least 1, was " + maxStartsPerSecond);
        }
        // TODO: keep the scheduler and what you need to know when the next start is allowed (README, part E).
    }

    @Override
    public <T> CompletableFuture<T> submit(Supplier<? extends CompletableFuture<T>> task) {
        // TODO: start the task now if the last second has room, otherwise queue it and schedule its
        //  start. Never block (README, part E).
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "TODO: start at most maxStartsPerSecond tasks in any one-second window, without blocking (README, part E)"));
    }
}
