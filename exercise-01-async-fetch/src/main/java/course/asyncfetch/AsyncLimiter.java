package course.asyncfetch;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Part B: the non-blocking semaphore the JDK lacks (README, part B). At most
 * {@code maxConcurrent} submitted tasks are running (started, future not yet complete); the
 * others wait in a queue and start, in submission order, as running ones complete.
 */
public final class AsyncLimiter implements ConcurrencyLimiter {

    public AsyncLimiter(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
        // TODO: keep what you need to count running tasks and queue the others (README, part B).
    }

    @Override
    public <T> CompletableFuture<T> submit(Supplier<? extends CompletableFuture<T>> task) {
        // TODO: start the task now if a slot is free, otherwise queue it; start the next queued
        //  task whenever a running one completes. Never block (README, part B).
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "TODO: run at most maxConcurrent tasks at once and queue the rest, without blocking (README, part B)"));
    }
}
