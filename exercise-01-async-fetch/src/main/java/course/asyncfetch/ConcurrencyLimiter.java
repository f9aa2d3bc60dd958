package course.asyncfetch;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs asynchronous tasks while keeping some limit on them (how many run at once, how many start
 * per second, ...). {@link #submit} never blocks: it returns a future at once and starts the task
 * when the limit allows.
 *
 * <p>The returned future completes like the task's own future. Cancelling it before the task has
 * started means the task never starts; cancelling it afterwards cancels the task's future.
 */
public interface ConcurrencyLimiter {

    <T> CompletableFuture<T> submit(Supplier<? extends CompletableFuture<T>> task);
}
