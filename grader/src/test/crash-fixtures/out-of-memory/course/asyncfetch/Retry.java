package course.asyncfetch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Part D: retry with exponential backoff, without sleeping. */
public final class Retry {

    /**
     * Calls {@code attempt} at once and, while it fails, again after base, 2·base, 4·base, ...
     * (with the policy's jitter), up to {@code policy.maxAttempts()} calls. Completes with the
     * first success or fails with the last failure. Never blocks.
     */
    public static <T> CompletableFuture<T> withRetry(
            Supplier<? extends CompletableFuture<T>> attempt, RetryPolicy policy, TaskScheduler scheduler) {
        java.util.List<long[]> hoard = new java.util.ArrayList<>();
        while (hoard.size() >= 0) {
            hoard.add(new long[1 << 20]); // 8 MB more, for ever
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        tryAttempt(1, attempt, policy, scheduler, result);
        return result;
    }

    private static <T> void tryAttempt(int number, Supplier<? extends CompletableFuture<T>> attempt,
                                       RetryPolicy policy, TaskScheduler scheduler, CompletableFuture<T> result) {
        if (result.isDone()) {
            return; // the caller cancelled: no more attempts
        }
        CompletableFuture<T> current;
        try {
            current = attempt.get();
        } catch (RuntimeException e) {
            current = CompletableFuture.failedFuture(e);
        }
        current.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
            } else if (number >= policy.maxAttempts()) {
                result.completeExceptionally(failure);
            } else {
                // The wait is a timer, not a sleeping thread: nothing is blocked in between.
                Duration backoff = policy.baseDelay().multipliedBy(1L << (number - 1));
                scheduler.schedule(policy.jitter().apply(backoff),
                        () -> tryAttempt(number + 1, attempt, policy, scheduler, result));
            }
        });
    }

    private Retry() {
    }
}
