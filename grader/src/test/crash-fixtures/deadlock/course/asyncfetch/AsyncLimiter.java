package course.asyncfetch;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Deadlocks: submit holds the lock and waits for a task that needs the same lock. */
public final class AsyncLimiter implements ConcurrencyLimiter {

    public AsyncLimiter(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
    }

    @Override
    public synchronized <T> CompletableFuture<T> submit(Supplier<? extends CompletableFuture<T>> task) {
        Thread helper = Thread.ofPlatform().name("limiter-helper").start(() -> {
            synchronized (this) {
                task.get();
            }
        });
        try {
            helper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new CompletableFuture<>();
    }
}
