package course.asyncfetch;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Part D: retry with exponential backoff, without sleeping (README, part D). */
public final class Retry {

    /**
     * Calls {@code attempt} at once; if its future fails, waits as {@code policy} says (the wait is
     * scheduled on {@code scheduler}) and calls it again, up to {@code policy.maxAttempts()} calls.
     * The returned future completes with the first success, or fails with the last failure.
     * Cancelling the returned future stops further attempts. Returns at once; never blocks.
     */
    public static <T> CompletableFuture<T> withRetry(
            Supplier<? extends CompletableFuture<T>> attempt, RetryPolicy policy, TaskScheduler scheduler) {
        // TODO: attempt, and on failure schedule the next attempt after base × 2^(k-1), with jitter
        //  (README, part D).
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "TODO: retry with exponential backoff scheduled on the TaskScheduler (README, part D)"));
    }

    private Retry() {
    }
}
